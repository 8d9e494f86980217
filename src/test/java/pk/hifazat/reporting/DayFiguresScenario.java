package pk.hifazat.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.security.ReadableCases;

/**
 * Sixty days of facts of a model and area of their own in two provinces (and none), asked for
 * the country's and the provinces' figures over ranges that start and end inside a day: the
 * figures are the same read from the facts and from the days added up, whichever days are added
 * up, stale or not.
 */
final class DayFiguresScenario {

  static final String MODEL = "dayFiguresCheck";
  private static final Instant START = Instant.parse("2015-03-01T00:00:00Z");
  private static final int DAYS = 60;
  /** The end of every range asked: inside a day, so both ends cut one. */
  private static final Instant TO = START.plus(Duration.ofDays(50)).plus(Duration.ofMinutes(797));

  private final JdbcClient jdbc;
  private final TaskFactDays days;
  private final List<BottleneckQueries> queries;
  /** One open fact of Punjab created in the middle of the ranges: the case that moves. */
  private String movingCase;
  private Instant movingCaseCreated;

  DayFiguresScenario(JdbcClient jdbc, TaskFactDays days, List<BottleneckQueries> queries) {
    this.jdbc = jdbc;
    this.days = days;
    this.queries = queries;
  }

  /** The questions asked: the country's and the provinces' figures, by themselves or grouped. */
  private static List<BottleneckQueries.Filter> questions() {
    List<BottleneckQueries.Filter> filters = new ArrayList<>();
    for (BottleneckQueries.GroupBy grouping : new BottleneckQueries.GroupBy[] {
        BottleneckQueries.GroupBy.NONE, BottleneckQueries.GroupBy.PROVINCE}) {
      for (String province : new String[] {null, "PB"}) {
        for (Duration span : new Duration[] {Duration.ofHours(30), Duration.ofDays(7),
            Duration.ofDays(30).plusMinutes(61), Duration.ofDays(55)}) {
          filters.add(new BottleneckQueries.Filter(province, null, null, TO.minus(span), TO, TO,
              grouping, ReadableCases.EVERY));
        }
      }
    }
    return filters;
  }

  void record() {
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      Instant created = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * DAYS)));
      boolean claimed = random.nextInt(5) > 0;
      boolean completed = claimed && random.nextInt(4) > 0;
      long wait = random.nextInt(3) == 0 ? 3600 : random.nextInt(300_000);
      long handle = random.nextInt(3) == 0 ? 7200 : random.nextInt(600_000);
      Instant claimedAt = claimed ? created.plusSeconds(wait) : null;
      Instant completedAt = completed ? claimedAt.plusSeconds(handle) : null;
      String province = switch (random.nextInt(5)) {
        case 0 -> null;
        case 1, 2 -> "SD";
        default -> "PB";
      };
      String caseNumber = "DF-2015-" + i;
      if (movingCase == null && !completed && "PB".equals(province)
          && created.isAfter(START.plus(Duration.ofDays(30)))
          && created.isBefore(START.plus(Duration.ofDays(40)))) {
        movingCase = caseNumber;
        movingCaseCreated = created;
      }
      new WrittenFact(caseNumber, MODEL, "Task_" + random.nextInt(4),
          "Step " + random.nextInt(2), province,
          province == null ? null : "Day-Figures-" + random.nextInt(2),
          random.nextBoolean() ? "POLICE" : null, created, claimedAt, completedAt,
          completed && random.nextInt(6) == 0)
          .insertInto(jdbc);
    }
    assertThat(movingCase).as("an open Punjab case in the middle of the ranges").isNotNull();
  }

  /** Each question's figures of this model, as the first of the queries answers them. */
  Map<BottleneckQueries.Filter, Map<BottleneckQueries.Key, BottleneckQueries.Figures>> answers() {
    Map<BottleneckQueries.Filter, Map<BottleneckQueries.Key, BottleneckQueries.Figures>> answers =
        new LinkedHashMap<>();
    for (BottleneckQueries.Filter question : questions()) {
      Map<BottleneckQueries.Key, BottleneckQueries.Figures> mine = new LinkedHashMap<>();
      queries.get(0).figures(question).forEach((key, figures) -> {
        if (key.processDefinitionKey().equals(MODEL)) {
          mine.put(key, figures);
        }
      });
      assertThat(mine).as("figures of %s", question).isNotEmpty();
      answers.put(question, mine);
    }
    return answers;
  }

  /** Every query answers every question as {@code expected} says, to the last percentile. */
  void answersAre(
      Map<BottleneckQueries.Filter, Map<BottleneckQueries.Key, BottleneckQueries.Figures>> expected,
      String when) {
    for (BottleneckQueries query : queries) {
      expected.forEach((question, rows) -> {
        Map<BottleneckQueries.Key, BottleneckQueries.Figures> actual = query.figures(question);
        rows.forEach((key, figures) -> {
          String row = when + ": " + key + " from " + question.from() + " ("
              + question.groupBy() + ", province " + question.province() + ")";
          SameFigures.assertSame(row, actual.get(key), figures);
        });
        assertThat(actual.keySet().stream().filter(key -> key.processDefinitionKey()
            .equals(MODEL))).as(when + ": rows of " + question).hasSize(rows.size());
      });
    }
  }

  /**
   * Adds up the days that are over as if it were ten days after the last fact: twice, as the
   * schedule would, since a day whose row one run makes is added up by the next.
   */
  int addUpDays() {
    return addUpDaysOnce() + addUpDaysOnce();
  }

  /** One run of the adding-up, ten days after the last fact. */
  int addUpDaysOnce() {
    ClockUtil.setCurrentTime(java.util.Date.from(START.plus(Duration.ofDays(DAYS + 10))));
    try {
      return days.addUpClosedDays();
    } finally {
      ClockUtil.reset();
    }
  }

  /** Whether the question for the last thirty days is answered from added-up days. */
  boolean readsAddedUpDays() {
    return days.addedUp(TO.minus(Duration.ofDays(30)), TO).isPresent();
  }

  /** The days of the facts, all stale again, as after a change to every one of them. */
  void makeEveryDayStale() {
    jdbc.sql("update task_fact_day_state set stale = true where fact_day >= ? and fact_day < ?")
        .params(day(START), day(START).plusDays(DAYS + 10)).update();
  }

  /**
   * A fact written into a day already added up, as when the engine's clock is set back: a task
   * that arrived, was claimed and was done that day, late.
   */
  void writeIntoAnAddedUpDay() {
    writeIntoAnAddedUpDay(days);
  }

  /** The same fact, written on a node whose days are {@code writer}. */
  void writeIntoAnAddedUpDay(TaskFactDays writer) {
    Instant created = START.plus(Duration.ofDays(35)).plus(Duration.ofHours(5));
    Instant claimed = created.plusSeconds(1234);
    Instant completed = claimed.plusSeconds(4321);
    jdbc.sql("""
            insert into task_fact (task_id, case_number, process_instance_id,
              process_definition_key, activity_id, activity_name, province, district,
              created_at, claimed_at, completed_at, wait_seconds, handle_seconds, completed_late,
              state)
            values (?, 'DF-2015-late', ?, ?, 'Task_1', 'Step 1', 'PB', 'Day-Figures-0', ?, ?, ?,
              1234, 4321, true, 'COMPLETED')""")
        .params(UUID.randomUUID().toString(), UUID.randomUUID().toString(), MODEL,
            created.atOffset(ZoneOffset.UTC), claimed.atOffset(ZoneOffset.UTC),
            completed.atOffset(ZoneOffset.UTC))
        .update();
    writer.changed(List.of(created, claimed, completed));
  }

  /** R-TRANSFER: the open Punjab case moves to Sindh, with its arrival on a day added up. */
  void moveACaseToSindh(Consumer<String> move) {
    move.accept(movingCase);
  }

  Instant movingCaseCreated() {
    return movingCaseCreated;
  }

  void remove() {
    jdbc.sql("delete from task_fact where process_definition_key = ?").param(MODEL).update();
    // Every day added up so far: the first fact of the database may be older than these.
    jdbc.sql("delete from task_fact_day where fact_day < ?")
        .param(day(START).plusDays(DAYS + 10)).update();
    jdbc.sql("delete from task_fact_day_state where fact_day < ?")
        .param(day(START).plusDays(DAYS + 10)).update();
  }

  private static LocalDate day(Instant moment) {
    return LocalDate.ofInstant(moment, ZoneOffset.UTC);
  }
}
