package pk.hifazat.reporting;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pk.hifazat.security.ReadableCases;
import pk.hifazat.support.SideBySide;

/**
 * Aggregates the task facts per activity (and area, when grouped): each figure from one read of
 * its range's index entries, so a province's answer does not read the country's history. The
 * percentiles are exact, as {@code percentile_cont} computes them, whether the database adds the
 * range up or this class does (see {@link #addsUpInDatabase}).
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

    /** One name per row, whichever versions of the model named the activity: the greatest. */
    void named(String name) {
      if (activityName == null || name != null && name.compareTo(activityName) > 0) {
        activityName = name;
      }
    }

    /** Takes the figures another read found for the same activity (each sets its own). */
    void add(Figures other) {
      named(other.activityName);
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
  private record OpenTask(Instant createdAt, String taskId, String processInstanceId,
      Instant dueAt) {

    static final Comparator<OpenTask> OLDEST_FIRST =
        Comparator.comparing(OpenTask::createdAt).thenComparing(OpenTask::taskId);
  }

  private final JdbcClient jdbc;
  /**
   * Runs the figures' queries of one answer side by side, each on a connection of its own, at
   * most four at once in the whole application: an answer waits for the slowest, not the sum.
   */
  private final Executor readers;

  /**
   * Where the range figures are added up. PostgreSQL counts and takes percentiles faster than it
   * sends the rows; H2 two to three times more slowly than it reads them, so on H2 they are
   * added up here from the rows.
   */
  private final boolean addsUpInDatabase;

  @Autowired
  BottleneckQueries(JdbcClient jdbc, DataSource dataSource) {
    this(jdbc, isPostgres(dataSource));
  }

  BottleneckQueries(JdbcClient jdbc, boolean addsUpInDatabase) {
    this.jdbc = jdbc;
    this.addsUpInDatabase = addsUpInDatabase;
    this.readers = SideBySide.readers("figures", 4);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot tell which database holds the task facts", e);
    }
  }

  Map<Key, Figures> figures(Filter filter) {
    List<CompletableFuture<Map<Key, Figures>>> parts = new ArrayList<>();
    String group = "process_definition_key, activity_id"
        + (filter.groupBy().columns.isEmpty() ? "" : ", " + filter.groupBy().columns);
    Map<String, Object> params = new LinkedHashMap<>();
    String area = area(filter, params);
    params.put("from", toColumn(filter.from()));
    params.put("to", toColumn(filter.to()));

    // The open work: counted, and its oldest chosen, from one read of the area's open tasks.
    parts.add(CompletableFuture.supplyAsync(() -> openWork(group, area, params, filter),
        readers));
    String arrived = " from task_fact where created_at >= :from and created_at < :to" + area;
    String completed = " from task_fact where state = 'COMPLETED' and completed_at >= :from"
        + " and completed_at < :to" + area;
    String claimed = " from task_fact where claimed_at >= :from and claimed_at < :to"
        + " and wait_seconds is not null" + area;
    if (addsUpInDatabase) {
      String grouped = " group by " + group;
      aggregate("select " + group + ", max(activity_name) as activity_name, count(*) as n"
          + arrived + grouped, params, filter, parts,
          (figures, rs) -> figures.arrivals = rs.getLong("n"));
      aggregate("select " + group + ", max(activity_name) as activity_name, count(*) as n,"
              + " count(case when completed_late then 1 end) as late,"
              + " percentile_cont(0.5) within group (order by handle_seconds) as h50,"
              + " percentile_cont(0.9) within group (order by handle_seconds) as h90"
              + completed + grouped, params, filter, parts, (figures, rs) -> {
            figures.completions = rs.getLong("n");
            figures.completedLate = rs.getLong("late");
            figures.handlingMedian = number(rs, "h50");
            figures.handlingP90 = number(rs, "h90");
          });
      aggregate("select " + group + ", max(activity_name) as activity_name,"
              + " percentile_cont(0.5) within group (order by wait_seconds) as w50,"
              + " percentile_cont(0.9) within group (order by wait_seconds) as w90"
              + claimed + grouped, params, filter, parts, (figures, rs) -> {
            figures.waitingMedian = number(rs, "w50");
            figures.waitingP90 = number(rs, "w90");
          });
    } else {
      read("select " + group + ", activity_name" + arrived, params, filter, parts,
          (figures, values, rs, at) -> figures.arrivals++, (figures, values) -> {
          });
      read("select " + group + ", activity_name, completed_late, handle_seconds" + completed,
          params, filter, parts, (figures, values, rs, at) -> {
            figures.completions++;
            if (rs.getBoolean(at)) {
              figures.completedLate++;
            }
            double seconds = rs.getDouble(at + 1);
            if (!rs.wasNull()) {
              values.add(seconds);
            }
          }, (figures, values) -> {
            figures.handlingMedian = values.percentile(0.5);
            figures.handlingP90 = values.percentile(0.9);
          });
      read("select " + group + ", activity_name, wait_seconds" + claimed, params, filter, parts,
          (figures, values, rs, at) -> values.add(rs.getDouble(at)),
          (figures, values) -> {
            figures.waitingMedian = values.percentile(0.5);
            figures.waitingP90 = values.percentile(0.9);
          });
    }
    // Each query fills figures of its own; they are put together in the order asked.
    Map<Key, Figures> rows = new LinkedHashMap<>();
    for (CompletableFuture<Map<Key, Figures>> part : parts) {
      SideBySide.join(part).forEach((key, found) ->
          rows.computeIfAbsent(key, k -> new Figures()).add(found));
    }
    return rows;
  }

  private Map<Key, Figures> openWork(String group, String area, Map<String, Object> params,
      Filter filter) {
    Map<Key, Figures> rows = new LinkedHashMap<>();
    Map<Key, List<OpenTask>> open = new HashMap<>();
    jdbc.sql("select " + group + ", activity_name, task_id, process_instance_id, created_at,"
            + " due_at from task_fact where state = 'OPEN'" + area)
        .params(params)
        .query((ResultSet rs) -> {
          Key key = key(filter, rs);
          int at = afterKey(filter);
          Figures figures = rows.computeIfAbsent(key, k -> new Figures());
          figures.named(rs.getString(at));
          figures.workInProgress++;
          Instant due = fromColumn(rs, at + 4);
          if (due != null && !due.isAfter(filter.now())) {
            figures.overdueOpen++;
          }
          open.computeIfAbsent(key, k -> new ArrayList<>()).add(new OpenTask(
              fromColumn(rs, at + 3), rs.getString(at + 1), rs.getString(at + 2), due));
        });
    if (filter.readable().any()) {
      Map<Key, List<OpenTask>> oldest = oldestReadable(open, filter.readable());
      Map<String, String> caseNumbers = caseNumbers(oldest.values().stream()
          .flatMap(List::stream).map(OpenTask::taskId).toList());
      oldest.forEach((key, tasks) -> tasks.forEach(task -> rows.get(key).oldestOpen.add(
          new OldestOpen(caseNumbers.get(task.taskId()), task.taskId(), task.createdAt(),
              task.dueAt()))));
    }
    return rows;
  }

  /**
   * The oldest open tasks of each row that the user may read. The candidates are asked in
   * rounds, the next 5 of each row still short, then 10, 20...: a manager, who may read nearly
   * every case of the area, costs one small question, not a check of every open task; someone
   * who may read few costs no more rounds than the doubling takes to reach the end.
   */
  private static Map<Key, List<OpenTask>> oldestReadable(Map<Key, List<OpenTask>> open,
      ReadableCases readable) {
    Map<Key, List<OpenTask>> oldest = new HashMap<>();
    Map<Key, Integer> asked = new HashMap<>();
    Set<Key> unfilled = new LinkedHashSet<>(open.keySet());
    for (int round = OLDEST; !unfilled.isEmpty(); round *= 2) {
      Map<Key, List<OpenTask>> candidates = new LinkedHashMap<>();
      Set<String> instances = new HashSet<>();
      for (Key key : unfilled) {
        List<OpenTask> tasks = open.get(key);
        int from = asked.getOrDefault(key, 0);
        int to = Math.min(tasks.size(), from + round);
        // The first five are picked from the lot; only a row that needs more is sorted whole.
        List<OpenTask> asking = from == 0 ? oldestOf(tasks, to) : sorted(tasks).subList(from, to);
        candidates.put(key, asking);
        asked.put(key, to);
        asking.forEach(task -> instances.add(task.processInstanceId()));
      }
      Set<String> granted = readable.among(instances);
      candidates.forEach((key, tasks) -> {
        List<OpenTask> named = oldest.computeIfAbsent(key, k -> new ArrayList<>());
        for (OpenTask task : tasks) {
          if (named.size() < OLDEST && granted.contains(task.processInstanceId())) {
            named.add(task);
          }
        }
        if (named.size() == OLDEST || asked.get(key) == open.get(key).size()) {
          unfilled.remove(key);
        }
      });
    }
    return oldest;
  }

  /** The {@code count} oldest of these tasks, oldest first, without sorting them all. */
  private static List<OpenTask> oldestOf(List<OpenTask> tasks, int count) {
    List<OpenTask> oldest = new ArrayList<>(count + 1);
    for (OpenTask task : tasks) {
      if (oldest.size() < count
          || OpenTask.OLDEST_FIRST.compare(task, oldest.get(oldest.size() - 1)) < 0) {
        int at = Collections.binarySearch(oldest, task, OpenTask.OLDEST_FIRST);
        oldest.add(at < 0 ? -at - 1 : at, task);
        if (oldest.size() > count) {
          oldest.remove(count);
        }
      }
    }
    return oldest;
  }

  private static List<OpenTask> sorted(List<OpenTask> tasks) {
    // Sorting a sorted list again costs a single pass.
    tasks.sort(OpenTask.OLDEST_FIRST);
    return tasks;
  }

  /** The case numbers of these tasks, read for the few named rather than for every open one. */
  private Map<String, String> caseNumbers(List<String> taskIds) {
    Map<String, String> numbers = new HashMap<>();
    if (!taskIds.isEmpty()) {
      jdbc.sql("select task_id, case_number from task_fact where task_id in (:tasks)")
          .param("tasks", taskIds)
          .query((ResultSet rs) -> {
            numbers.put(rs.getString("task_id"), rs.getString("case_number"));
          });
    }
    return numbers;
  }

  private interface Aggregated {
    void read(Figures figures, ResultSet rs) throws SQLException;
  }

  /** Reads one range's figures, added up by the database, on a reader of its own. */
  private void aggregate(String sql, Map<String, Object> params, Filter filter,
      List<CompletableFuture<Map<Key, Figures>>> parts, Aggregated reader) {
    parts.add(CompletableFuture.supplyAsync(() -> {
      Map<Key, Figures> rows = new LinkedHashMap<>();
      jdbc.sql(sql).params(params).query((ResultSet rs) -> {
        Figures figures = rows.computeIfAbsent(key(filter, rs), k -> new Figures());
        figures.named(rs.getString("activity_name"));
        reader.read(figures, rs);
      });
      return rows;
    }, readers));
  }

  private static Double number(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  /** Reads a row's measures, from column {@code at} on (positions: rows come by thousands). */
  private interface RowReader {
    void read(Figures figures, Values values, ResultSet rs, int at) throws SQLException;
  }

  private interface Totals {
    void close(Figures figures, Values values);
  }

  /** Reads one range's rows on a reader of its own, and adds them up per row of the answer. */
  private void read(String sql, Map<String, Object> params, Filter filter,
      List<CompletableFuture<Map<Key, Figures>>> parts, RowReader reader, Totals totals) {
    parts.add(CompletableFuture.supplyAsync(() -> {
      Map<Key, Figures> rows = new LinkedHashMap<>();
      Map<Key, Values> values = new HashMap<>();
      int at = afterKey(filter);
      jdbc.sql(sql).params(params).query((ResultSet rs) -> {
        Key key = key(filter, rs);
        Figures figures = rows.computeIfAbsent(key, k -> new Figures());
        figures.named(rs.getString(at));
        reader.read(figures, values.computeIfAbsent(key, k -> new Values()), rs, at + 1);
      });
      rows.forEach((key, figures) -> totals.close(figures, values.get(key)));
      return rows;
    }, readers));
  }

  /** One measure's values in a row of the answer, for its exact percentiles. */
  static final class Values {
    private double[] values = new double[16];
    private int size;
    private boolean sorted;

    void add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
      sorted = false;
    }

    /** As SQL's {@code percentile_cont}: interpolated between the two nearest values. */
    Double percentile(double fraction) {
      if (size == 0) {
        return null;
      }
      if (!sorted) {
        Arrays.sort(values, 0, size);
        sorted = true;
      }
      double position = fraction * (size - 1);
      int below = (int) Math.floor(position);
      int above = (int) Math.ceil(position);
      return values[below] + (position - below) * (values[above] - values[below]);
    }
  }

  /** The row's key, from the columns every query selects first: the activity's, the group's. */
  private static Key key(Filter filter, ResultSet rs) throws SQLException {
    GroupBy by = filter.groupBy();
    return new Key(rs.getString(1), rs.getString(2),
        by == GroupBy.PROVINCE || by == GroupBy.DISTRICT ? rs.getString(3) : null,
        by == GroupBy.DISTRICT ? rs.getString(4) : null,
        by == GroupBy.AGENCY ? rs.getString(3) : null);
  }

  /** The position of the first column after the key's. */
  private static int afterKey(Filter filter) {
    return switch (filter.groupBy()) {
      case NONE -> 3;
      case PROVINCE, AGENCY -> 4;
      case DISTRICT -> 5;
    };
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
