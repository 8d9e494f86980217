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
import java.util.Optional;
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
    /** Where this application adds up: the values the percentiles are taken of, until then. */
    private Values waits;
    private Values handles;

    Values waits() {
      return waits == null ? waits = new Values() : waits;
    }

    Values handles() {
      return handles == null ? handles = new Values() : handles;
    }

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
      if (other.waits != null) {
        waits().addAll(other.waits);
      }
      if (other.handles != null) {
        handles().addAll(other.handles);
      }
    }

    /** The percentiles of the values gathered, once every part has added its own. */
    void takePercentiles() {
      if (waits != null) {
        waitingMedian = waits.percentile(0.5);
        waitingP90 = waits.percentile(0.9);
      }
      if (handles != null) {
        handlingMedian = handles.percentile(0.5);
        handlingP90 = handles.percentile(0.9);
      }
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
  private final TaskFactDays days;
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
  BottleneckQueries(JdbcClient jdbc, TaskFactDays days, DataSource dataSource) {
    this(jdbc, days, isPostgres(dataSource));
  }

  BottleneckQueries(JdbcClient jdbc, TaskFactDays days, boolean addsUpInDatabase) {
    this.jdbc = jdbc;
    this.days = days;
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
    // The ranges' parameters are added below, while the open work is read.
    Map<String, Object> areaParams = new LinkedHashMap<>(params);

    // The open work: counted, and its oldest chosen, from one read of the area's open tasks.
    parts.add(CompletableFuture.supplyAsync(() -> openWork(group, area, areaParams, filter),
        readers));
    TaskFactDays.Grain grain = grainOf(filter);
    Optional<TaskFactDays.DayRun> run = grain == null ? Optional.empty()
        : days.addedUp(filter.from(), filter.to());
    if (run.isPresent()) {
      // The whole days added up from their sums, the rest of the range from its facts.
      parts.add(CompletableFuture.supplyAsync(() -> dayFigures(grain, filter, run.get()),
          readers));
      List<Instant[]> ranges = new ArrayList<>();
      if (filter.from().isBefore(run.get().start())) {
        ranges.add(new Instant[] {filter.from(), run.get().start()});
      }
      if (run.get().finish().isBefore(filter.to())) {
        ranges.add(new Instant[] {run.get().finish(), filter.to()});
      }
      readFacts(ranges, group, area, params, filter, parts);
    } else if (addsUpInDatabase) {
      String arrived = " from task_fact where created_at >= :from0 and created_at < :to0" + area;
      String completed = " from task_fact where state = 'COMPLETED' and completed_at >= :from0"
          + " and completed_at < :to0" + area;
      String claimed = " from task_fact where claimed_at >= :from0 and claimed_at < :to0"
          + " and wait_seconds is not null" + area;
      params.put("from0", toColumn(filter.from()));
      params.put("to0", toColumn(filter.to()));
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
      List<Instant[]> whole = new ArrayList<>();
      whole.add(new Instant[] {filter.from(), filter.to()});
      readFacts(whole, group, area, params, filter, parts);
    }
    // Each query fills figures of its own; they are put together in the order asked.
    Map<Key, Figures> rows = new LinkedHashMap<>();
    for (CompletableFuture<Map<Key, Figures>> part : parts) {
      SideBySide.join(part).forEach((key, found) ->
          rows.computeIfAbsent(key, k -> new Figures()).add(found));
    }
    rows.values().forEach(Figures::takePercentiles);
    return rows;
  }

  /**
   * Which added-up days answer this question: the country's or the provinces'; none for a
   * district or an agency, whose own facts are few.
   */
  private static TaskFactDays.Grain grainOf(Filter filter) {
    if (filter.district() != null || filter.agency() != null
        || filter.groupBy() == GroupBy.DISTRICT || filter.groupBy() == GroupBy.AGENCY) {
      return null;
    }
    return filter.province() != null || filter.groupBy() == GroupBy.PROVINCE
        ? TaskFactDays.Grain.PROVINCE : TaskFactDays.Grain.COUNTRY;
  }

  private Map<Key, Figures> dayFigures(TaskFactDays.Grain grain, Filter filter,
      TaskFactDays.DayRun run) {
    Map<Key, Figures> rows = new LinkedHashMap<>();
    for (TaskFactDays.DayFigures day : days.figures(grain, filter.province(), run)) {
      Figures figures = rows.computeIfAbsent(new Key(day.processDefinitionKey(),
          day.activityId(), filter.groupBy() == GroupBy.PROVINCE ? day.province() : null, null,
          null), k -> new Figures());
      figures.named(day.activityName());
      figures.arrivals += day.arrivals();
      figures.completions += day.completions();
      figures.completedLate += day.completedLate();
      figures.waits().addAll(day.waitSeconds());
      figures.handles().addAll(day.handleSeconds());
    }
    return rows;
  }

  /**
   * Reads the facts of these ranges and adds them up here: the arrivals, the completions and the
   * claims, each on a reader of its own.
   */
  private void readFacts(List<Instant[]> ranges, String group, String area,
      Map<String, Object> params, Filter filter,
      List<CompletableFuture<Map<Key, Figures>>> parts) {
    if (ranges.isEmpty()) {
      return;
    }
    for (int i = 0; i < ranges.size(); i++) {
      params.put("from" + i, toColumn(ranges.get(i)[0]));
      params.put("to" + i, toColumn(ranges.get(i)[1]));
    }
    read(inRanges(ranges, "select " + group + ", activity_name from task_fact"
            + " where created_at >= :from# and created_at < :to#" + area),
        params, filter, parts, (figures, rs, at) -> figures.arrivals++);
    read(inRanges(ranges, "select " + group + ", activity_name, completed_late, handle_seconds"
            + " from task_fact where state = 'COMPLETED' and completed_at >= :from#"
            + " and completed_at < :to#" + area),
        params, filter, parts, (figures, rs, at) -> {
          figures.completions++;
          if (rs.getBoolean(at)) {
            figures.completedLate++;
          }
          double seconds = rs.getDouble(at + 1);
          if (!rs.wasNull()) {
            figures.handles().add(seconds);
          }
        });
    read(inRanges(ranges, "select " + group + ", activity_name, wait_seconds from task_fact"
            + " where claimed_at >= :from# and claimed_at < :to# and wait_seconds is not null"
            + area),
        params, filter, parts, (figures, rs, at) -> figures.waits().add(rs.getDouble(at)));
  }

  /** The query once per range ({@code #}: the range's number), the rows of all of them. */
  private static String inRanges(List<Instant[]> ranges, String query) {
    List<String> each = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      each.add(query.replace("#", Integer.toString(i)));
    }
    return String.join(" union all ", each);
  }

  /**
   * The open work of the area. By activity alone, the database counts it and each activity's
   * oldest are read in order from an index; grouped by area or agency, where the rows are many
   * but each small, the open tasks are read once and counted here.
   */
  private Map<Key, Figures> openWork(String group, String area, Map<String, Object> params,
      Filter filter) {
    return filter.groupBy() == GroupBy.NONE ? countedOpenWork(area, params, filter)
        : readOpenWork(group, area, params, filter);
  }

  private Map<Key, Figures> countedOpenWork(String area, Map<String, Object> params,
      Filter filter) {
    Map<String, Object> counting = new LinkedHashMap<>(params);
    counting.put("now", toColumn(filter.now()));
    Map<Key, Figures> rows = new LinkedHashMap<>();
    jdbc.sql("select process_definition_key, activity_id, max(activity_name), count(*),"
            + " count(case when due_at <= :now then 1 end) from task_fact where state = 'OPEN'"
            + area + " group by process_definition_key, activity_id")
        .params(counting)
        .query((ResultSet rs) -> {
          Figures figures = rows.computeIfAbsent(
              new Key(rs.getString(1), rs.getString(2), null, null, null), k -> new Figures());
          figures.named(rs.getString(3));
          figures.workInProgress = rs.getLong(4);
          figures.overdueOpen = rs.getLong(5);
        });
    if (filter.readable().any()) {
      Map<Key, Long> sizes = new LinkedHashMap<>();
      rows.forEach((key, figures) -> sizes.put(key, figures.workInProgress));
      nameOldest(rows, oldestReadable(sizes, (key, from, count) -> {
        Map<String, Object> asking = new LinkedHashMap<>(params);
        asking.put("definition", key.processDefinitionKey());
        asking.put("activity", key.activityId());
        asking.put("from", from);
        asking.put("count", count);
        // Ordered as the index task_fact_open_oldest is: read in order, not sorted.
        return jdbc.sql("select created_at, task_id, process_instance_id, due_at"
                + " from task_fact where state = 'OPEN' and process_definition_key = :definition"
                + " and activity_id = :activity" + area
                + " order by state, process_definition_key, activity_id, created_at, task_id"
                + " limit :count offset :from")
            .params(asking)
            .query((rs, row) -> new OpenTask(fromColumn(rs, 1), rs.getString(2),
                rs.getString(3), fromColumn(rs, 4)))
            .list();
      }, filter.readable()));
    }
    return rows;
  }

  private Map<Key, Figures> readOpenWork(String group, String area, Map<String, Object> params,
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
      Map<Key, Long> sizes = new LinkedHashMap<>();
      open.forEach((key, tasks) -> sizes.put(key, (long) tasks.size()));
      nameOldest(rows, oldestReadable(sizes, (key, from, count) -> {
        List<OpenTask> tasks = open.get(key);
        // The first five are picked from the lot; only a row that needs more is sorted whole.
        return from == 0 ? oldestOf(tasks, count)
            : sorted(tasks).subList(from, Math.min(tasks.size(), from + count));
      }, filter.readable()));
    }
    return rows;
  }

  /** Puts the oldest open tasks in their rows, with their case numbers. */
  private void nameOldest(Map<Key, Figures> rows, Map<Key, List<OpenTask>> oldest) {
    Map<String, String> caseNumbers = caseNumbers(oldest.values().stream()
        .flatMap(List::stream).map(OpenTask::taskId).toList());
    oldest.forEach((key, tasks) -> tasks.forEach(task -> rows.get(key).oldestOpen.add(
        new OldestOpen(caseNumbers.get(task.taskId()), task.taskId(), task.createdAt(),
            task.dueAt()))));
  }

  /** A row's open tasks, oldest first: {@code count} of them from the {@code from}th on. */
  private interface OpenTasks {
    List<OpenTask> next(Key key, int from, int count);
  }

  /**
   * The oldest open tasks of each row that the user may read. The candidates are asked in
   * rounds, the next 5 of each row still short, then 10, 20...: a manager, who may read nearly
   * every case of the area, costs one small question, not a check of every open task; someone
   * who may read few costs no more rounds than the doubling takes to reach the end.
   */
  private static Map<Key, List<OpenTask>> oldestReadable(Map<Key, Long> sizes,
      OpenTasks open, ReadableCases readable) {
    Map<Key, List<OpenTask>> oldest = new HashMap<>();
    Map<Key, Integer> asked = new HashMap<>();
    Set<Key> unfilled = new LinkedHashSet<>(sizes.keySet());
    for (int round = OLDEST; !unfilled.isEmpty(); round *= 2) {
      Map<Key, List<OpenTask>> candidates = new LinkedHashMap<>();
      Set<String> instances = new HashSet<>();
      for (Key key : unfilled) {
        int from = asked.getOrDefault(key, 0);
        List<OpenTask> asking = open.next(key, from, round);
        candidates.put(key, asking);
        asked.put(key, from + round);
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
        if (named.size() == OLDEST || asked.get(key) >= sizes.get(key) || tasks.isEmpty()) {
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
    void read(Figures figures, ResultSet rs, int at) throws SQLException;
  }

  /** Reads one range's rows on a reader of its own, and adds them up per row of the answer. */
  private void read(String sql, Map<String, Object> params, Filter filter,
      List<CompletableFuture<Map<Key, Figures>>> parts, RowReader reader) {
    parts.add(CompletableFuture.supplyAsync(() -> {
      Map<Key, Figures> rows = new LinkedHashMap<>();
      int at = afterKey(filter);
      jdbc.sql(sql).params(params).query((ResultSet rs) -> {
        Figures figures = rows.computeIfAbsent(key(filter, rs), k -> new Figures());
        figures.named(rs.getString(at));
        reader.read(figures, rs, at + 1);
      });
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

    void addAll(long[] more) {
      grow(more.length);
      for (long value : more) {
        values[size++] = value;
      }
      sorted = false;
    }

    void addAll(Values more) {
      grow(more.size);
      System.arraycopy(more.values, 0, values, size, more.size);
      size += more.size;
      sorted = false;
    }

    private void grow(int more) {
      if (size + more > values.length) {
        values = Arrays.copyOf(values, Math.max(values.length * 2, size + more));
      }
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
