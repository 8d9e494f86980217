package pk.hifazat.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.HifazatTest;
import pk.hifazat.security.ReadableCases;

/**
 * The bottleneck figures are the same whether the database adds them up (as on PostgreSQL) or
 * the application adds up the rows it reads (as on H2), grouped or not, for any range.
 */
@HifazatTest
class BottleneckAddingUpTest {

  /** An area and model of their own, so no other scenario counts these facts. */
  private static final String DISTRICT = "Adding-Up";
  private static final String MODEL = "addingUpCheck";
  private static final Instant START = Instant.parse("2014-01-01T00:00:00Z");

  @Autowired JdbcClient jdbc;
  @Autowired TaskFactDays days;

  @AfterEach
  void removeFacts() {
    jdbc.sql("delete from task_fact where process_definition_key = :model")
        .param("model", MODEL).update();
  }

  @Test
  void databaseAndApplicationAddUpAlike() {
    Random random = new Random(18);
    for (int i = 0; i < 400; i++) {
      Instant created = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
      boolean claimed = random.nextInt(5) > 0;
      boolean completed = claimed && random.nextInt(4) > 0;
      long wait = random.nextInt(3) == 0 ? 3600 : random.nextInt(500_000);
      long handle = random.nextInt(3) == 0 ? 7200 : random.nextInt(900_000);
      Instant claimedAt = claimed ? created.plusSeconds(wait) : null;
      Instant completedAt = completed ? claimedAt.plusSeconds(handle) : null;
      new WrittenFact("PB-2014-" + i, MODEL, "Task_" + random.nextInt(4),
          "Step " + random.nextInt(2), random.nextBoolean() ? "PB" : "SD", DISTRICT,
          random.nextBoolean() ? "POLICE" : null, created, claimedAt, completedAt,
          completed && random.nextInt(6) == 0)
          .insertInto(jdbc);
    }
    BottleneckQueries database = new BottleneckQueries(jdbc, days, true);
    BottleneckQueries application = new BottleneckQueries(jdbc, days, false);
    Instant now = START.plus(Duration.ofDays(70));
    for (BottleneckQueries.GroupBy grouping : BottleneckQueries.GroupBy.values()) {
      for (Duration span : new Duration[] {Duration.ofDays(7), Duration.ofDays(30),
          Duration.ofDays(90)}) {
        for (String province : new String[] {null, "PB"}) {
          BottleneckQueries.Filter filter = new BottleneckQueries.Filter(province, DISTRICT, null,
              now.minus(span), now, now, grouping, ReadableCases.EVERY);
          Map<BottleneckQueries.Key, BottleneckQueries.Figures> added = database.figures(filter);
          Map<BottleneckQueries.Key, BottleneckQueries.Figures> read = application.figures(filter);
          assertThat(read.keySet()).as("%s %s %s", grouping, span, province)
              .containsExactlyInAnyOrderElementsOf(added.keySet());
          assertThat(added).isNotEmpty();
          added.forEach((key, expected) -> {
            BottleneckQueries.Figures actual = read.get(key);
            String row = key + " " + span;
            SameFigures.assertSame(row, actual, expected);
            assertThat(actual.overdueOpen).as(row).isEqualTo(expected.overdueOpen);
            assertThat(actual.oldestOpen).as(row).isEqualTo(expected.oldestOpen);
          });
        }
      }
    }
  }
}
