package pk.hifazat.reporting;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bottleneck figures of whole days, added up once each day is over, per activity for the
 * country and for each province: a month of the country's figures reads a few hundred rows
 * instead of every fact of the month. A day's waits and handling times are kept as they were, so
 * percentiles over any range stay exact.
 *
 * <p>A day is added up {@code hifazat.reporting.day-closed-after} after its end (UTC), when no
 * fact of it can still be on its way. A fact written later into a day already added up (a case
 * moved to another district, R-TRANSFER; a clock set back) makes that day stale again in the
 * writer's transaction; until it is added up again its facts are read as they are. Writers and
 * the adding-up both lock the day's state row, so a fact committed while its day is added up
 * leaves the day stale rather than missed; a day's row is made while the day runs, and a day
 * is added up only from a later run than the one that made its row.
 */
@Component
public class TaskFactDays implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(TaskFactDays.class);

  /** The areas a day's figures are kept for. */
  enum Grain {
    COUNTRY,
    PROVINCE
  }

  /** Whole days {@code [first, end)} whose figures are added up. */
  record DayRun(LocalDate first, LocalDate end) {

    Instant start() {
      return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant finish() {
      return end.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  /** One activity's figures of one day, in the country or in one province. */
  record DayFigures(String processDefinitionKey, String activityId, String activityName,
      String province, long arrivals, long completions, long completedLate, long[] waitSeconds,
      long[] handleSeconds) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate transaction;
  private final ReportingSettings settings;
  TaskFactDays(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction,
      ReportingSettings settings) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.transaction = transaction;
    this.settings = settings;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    Duration interval = settings.daysInterval();
    // Soon after start-up, not during it.
    registrar.addFixedDelayTask(
        new FixedDelayTask(this::addUpInBackground, interval, interval.dividedBy(10)));
  }

  private void addUpInBackground() {
    try {
      int added = addUpClosedDays();
      if (added > 0) {
        log.info("Added up the bottleneck figures of {} day(s)", added);
      }
    } catch (RuntimeException e) {
      // Stale days stay stale and are read from their facts: the next run tries again.
      log.warn("Could not add up the bottleneck figures of the days that are over", e);
    }
  }

  /**
   * Adds up every day that is over and not added up yet, or stale again: the latest first, each
   * in a transaction of its own. Safe on several nodes at once: a day is added up by one. A day
   * is added up only once its state row is there from an earlier run (rows are made up to
   * today, so a day's row is there before it ends), so every writer of its facts has marked
   * the row or has committed before the day is read.
   *
   * @return how many days were added up
   */
  public int addUpClosedDays() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    LocalDate lastClosed = lastClosed(now);
    List<LocalDate> stale = jdbc.sql("select fact_day from task_fact_day_state"
            + " where stale = true and fact_day <= ? order by fact_day desc")
        .param(lastClosed).query(LocalDate.class).list();
    Optional<LocalDate> first = jdbc.sql("select min(created_at) from task_fact")
        .query((ResultSet rs, int row) -> Optional.ofNullable(fromColumn(rs, 1)))
        .single().map(TaskFactDays::day);
    LocalDate today = day(now);
    if (first.isPresent() && !first.get().isAfter(today)) {
      openDays(first.get(), today);
    }
    int added = 0;
    for (LocalDate day : stale) {
      if (Boolean.TRUE.equals(transaction.execute(status -> addUp(day, now)))) {
        added++;
      }
    }
    return added;
  }

  /** A stale state row for each day of {@code [first, last]} that has none. */
  private void openDays(LocalDate first, LocalDate last) {
    Set<LocalDate> known = new HashSet<>(jdbc.sql("select fact_day from task_fact_day_state"
            + " where fact_day >= ? and fact_day <= ?")
        .params(first, last).query(LocalDate.class).list());
    List<Object[]> missing = first.datesUntil(last.plusDays(1))
        .filter(day -> !known.contains(day))
        .map(day -> new Object[] {day})
        .toList();
    if (missing.isEmpty()) {
      return;
    }
    try {
      transaction.executeWithoutResult(status -> batch.batchUpdate(
          "insert into task_fact_day_state (fact_day, stale) values (?, true)", missing));
    } catch (DataIntegrityViolationException e) {
      // Another node opened some of them first; this run adds up the ones that exist.
      log.debug("Days opened by another node meanwhile", e);
    }
  }

  /** Adds up one day, unless another node has just done so. */
  private boolean addUp(LocalDate day, Instant now) {
    // Locks the day's row: a writer of one of its facts waits, and makes it stale again after.
    if (jdbc.sql("update task_fact_day_state set stale = false, added_up_at = ?"
            + " where fact_day = ? and stale = true")
        .params(toColumn(now), day).update() == 0) {
      return false;
    }
    jdbc.sql("delete from task_fact_day where fact_day = ?").param(day).update();
    Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Object[] range = {toColumn(from), toColumn(from.plus(Duration.ofDays(1)))};
    Map<List<Object>, Sum> sums = new LinkedHashMap<>();
    String key = "select process_definition_key, activity_id, activity_name, province";
    jdbc.sql(key + " from task_fact where created_at >= ? and created_at < ?")
        .params(range)
        .query((ResultSet rs) -> {
          for (Sum sum : sums(sums, rs)) {
            sum.arrivals++;
          }
        });
    jdbc.sql(key + ", completed_late, handle_seconds from task_fact where state = 'COMPLETED'"
            + " and completed_at >= ? and completed_at < ?")
        .params(range)
        .query((ResultSet rs) -> {
          boolean late = rs.getBoolean(5);
          long seconds = rs.getLong(6);
          boolean measured = !rs.wasNull();
          for (Sum sum : sums(sums, rs)) {
            sum.completions++;
            sum.completedLate += late ? 1 : 0;
            if (measured) {
              sum.handles.add(seconds);
            }
          }
        });
    jdbc.sql(key + ", wait_seconds from task_fact where claimed_at >= ? and claimed_at < ?"
            + " and wait_seconds is not null")
        .params(range)
        .query((ResultSet rs) -> {
          long seconds = rs.getLong(5);
          for (Sum sum : sums(sums, rs)) {
            sum.waits.add(seconds);
          }
        });
    List<Object[]> rows = new ArrayList<>();
    sums.forEach((grouping, sum) -> rows.add(new Object[] {day, grouping.get(0),
        grouping.get(1), grouping.get(2), sum.name, grouping.get(3), sum.arrivals,
        sum.completions, sum.completedLate, sum.waits.bytes(), sum.handles.bytes()}));
    batch.batchUpdate("""
        insert into task_fact_day (fact_day, grain, process_definition_key, activity_id,
          activity_name, province, arrivals, completions, completed_late, wait_seconds,
          handle_seconds)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    return true;
  }

  /** The country's and the province's sums a fact adds to, named by the fact. */
  private static List<Sum> sums(Map<List<Object>, Sum> sums, ResultSet rs) throws SQLException {
    String definition = rs.getString(1);
    String activity = rs.getString(2);
    String name = rs.getString(3);
    String province = rs.getString(4);
    Sum country = sums.computeIfAbsent(
        Arrays.asList(Grain.COUNTRY.name(), definition, activity, null), k -> new Sum());
    Sum area = sums.computeIfAbsent(
        Arrays.asList(Grain.PROVINCE.name(), definition, activity, province), k -> new Sum());
    country.named(name);
    area.named(name);
    return List.of(country, area);
  }

  /**
   * The facts of these moments' days were written: a day already added up is added up again.
   * Facts are written as they happen, so this costs nothing unless a day that has ended changes
   * (a move, R-TRANSFER). Every ended day is marked, whoever added it up (a day not added up yet
   * is read whole when it is); in order of day, so that two writers lock the rows alike.
   */
  void changed(Collection<Instant> moments) {
    LocalDate today = day(ClockUtil.getCurrentTime().toInstant());
    moments.stream().filter(Objects::nonNull).map(TaskFactDays::day)
        .filter(day -> day.isBefore(today))
        .distinct()
        .sorted()
        .forEach(day -> jdbc.sql("update task_fact_day_state set stale = true where fact_day = ?")
            .param(day).update());
  }

  /** The last day whose facts are all written ({@code day-closed-after} after its end). */
  private LocalDate lastClosed(Instant now) {
    return day(now.minus(settings.dayClosedAfter())).minusDays(1);
  }

  /**
   * The longest run of whole days of {@code [from, to)} whose figures are added up and not
   * stale, if any.
   */
  Optional<DayRun> addedUp(Instant from, Instant to) {
    LocalDate first = day(from.minusNanos(1)).plusDays(1);
    LocalDate end = day(to);
    if (!first.isBefore(end)) {
      return Optional.empty();
    }
    List<LocalDate> days = jdbc.sql("select fact_day from task_fact_day_state where stale = false"
            + " and fact_day >= ? and fact_day < ? order by fact_day")
        .params(first, end).query(LocalDate.class).list();
    DayRun best = null;
    LocalDate runStart = null;
    LocalDate previous = null;
    for (LocalDate day : days) {
      if (previous == null || !day.equals(previous.plusDays(1))) {
        runStart = day;
      }
      previous = day;
      long length = runStart.until(day).getDays() + 1;
      if (best == null || length > best.first().until(best.end()).getDays()) {
        best = new DayRun(runStart, day.plusDays(1));
      }
    }
    return Optional.ofNullable(best);
  }

  /** The figures of a run of days, for the country or each province ({@code province}: one). */
  List<DayFigures> figures(Grain grain, String province, DayRun run) {
    return jdbc.sql("select process_definition_key, activity_id, activity_name, province,"
            + " arrivals, completions, completed_late, wait_seconds, handle_seconds"
            + " from task_fact_day where grain = :grain and fact_day >= :first"
            + " and fact_day < :end" + (province == null ? "" : " and province = :province"))
        .param("grain", grain.name())
        .param("first", run.first())
        .param("end", run.end())
        .param("province", province)
        .query((rs, row) -> new DayFigures(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
            Seconds.of(rs.getBytes(8)), Seconds.of(rs.getBytes(9))))
        .list();
  }

  private static LocalDate day(Instant moment) {
    return LocalDate.ofInstant(moment, ZoneOffset.UTC);
  }

  /** One activity's figures of the day so far, in one area. */
  private static final class Sum {
    String name;
    long arrivals;
    long completions;
    long completedLate;
    final Seconds waits = new Seconds();
    final Seconds handles = new Seconds();

    /** Whichever versions of the model named the activity: the greatest, as the figures do. */
    void named(String other) {
      if (name == null || other != null && other.compareTo(name) > 0) {
        name = other;
      }
    }
  }

  /** Durations in seconds, kept as eight bytes each. */
  private static final class Seconds {
    private long[] values = new long[8];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    byte[] bytes() {
      if (size == 0) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.allocate(size * Long.BYTES);
      buffer.asLongBuffer().put(values, 0, size);
      return buffer.array();
    }

    static long[] of(byte[] bytes) {
      if (bytes == null) {
        return new long[0];
      }
      long[] values = new long[bytes.length / Long.BYTES];
      ByteBuffer.wrap(bytes).asLongBuffer().get(values);
      return values;
    }
  }
}
