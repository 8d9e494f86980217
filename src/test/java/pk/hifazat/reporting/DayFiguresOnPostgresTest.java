package pk.hifazat.reporting;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.LocalPostgres;
import pk.hifazat.RunningApplication;

/**
 * The days added up on PostgreSQL, as in production: PostgreSQL adds up a range of facts itself
 * ({@link BottleneckQueries}), and its figures from added-up days are the same.
 */
@Tag("standalone")
class DayFiguresOnPostgresTest {

  private static LocalPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = LocalPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void theCountrysFiguresFromAddedUpDaysAreTheFiguresOfTheirFactsOnPostgres() throws Exception {
    try (RunningApplication app = RunningApplication.start("--spring.profiles.active=prod",
        "--spring.datasource.url=" + postgres.url(), "--spring.datasource.username=hifazat",
        "--spring.datasource.password=hifazat",
        "--HIFAZAT_ADMIN_PASSWORD=correct-horse-battery-staple",
        "--HIFAZAT_IDENTITY_KEY=" + Base64.getEncoder().encodeToString(new byte[32]),
        // The scenario adds up the days itself.
        "--hifazat.reporting.days-interval=PT24H")) {
      JdbcClient jdbc = app.bean(JdbcClient.class);
      TaskFactDays days = app.bean(TaskFactDays.class);
      DayFiguresScenario scenario = new DayFiguresScenario(jdbc, days,
          List.of(app.bean(BottleneckQueries.class), new BottleneckQueries(jdbc, days, false)));
      try {
        DayFiguresTest.play(scenario, app.bean(TaskFactsMove.class));
      } finally {
        scenario.remove();
      }
    }
  }
}
