package pk.hifazat.sla;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pk.hifazat.security.ReadableCases;

/**
 * Reads clocks for managers, by area, rule and status. Status is judged at the time of the
 * query, so a clock past its due time counts as breached even before the sweep records it.
 */
@Repository
class ClockQueries {

  private final JdbcClient jdbc;
  private final ClockRepository clocks;

  ClockQueries(JdbcClient jdbc, ClockRepository clocks) {
    this.jdbc = jdbc;
    this.clocks = clocks;
  }

  /** A WHERE clause with its parameters. */
  private record Where(String sql, Map<String, Object> params) {}

  private static Where where(ClockFilter filter, Instant now) {
    return where(filter, now, true);
  }

  private static Where where(ClockFilter filter, Instant now, boolean readableOnly) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("now", toColumn(now));
    add(conditions, params, "case_number", "caseNumber", filter.caseNumber());
    add(conditions, params, "rule_id", "rule", filter.rule());
    add(conditions, params, "province", "province", filter.province());
    add(conditions, params, "district", "district", filter.district());
    add(conditions, params, "agency", "agency", filter.agency());
    if (filter.from() != null) {
      conditions.add("due_at >= :from");
      params.put("from", toColumn(filter.from()));
    }
    if (filter.to() != null) {
      conditions.add("due_at < :to");
      params.put("to", toColumn(filter.to()));
    }
    if (readableOnly && !filter.readable().isEmpty()) {
      conditions.add(filter.readable().sql());
      params.putAll(filter.readable().params());
    }
    if (filter.status() != null) {
      conditions.add(switch (filter.status()) {
        case BREACHED -> BREACHED;
        case MET -> "status = 'MET'";
        case AT_RISK, RUNNING -> "stopped_at is null and " + OPEN_STATUS.get(filter.status());
      });
    }
    return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions),
        params);
  }

  /** Breached, recorded or not yet swept. */
  private static final String BREACHED =
      "(status = 'BREACHED' or (stopped_at is null and due_at <= :now))";

  /**
   * Where an open clock stands at {@code :now}, as {@link Clock#statusAt} judges it; only columns
   * of index sla_clock_open_status, which the metrics count from.
   */
  private static final Map<ClockStatus, String> OPEN_STATUS = Map.of(
      ClockStatus.RUNNING,
      "status = 'RUNNING' and due_at > :now and (warning_at is null or warning_at > :now)",
      ClockStatus.AT_RISK, "due_at > :now and (status = 'AT_RISK' or warning_at <= :now)",
      ClockStatus.BREACHED, "(status = 'BREACHED' or due_at <= :now)");

  private static void add(List<String> conditions, Map<String, Object> params, String column,
      String name, String value) {
    if (value != null && !value.isBlank()) {
      conditions.add(column + " = :" + name);
      params.put(name, value.trim());
    }
  }

  long count(ClockFilter filter, Instant now) {
    Where where = where(filter, now);
    return jdbc.sql("select count(*) from sla_clock" + where.sql()).params(where.params())
        .query(Long.class).single();
  }

  /**
   * The first clocks by due time of the cases the user may read. The candidates are chosen from
   * index sla_clock_due_figures alone (V90), the first {@code limit}, then twice as many after
   * them..., and the user's grants are asked of their cases only (R-GIRL-FEMALE-CARE): a manager
   * who reads a tenth of the range's cases costs a few rounds, not a check of every clock in it.
   * Only the clocks listed are then read whole.
   */
  List<Clock> list(ClockFilter filter, Instant now, boolean latestFirst) {
    ReadableCases readable = filter.readableCases();
    if (!readable.any()) {
      return List.of();
    }
    Where where = where(filter, now, false);
    String order = " order by due_at " + (latestFirst ? "desc" : "asc") + ", id";
    List<String> listed = new ArrayList<>();
    for (int skipped = 0, round = filter.limit(); listed.size() < filter.limit();
        skipped += round, round *= 2) {
      Map<String, String> candidates = new LinkedHashMap<>();
      jdbc.sql("select id, process_instance_id from sla_clock" + where.sql() + order
              + " limit :round offset :skipped")
          .params(where.params())
          .param("round", round)
          .param("skipped", skipped)
          .query((ResultSet rs) -> {
            candidates.put(rs.getString("id"), rs.getString("process_instance_id"));
          });
      Set<String> granted = readable.among(new HashSet<>(candidates.values()));
      candidates.forEach((id, instance) -> {
        if (listed.size() < filter.limit() && granted.contains(instance)) {
          listed.add(id);
        }
      });
      if (candidates.size() < round) {
        break; // the range has no more
      }
    }
    if (listed.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + ClockRepository.COLUMNS + " from sla_clock where id in (:ids)"
            + order)
        .param("ids", listed)
        .query(ClockRepository::map)
        .list();
  }

  Map<String, Long> countByRule(ClockFilter filter, Instant now) {
    Where where = where(filter, now);
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql("select rule_id, count(*) as n from sla_clock" + where.sql()
            + " group by rule_id order by n desc, rule_id")
        .params(where.params())
        .query((ResultSet rs) -> {
          counts.put(rs.getString("rule_id"), rs.getLong("n"));
        });
    return counts;
  }

  /**
   * Clocks per calendar day of their due time in {@code zone}, counted by the database: the
   * database counts per hour (date_trunc, alike on H2 and PostgreSQL; a cast to a zone's date is
   * not), each hour then falls on its day in the zone. Exact for Pakistan, whose offset has been
   * whole hours since 1951, with the database session in any whole-hour zone (UTC on our servers).
   */
  Map<LocalDate, Long> countByDay(ClockFilter filter, Instant now, ZoneId zone) {
    Where where = where(filter, now);
    Map<LocalDate, Long> counts = new TreeMap<>();
    String hour = "date_trunc('hour', due_at)";
    jdbc.sql("select " + hour + " as due_hour, count(*) as n from sla_clock" + where.sql()
            + " group by " + hour) // H2 reads "group by 1" as a constant, not a position
        .params(where.params())
        .query((ResultSet rs) -> {
          LocalDate day = fromColumn(rs, "due_hour").atZone(zone).toLocalDate();
          counts.merge(day, rs.getLong("n"), Long::sum);
        });
    return counts;
  }

  /**
   * Open clocks by status, for the metrics, in one pass over the open clocks alone: found by
   * stop_reason (null exactly while stopped_at is, V17) in index sla_clock_open_status, which
   * holds every column read here.
   */
  Map<ClockStatus, Long> openByStatus(Instant now) {
    List<ClockStatus> statuses =
        List.of(ClockStatus.RUNNING, ClockStatus.AT_RISK, ClockStatus.BREACHED);
    String counts = statuses.stream()
        .map(status -> "count(case when " + OPEN_STATUS.get(status) + " then 1 end)")
        .collect(Collectors.joining(", "));
    Map<ClockStatus, Long> result = new LinkedHashMap<>();
    jdbc.sql("select " + counts + " from sla_clock where stop_reason is null")
        .param("now", toColumn(now))
        .query((ResultSet rs) -> {
          for (int i = 0; i < statuses.size(); i++) {
            result.put(statuses.get(i), rs.getLong(i + 1));
          }
        });
    return result;
  }
}
