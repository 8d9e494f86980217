package pk.hifazat.reporting;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pk.hifazat.security.CaseReaders;

/**
 * Aggregates the task facts per activity (and area, when grouped): each figure from one indexed
 * query, so a province's answer does not read the country's history.
 */
@Repository
class BottleneckQueries {

  /** How the rows are split besides by activity. */
  enum GroupBy {
    NONE(""),
    PROVINCE("province"),
    DISTRICT("province, district"),
    AGENCY("agency");

    final String columns;

    GroupBy(String columns) {
      this.columns = columns;
    }
  }

  /** {@code readable}: the cases the oldest-open lists may name (the figures name none). */
  record Filter(String province, String district, String agency, Instant from, Instant to,
      Instant now, GroupBy groupBy, CaseReaders.Condition readable) {}

  /** One activity (in one area) and its figures so far. */
  record Key(String processDefinitionKey, String activityId, String province, String district,
      String agency) {}

  static final class Figures {
    String activityName;
    long workInProgress;
    long overdueOpen;
    long arrivals;
    long completions;
    long completedLate;
    Double waitingMedian;
    Double waitingP90;
    Double handlingMedian;
    Double handlingP90;
    final List<OldestOpen> oldestOpen = new ArrayList<>();

    /** Takes the figures another query found for the same activity (each sets its own). */
    void add(Figures other) {
      activityName = other.activityName != null ? other.activityName : activityName;
      workInProgress += other.workInProgress;
      overdueOpen += other.overdueOpen;
      arrivals += other.arrivals;
      completions += other.completions;
      completedLate += other.completedLate;
      waitingMedian = other.waitingMedian != null ? other.waitingMedian : waitingMedian;
      waitingP90 = other.waitingP90 != null ? other.waitingP90 : waitingP90;
      handlingMedian = other.handlingMedian != null ? other.handlingMedian : handlingMedian;
      handlingP90 = other.handlingP90 != null ? other.handlingP90 : handlingP90;
      oldestOpen.addAll(other.oldestOpen);
    }
  }

  record OldestOpen(String caseNumber, String taskId, Instant createdAt, Instant dueAt) {}

  private final JdbcClient jdbc;
  /**
   * Runs the figures' queries of one answer side by side, each on a connection of its own, at
   * most four at once in the whole application: an answer waits for the slowest, not the sum.
   */
  private final java.util.concurrent.Executor readers;

  BottleneckQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.readers = pk.hifazat.support.SideBySide.readers("figures", 4);
  }

  Map<Key, Figures> figures(Filter filter) {
    List<java.util.concurrent.CompletableFuture<Map<Key, Figures>>> parts = new ArrayList<>();
    String group = "process_definition_key, activity_id"
        + (filter.groupBy().columns.isEmpty() ? "" : ", " + filter.groupBy().columns);
    Map<String, Object> params = new LinkedHashMap<>();
    String area = area(filter, params);
    params.put("from", toColumn(filter.from()));
    params.put("to", toColumn(filter.to()));
    params.put("now", toColumn(filter.now()));

    aggregate("select " + group + ", max(activity_name) as activity_name, count(*) as n,"
            + " count(*) filter (where due_at <= :now) as overdue"
            + " from task_fact where state = 'OPEN'" + area + " group by " + group,
        params, filter, parts, (figures, rs) -> {
          figures.activityName = rs.getString("activity_name");
          figures.workInProgress = rs.getLong("n");
          figures.overdueOpen = rs.getLong("overdue");
        });
    aggregate("select " + group + ", max(activity_name) as activity_name, count(*) as n"
            + " from task_fact where created_at >= :from and created_at < :to" + area
            + " group by " + group,
        params, filter, parts, (figures, rs) -> {
          figures.activityName = rs.getString("activity_name");
          figures.arrivals = rs.getLong("n");
        });
    aggregate("select " + group + ", max(activity_name) as activity_name, count(*) as n,"
            + " count(*) filter (where completed_late) as late,"
            + " percentile_cont(0.5) within group (order by handle_seconds) as h50,"
            + " percentile_cont(0.9) within group (order by handle_seconds) as h90"
            + " from task_fact where state = 'COMPLETED' and completed_at >= :from"
            + " and completed_at < :to" + area + " group by " + group,
        params, filter, parts, (figures, rs) -> {
          figures.activityName = rs.getString("activity_name");
          figures.completions = rs.getLong("n");
          figures.completedLate = rs.getLong("late");
          figures.handlingMedian = number(rs, "h50");
          figures.handlingP90 = number(rs, "h90");
        });
    aggregate("select " + group + ", max(activity_name) as activity_name,"
            + " percentile_cont(0.5) within group (order by wait_seconds) as w50,"
            + " percentile_cont(0.9) within group (order by wait_seconds) as w90"
            + " from task_fact where claimed_at >= :from and claimed_at < :to"
            + " and wait_seconds is not null" + area + " group by " + group,
        params, filter, parts, (figures, rs) -> {
          figures.activityName = rs.getString("activity_name");
          figures.waitingMedian = number(rs, "w50");
          figures.waitingP90 = number(rs, "w90");
        });
    Map<String, Object> listed = new LinkedHashMap<>(params);
    listed.putAll(filter.readable().params());
    String readable = filter.readable().isEmpty() ? "" : " and " + filter.readable().sql();
    aggregate("select * from (select " + group + ", activity_name, case_number, task_id,"
            + " created_at, due_at, row_number() over (partition by " + group
            + " order by created_at, task_id) as position from task_fact where state = 'OPEN'"
            + area + readable + ") oldest where position <= 5 order by position",
        listed, filter, parts, (figures, rs) -> {
          figures.activityName = rs.getString("activity_name");
          figures.oldestOpen.add(new OldestOpen(rs.getString("case_number"),
              rs.getString("task_id"), fromColumn(rs, "created_at"), fromColumn(rs, "due_at")));
        });
    // Each query fills figures of its own; they are put together in the order asked.
    Map<Key, Figures> rows = new LinkedHashMap<>();
    for (java.util.concurrent.CompletableFuture<Map<Key, Figures>> part : parts) {
      pk.hifazat.support.SideBySide.join(part).forEach((key, found) -> rows.computeIfAbsent(key, k -> new Figures()).add(found));
    }
    return rows;
  }

  private interface RowReader {
    void read(Figures figures, ResultSet rs) throws SQLException;
  }

  private void aggregate(String sql, Map<String, Object> params, Filter filter,
      List<java.util.concurrent.CompletableFuture<Map<Key, Figures>>> parts, RowReader reader) {
    parts.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      Map<Key, Figures> rows = new LinkedHashMap<>();
      jdbc.sql(sql).params(params).query((ResultSet rs) -> {
        Key key = new Key(rs.getString("process_definition_key"), rs.getString("activity_id"),
            grouped(filter, GroupBy.PROVINCE, GroupBy.DISTRICT) ? rs.getString("province")
                : null,
            grouped(filter, GroupBy.DISTRICT) ? rs.getString("district") : null,
            grouped(filter, GroupBy.AGENCY) ? rs.getString("agency") : null);
        reader.read(rows.computeIfAbsent(key, k -> new Figures()), rs);
      });
      return rows;
    }, readers));
  }

  private static boolean grouped(Filter filter, GroupBy... groupings) {
    return List.of(groupings).contains(filter.groupBy());
  }

  private static String area(Filter filter, Map<String, Object> params) {
    StringBuilder sql = new StringBuilder();
    if (filter.province() != null) {
      sql.append(" and province = :province");
      params.put("province", filter.province());
    }
    if (filter.district() != null) {
      sql.append(" and district = :district");
      params.put("district", filter.district());
    }
    if (filter.agency() != null) {
      sql.append(" and agency = :agency");
      params.put("agency", filter.agency());
    }
    return sql.toString();
  }

  private static Double number(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  /** Open tasks by activity, for the metrics. */
  Map<List<String>, Long> openByActivity() {
    Map<List<String>, Long> counts = new LinkedHashMap<>();
    jdbc.sql("select process_definition_key, activity_id, count(*) as n from task_fact"
            + " where state = 'OPEN' group by process_definition_key, activity_id")
        .query((ResultSet rs) -> {
          counts.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
        });
    return counts;
  }
}
