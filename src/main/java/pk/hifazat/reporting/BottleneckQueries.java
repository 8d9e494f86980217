package pk.hifazat.reporting;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregates the task facts per activity (and area, when grouped): each figure from one indexed
 * query, so a province's answer does not read the country's history. Conditional counts are
 * {@code count(case ...)}: H2 evaluates a {@code filter} clause about twice as slowly.
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
      Instant now, GroupBy groupBy, ReadableCases readable) {}

  /** Which of these process instances the user may see named (R-GIRL-FEMALE-CARE). */
  @FunctionalInterface
  interface ReadableCases {
    Set<String> among(Collection<String> processInstanceIds);
  }

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

  /** How many of the oldest open tasks each row names. */
  private static final int OLDEST = 5;

  /** An open task, a candidate for its row's oldest. */
  private record OpenTask(Instant createdAt, String taskId, String caseNumber,
      String processInstanceId, Instant dueAt) {

    static final Comparator<OpenTask> OLDEST_FIRST =
        Comparator.comparing(OpenTask::createdAt).thenComparing(OpenTask::taskId);

    OldestOpen named() {
      return new OldestOpen(caseNumber, taskId, createdAt, dueAt);
    }
  }

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
    List<CompletableFuture<Map<Key, Figures>>> parts = new ArrayList<>();
    String group = "process_definition_key, activity_id"
        + (filter.groupBy().columns.isEmpty() ? "" : ", " + filter.groupBy().columns);
    Map<String, Object> params = new LinkedHashMap<>();
    String area = area(filter, params);
    params.put("from", toColumn(filter.from()));
    params.put("to", toColumn(filter.to()));
    params.put("now", toColumn(filter.now()));

    // The open work: counted, and its oldest chosen, from one read of the area's open tasks.
    parts.add(CompletableFuture.supplyAsync(() -> openWork(group, area, params, filter),
        readers));
    aggregate("select " + group + ", max(activity_name) as activity_name, count(*) as n"
            + " from task_fact where created_at >= :from and created_at < :to" + area
            + " group by " + group,
        params, filter, parts, (figures, rs) -> {
          figures.activityName = rs.getString("activity_name");
          figures.arrivals = rs.getLong("n");
        });
    aggregate("select " + group + ", max(activity_name) as activity_name, count(*) as n,"
            + " count(case when completed_late then 1 end) as late,"
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
    // Each query fills figures of its own; they are put together in the order asked.
    Map<Key, Figures> rows = new LinkedHashMap<>();
    for (CompletableFuture<Map<Key, Figures>> part : parts) {
      pk.hifazat.support.SideBySide.join(part).forEach((key, found) -> rows.computeIfAbsent(key, k -> new Figures()).add(found));
    }
    return rows;
  }

  private Map<Key, Figures> openWork(String group, String area, Map<String, Object> params,
      Filter filter) {
    Map<Key, Figures> rows = new LinkedHashMap<>();
    Map<Key, List<OpenTask>> open = new HashMap<>();
    jdbc.sql("select " + group + ", activity_name, case_number, task_id, process_instance_id,"
            + " created_at, due_at from task_fact where state = 'OPEN'" + area)
        .params(params)
        .query((ResultSet rs) -> {
          Key key = key(filter, rs);
          Figures figures = rows.computeIfAbsent(key, k -> new Figures());
          // One name per row, whichever versions named it, as max() picks it in the others.
          String name = rs.getString("activity_name");
          if (figures.activityName == null
              || name != null && name.compareTo(figures.activityName) > 0) {
            figures.activityName = name;
          }
          figures.workInProgress++;
          Instant due = fromColumn(rs, "due_at");
          if (due != null && !due.isAfter(filter.now())) {
            figures.overdueOpen++;
          }
          open.computeIfAbsent(key, k -> new ArrayList<>()).add(new OpenTask(
              fromColumn(rs, "created_at"), rs.getString("task_id"),
              rs.getString("case_number"), rs.getString("process_instance_id"), due));
        });
    nameOldestReadable(open, rows, filter.readable());
    return rows;
  }

  /**
   * Names the oldest open tasks of each row that the user may read. The candidates are asked in
   * rounds, the next 5 of each row still short, then 10, 20...: a manager, who may read nearly
   * every case of the area, costs one small question, not a check of every open task; someone
   * who may read few costs no more rounds than the doubling takes to reach the end.
   */
  private static void nameOldestReadable(Map<Key, List<OpenTask>> open, Map<Key, Figures> rows,
      ReadableCases readable) {
    Map<Key, Integer> asked = new HashMap<>();
    Set<Key> unfilled = new LinkedHashSet<>(open.keySet());
    open.values().forEach(tasks -> tasks.sort(OpenTask.OLDEST_FIRST));
    for (int round = OLDEST; !unfilled.isEmpty(); round *= 2) {
      Map<Key, List<OpenTask>> candidates = new LinkedHashMap<>();
      Set<String> instances = new HashSet<>();
      for (Key key : unfilled) {
        List<OpenTask> tasks = open.get(key);
        int from = asked.getOrDefault(key, 0);
        int to = Math.min(tasks.size(), from + round);
        candidates.put(key, tasks.subList(from, to));
        asked.put(key, to);
        tasks.subList(from, to).forEach(task -> instances.add(task.processInstanceId()));
      }
      Set<String> granted = readable.among(instances);
      candidates.forEach((key, tasks) -> {
        List<OldestOpen> named = rows.get(key).oldestOpen;
        for (OpenTask task : tasks) {
          if (named.size() < OLDEST && granted.contains(task.processInstanceId())) {
            named.add(task.named());
          }
        }
        if (named.size() == OLDEST || asked.get(key) == open.get(key).size()) {
          unfilled.remove(key);
        }
      });
    }
  }

  private interface RowReader {
    void read(Figures figures, ResultSet rs) throws SQLException;
  }

  private void aggregate(String sql, Map<String, Object> params, Filter filter,
      List<CompletableFuture<Map<Key, Figures>>> parts, RowReader reader) {
    parts.add(CompletableFuture.supplyAsync(() -> {
      Map<Key, Figures> rows = new LinkedHashMap<>();
      jdbc.sql(sql).params(params).query((ResultSet rs) -> {
        reader.read(rows.computeIfAbsent(key(filter, rs), k -> new Figures()), rs);
      });
      return rows;
    }, readers));
  }

  private static Key key(Filter filter, ResultSet rs) throws SQLException {
    return new Key(rs.getString("process_definition_key"), rs.getString("activity_id"),
        grouped(filter, GroupBy.PROVINCE, GroupBy.DISTRICT) ? rs.getString("province") : null,
        grouped(filter, GroupBy.DISTRICT) ? rs.getString("district") : null,
        grouped(filter, GroupBy.AGENCY) ? rs.getString("agency") : null);
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
