package pk.hifazat.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.Reports;
import pk.hifazat.RunningApplication;

/**
 * On a running system, with its job executor and sweep, breaches are recorded when they happen,
 * with nobody asking: the database shows them although no API was called after the report.
 */
@Tag("standalone")
class BreachRecordedUnwatchedTest {

  private static final Duration PATIENCE = Duration.ofSeconds(45);
  private static final Duration LEAD = Duration.ofSeconds(8);

  private static String status(JdbcClient jdbc, String caseNumber, String rule) {
    return jdbc.sql("select status from sla_clock where case_number = ? and rule_id = ?")
        .params(caseNumber, rule).query(String.class).optional().orElse("NONE");
  }

  private static void awaitBreach(JdbcClient jdbc, String caseNumber, String rule)
      throws InterruptedException {
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (!status(jdbc, caseNumber, rule).equals("BREACHED") && Instant.now().isBefore(giveUp)) {
      Thread.sleep(250);
    }
  }

  @Test
  @DisplayName("R-COURT-24H and R-ID-EARLY: breaches are recorded the moment they happen, while nobody queries")
  void breachesAreRecordedWhileNobodyLooks(@TempDir Path home) throws Exception {
    try (RunningApplication app = RunningApplication.start(
        "--spring.datasource.url=jdbc:h2:file:" + home.resolve("db"),
        "--camunda.bpm.job-execution.enabled=true",
        // An idle job executor looks for due timers at most every two seconds here, not every
        // minute: the test waits for the breach, not for the executor's back-off.
        "--camunda.bpm.job-execution.max-wait=2000",
        "--hifazat.sla.sweep-interval=PT1S")) {
      // Due a few seconds from now: custody 24 hours ago, less the lead; still running once both
      // reports are in (checked below), so what records the breach is the running system.
      Instant custody = Instant.now().minus(Duration.ofHours(24)).plus(LEAD);
      HttpResponse<String> production = app.postJson("/api/cases",
          Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", custody, custody),
          "cpo.lahore.f", "demo");
      Instant reported = Instant.now().minus(Duration.ofHours(24)).plus(LEAD);
      HttpResponse<String> screening = app.postJson("/api/cases",
          Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR", reported),
          "cpo.lahore.f", "demo");
      String productionCase = production.headers().firstValue("Location").orElseThrow()
          .replace("/api/cases/", "");
      String screeningCase = screening.headers().firstValue("Location").orElseThrow()
          .replace("/api/cases/", "");
      JdbcClient jdbc = app.bean(JdbcClient.class);
      assertThat(status(jdbc, productionCase, "R-COURT-24H")).isIn("RUNNING", "AT_RISK");
      assertThat(status(jdbc, screeningCase, "R-ID-EARLY")).isIn("RUNNING", "AT_RISK");

      awaitBreach(jdbc, productionCase, "R-COURT-24H");
      awaitBreach(jdbc, screeningCase, "R-ID-EARLY");

      assertThat(status(jdbc, productionCase, "R-COURT-24H")).isEqualTo("BREACHED");
      assertThat(status(jdbc, screeningCase, "R-ID-EARLY")).isEqualTo("BREACHED");
      TaskService tasks = app.bean(TaskService.class);
      Instant giveUp = Instant.now().plus(PATIENCE);
      while ((tasks.createTaskQuery().processInstanceBusinessKey(productionCase)
          .taskDefinitionKey("Task_ReviewCourtBreach").count() == 0
          || tasks.createTaskQuery().processInstanceBusinessKey(screeningCase)
          .taskDefinitionKey("Task_ReviewDeadlineBreach").count() == 0)
          && Instant.now().isBefore(giveUp)) {
        Thread.sleep(250);
      }
      assertThat(tasks.createTaskQuery().taskCandidateGroup("supervisor-pb-lahore")
          .processInstanceBusinessKey(productionCase).taskDefinitionKey("Task_ReviewCourtBreach")
          .count()).isOne();
      assertThat(tasks.createTaskQuery().taskCandidateGroup("supervisor-pb-lahore")
          .processInstanceBusinessKey(screeningCase).taskDefinitionKey("Task_ReviewDeadlineBreach")
          .count()).isOne();
    }
  }
}
