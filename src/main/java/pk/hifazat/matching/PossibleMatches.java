package pk.hifazat.matching;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Possible matches and confirmed links, tables {@code possible_match} and {@code case_link}. */
@Repository
class PossibleMatches {

  enum Status { POSSIBLE, REQUESTED, CONFIRMED, DECLINED }

  /** Two cases that may be the same child; {@code caseNumber} is the one whose look-up found it. */
  record Match(String id, String caseNumber, String otherCaseNumber,
      List<Resemblance.Reason> reasons, Instant foundAt, Status status, String requestedBy,
      Instant requestedAt, String decidedBy, Instant decidedAt) {

    /** The case of the pair that is not {@code caseNumber}. */
    String otherThan(String caseNumber) {
      return this.caseNumber.equals(caseNumber) ? otherCaseNumber : this.caseNumber;
    }
  }

  /** A confirmed link: the later case, its previous case, and whether the child was trafficked again. */
  record Link(String caseNumber, String previousCaseNumber, String matchId, boolean reTrafficked,
      Instant confirmedAt) {}

  private final JdbcClient jdbc;

  PossibleMatches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the pair once, whichever of its cases found it. */
  void record(String caseNumber, String other, List<Resemblance.Reason> reasons, Instant now) {
    String text = String.join(",", reasons.stream().map(Enum::name).toList());
    int updated = jdbc.sql("update possible_match set reasons = ? where status = 'POSSIBLE' and"
            + " ((case_number = ? and other_case_number = ?)"
            + " or (case_number = ? and other_case_number = ?))")
        .params(text, caseNumber, other, other, caseNumber).update();
    if (updated == 0 && pair(caseNumber, other).isEmpty()) {
      jdbc.sql("insert into possible_match (id, case_number, other_case_number, reasons,"
              + " found_at, status) values (?, ?, ?, ?, ?, 'POSSIBLE')")
          .params(UUID.randomUUID().toString(), caseNumber, other, text, toColumn(now)).update();
    }
  }

  /** Possible matches of the case that no longer hold (its identity was corrected) go. */
  void dropOthers(String caseNumber, Collection<String> stillFound) {
    for (Match match : of(caseNumber)) {
      if (match.status() == Status.POSSIBLE
          && !stillFound.contains(match.otherThan(caseNumber))) {
        jdbc.sql("delete from possible_match where id = ? and status = 'POSSIBLE'")
            .param(match.id()).update();
      }
    }
  }

  private Optional<Match> pair(String a, String b) {
    return jdbc.sql("select * from possible_match where (case_number = ? and other_case_number = ?)"
            + " or (case_number = ? and other_case_number = ?)")
        .params(a, b, b, a).query(PossibleMatches::map).optional();
  }

  List<Match> of(String caseNumber) {
    return jdbc.sql("select * from possible_match where case_number = ? or other_case_number = ?"
            + " order by found_at, id")
        .params(caseNumber, caseNumber).query(PossibleMatches::map).list();
  }

  Optional<Match> find(String id) {
    return jdbc.sql("select * from possible_match where id = ?").param(id)
        .query(PossibleMatches::map).optional();
  }

  /** Moves a match on from the status it is in; false when someone else moved it first. */
  boolean request(String id, String by, Instant at) {
    return jdbc.sql("update possible_match set status = 'REQUESTED', requested_by = ?,"
            + " requested_at = ? where id = ? and status = 'POSSIBLE'")
        .params(by, toColumn(at), id).update() == 1;
  }

  boolean decide(String id, Status decision, String by, Instant at) {
    return jdbc.sql("update possible_match set status = ?, decided_by = ?, decided_at = ?"
            + " where id = ? and status = 'REQUESTED'")
        .params(decision.name(), by, toColumn(at), id).update() == 1;
  }

  void link(Link link, String by) {
    jdbc.sql("insert into case_link (case_number, previous_case_number, match_id, re_trafficked,"
            + " confirmed_at, confirmed_by) values (?, ?, ?, ?, ?, ?)")
        .params(link.caseNumber(), link.previousCaseNumber(), link.matchId(), link.reTrafficked(),
            toColumn(link.confirmedAt()), by)
        .update();
  }

  /** The case's most recent confirmed previous case, if any. */
  Optional<Link> previousOf(String caseNumber) {
    return jdbc.sql("select * from case_link where case_number = ? order by confirmed_at desc")
        .param(caseNumber)
        .query((rs, row) -> new Link(rs.getString("case_number"),
            rs.getString("previous_case_number"), rs.getString("match_id"),
            rs.getBoolean("re_trafficked"), fromColumn(rs, "confirmed_at")))
        .list().stream().findFirst();
  }

  /** Possible matches, pending requests and links of the case go with its identity. */
  void forget(String caseNumber) {
    jdbc.sql("delete from possible_match where (case_number = ? or other_case_number = ?)"
            + " and status = 'POSSIBLE'")
        .params(caseNumber, caseNumber).update();
  }

  private static Match map(ResultSet rs, int row) throws SQLException {
    return new Match(rs.getString("id"), rs.getString("case_number"),
        rs.getString("other_case_number"),
        Arrays.stream(rs.getString("reasons").split(",")).filter(s -> !s.isEmpty())
            .map(Resemblance.Reason::valueOf).toList(),
        fromColumn(rs, "found_at"), Status.valueOf(rs.getString("status")),
        rs.getString("requested_by"), fromColumn(rs, "requested_at"),
        rs.getString("decided_by"), fromColumn(rs, "decided_at"));
  }
}
