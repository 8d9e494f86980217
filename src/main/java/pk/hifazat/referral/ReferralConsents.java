package pk.hifazat.referral;

import static pk.hifazat.support.SqlTimes.toColumn;

import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code referral_consent} table (R-CONSENT): each time a referral waits for consent, what the
 * child and the guardian answered, and whether the referral then went or was withheld.
 */
@Repository
class ReferralConsents {

  /** What became of a request for consent. */
  enum Outcome { PENDING, SHARED, WITHHELD }

  /** A request for consent as the case record shows it. */
  record Asked(String agency, java.time.Instant askedAt, String childConsent,
      String guardianConsent, String shares, String recordedBy, java.time.Instant recordedAt,
      String outcome) {}

  java.util.List<Asked> ofCase(String caseNumber) {
    return jdbc.sql("select * from referral_consent where case_number = ? order by asked_at")
        .param(caseNumber)
        .query((rs, row) -> new Asked(rs.getString("agency"),
            pk.hifazat.support.SqlTimes.fromColumn(rs, "asked_at"), rs.getString("child_consent"),
            rs.getString("guardian_consent"), rs.getString("shares"),
            rs.getString("recorded_by"), pk.hifazat.support.SqlTimes.fromColumn(rs, "recorded_at"),
            rs.getString("outcome")))
        .list();
  }

  /** The answers last recorded for a case and an agency. */
  record Consent(String child, String guardian, String shares) {}

  private final JdbcClient jdbc;

  ReferralConsents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Consent> latest(String caseNumber, String agency) {
    return jdbc.sql("select child_consent, guardian_consent, shares from referral_consent"
            + " where case_number = ? and agency = ? and recorded_at is not null"
            + " order by recorded_at desc")
        .params(caseNumber, agency)
        .query((rs, row) -> new Consent(rs.getString("child_consent"),
            rs.getString("guardian_consent"), rs.getString("shares")))
        .list().stream().findFirst();
  }

  /** The referral waits for consent; asked once while it waits. */
  void ask(String caseNumber, String agency, String processInstanceId, String province,
      String district) {
    if (pending(caseNumber, agency).isPresent()) {
      return;
    }
    jdbc.sql("""
        insert into referral_consent (id, case_number, agency, process_instance_id, province,
          district, asked_at, outcome) values (?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
        .params(UUID.randomUUID().toString(), caseNumber, agency, processInstanceId, province,
            district, toColumn(ClockUtil.getCurrentTime().toInstant()))
        .update();
  }

  /** The child's and the guardian's answers, signed by the officer who asked. */
  void answer(String caseNumber, String agency, Consent consent, String recordedBy) {
    String id = pending(caseNumber, agency).orElseThrow(() -> new IllegalStateException(
        "No consent was asked of case " + caseNumber + " for " + agency));
    jdbc.sql("update referral_consent set child_consent = ?, guardian_consent = ?, shares = ?,"
            + " recorded_by = ?, recorded_at = ? where id = ?")
        .params(consent.child(), consent.guardian(), consent.shares(), recordedBy,
            toColumn(ClockUtil.getCurrentTime().toInstant()), id)
        .update();
  }

  /** The referral went, or was withheld: the request waiting for it is settled. */
  void settle(String caseNumber, String agency, Outcome outcome) {
    jdbc.sql("update referral_consent set outcome = ? where case_number = ? and agency = ?"
            + " and outcome = 'PENDING'")
        .params(outcome.name(), caseNumber, agency)
        .update();
  }

  private Optional<String> pending(String caseNumber, String agency) {
    return jdbc.sql("select id from referral_consent where case_number = ? and agency = ?"
            + " and outcome = 'PENDING'")
        .params(caseNumber, agency).query(String.class).optional();
  }
}
