package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import pk.hifazat.LocalPostgres;
import pk.hifazat.Reports;
import pk.hifazat.RunningApplication;

/** The prod profile on a real PostgreSQL server: no demo users, a password it insists on. */
@Tag("standalone")
class ProductionProfileTest {

  private static final String ADMIN_PASSWORD = "correct-horse-battery-staple";
  private static final String IDENTITY_KEY =
      java.util.Base64.getEncoder().encodeToString(new byte[32]);
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

  private String[] prodOn(String... more) {
    String[] base = {"--spring.profiles.active=prod",
        "--spring.datasource.url=" + postgres.url(),
        "--spring.datasource.username=hifazat", "--spring.datasource.password=hifazat",
        "--HIFAZAT_IDENTITY_KEY=" + IDENTITY_KEY};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void prodProfileRefusesToStartWithoutAnAdministratorPassword() {
    assumeTrue(System.getenv("HIFAZAT_ADMIN_PASSWORD") == null
        && System.getenv("HIFAZAT_IDENTITY_KEY") == null, "production secrets are set here");

    assertThatThrownBy(() -> RunningApplication.start(prodOn()).close())
        .hasStackTraceContaining("HIFAZAT_ADMIN_PASSWORD");
    assertThatThrownBy(() -> RunningApplication.start(prodOn("--HIFAZAT_ADMIN_PASSWORD=short"))
        .close())
        .hasStackTraceContaining("at least 12 characters");
    String[] withoutKey = java.util.Arrays.stream(prodOn("--HIFAZAT_ADMIN_PASSWORD=" + ADMIN_PASSWORD))
        .filter(argument -> !argument.startsWith("--HIFAZAT_IDENTITY_KEY")).toArray(String[]::new);
    assertThatThrownBy(() -> RunningApplication.start(withoutKey).close())
        .hasStackTraceContaining("HIFAZAT_IDENTITY_KEY");
  }

  @Test
  void prodProfileRunsCasesOnPostgresWithNoDemoUsers() throws Exception {
    postgres.recreateDatabase();
    try (RunningApplication app =
        RunningApplication.start(prodOn("--HIFAZAT_ADMIN_PASSWORD=" + ADMIN_PASSWORD))) {
      IdentityService identity = app.bean(IdentityService.class);
      assertThat(identity.createUserQuery().userId("cpo.lahore.f").count()).isZero();
      assertThat(identity.checkPassword("admin", ADMIN_PASSWORD)).isTrue();
      // The engine's batches of inserts go as one statement each (application-prod.yaml).
      try (java.sql.Connection connection =
          app.bean(javax.sql.DataSource.class).getConnection()) {
        assertThat(connection.unwrap(org.postgresql.core.BaseConnection.class).getQueryExecutor()
            .isReWriteBatchedInsertsEnabled()).isTrue();
      }
      // The demo officer does not exist here (a wrong admin password would delay admin's next
      // login: the engine's brute-force protection).
      assertThat(app.get("/api/cases/PB-2026-000001", "cpo.lahore.f", "demo").statusCode())
          .isEqualTo(401);

      Instant custody = Instant.now().minus(Duration.ofHours(25));
      HttpResponse<String> created = app.postJson("/api/cases",
          Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", custody, custody),
          "admin", ADMIN_PASSWORD);
      assertThat(created.statusCode()).isEqualTo(201);
      String location = created.headers().firstValue("Location").orElseThrow();
      HttpResponse<String> read = app.get(location, "admin", ADMIN_PASSWORD);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.body()).contains("\"rule\":\"R-COURT-24H\"").contains("\"BREACHED\"");
      // Every open task's card shows the stage the case reached in that one transaction.
      String caseNumber = location.substring(location.lastIndexOf('/') + 1);
      org.camunda.bpm.engine.TaskService tasks = app.bean(org.camunda.bpm.engine.TaskService.class);
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list())
          .isNotEmpty().allSatisfy(task -> assertThat(
              (String) tasks.getVariableLocal(task.getId(), "cardStage"))
              .startsWith("Production before the court"));

      // The managers' figures read on PostgreSQL as on H2: the case's open work, and its
      // production past R-COURT-24H counted by rule and on its Pakistan day.
      com.fasterxml.jackson.databind.ObjectMapper json =
          new com.fasterxml.jackson.databind.ObjectMapper();
      HttpResponse<String> bottlenecks = app.get("/api/bottlenecks", "admin", ADMIN_PASSWORD);
      assertThat(bottlenecks.statusCode()).isEqualTo(200);
      long open = 0;
      for (com.fasterxml.jackson.databind.JsonNode activity
          : json.readTree(bottlenecks.body()).get("activities")) {
        open += activity.get("workInProgress").asLong();
      }
      assertThat(open).isPositive();
      HttpResponse<String> breaches = app.get("/api/sla/breaches", "admin", ADMIN_PASSWORD);
      assertThat(breaches.statusCode()).isEqualTo(200);
      com.fasterxml.jackson.databind.JsonNode breached = json.readTree(breaches.body());
      assertThat(breached.get("byRule").toString()).contains("R-COURT-24H");
      long perDay = 0;
      for (com.fasterxml.jackson.databind.JsonNode day : breached.get("byDay")) {
        perDay += day.get("count").asLong();
      }
      assertThat(perDay).isEqualTo(breached.get("total").asLong()).isPositive();

      // The engine's tables have the indexes its hot paths need (db/engine), here too.
      assertThat(app.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
          .sql("select count(*) from pg_indexes where indexname = 'hf_idx_task_parent'")
          .query(Long.class).single()).isEqualTo(1L);
    }
  }

  @Test
  void operatorRecoversALockedAndDemotedAdministratorAtStartUp() throws Exception {
    postgres.recreateDatabase();
    try (RunningApplication app =
        RunningApplication.start(prodOn("--HIFAZAT_ADMIN_PASSWORD=" + ADMIN_PASSWORD))) {
      // The worst an earlier version or an insider could leave: the administrator locked with
      // no end in sight (the engine's permanent lock) and no longer in camunda-admin, whose
      // grants are gone with the group.
      IdentityService identity = app.bean(IdentityService.class);
      identity.deleteMembership("admin", "camunda-admin");
      identity.deleteGroup("camunda-admin");
      app.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
          .sql("update act_id_user set attempts_ = 1000, lock_exp_time_ = ? where id_ = 'admin'")
          .param(java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(3650)))).update();
      assertThat(app.get("/api/me", "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(429);
    }

    String newPassword = "a-new-password-for-the-operator";
    try (RunningApplication app = RunningApplication.start(prodOn(
        "--HIFAZAT_ADMIN_PASSWORD=" + newPassword, "--HIFAZAT_ADMIN_RECOVER=true"))) {
      HttpResponse<String> me = app.get("/api/me", "admin", newPassword);
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(app.bean(IdentityService.class).createUserQuery().userId("admin")
          .memberOfGroup("camunda-admin").count()).isEqualTo(1);
      // Its grants are back: Camunda Admin's user list answers.
      assertThat(app.get("/engine-rest/engine/standalone/user/count", "admin", newPassword).body())
          .contains("\"count\":1");
      HttpResponse<String> trail = app.get("/api/audit?action=ADMIN_RECOVERED", "admin",
          newPassword);
      assertThat(trail.statusCode()).isEqualTo(200);
      assertThat(trail.body()).contains("\"user\":\"admin\"")
          .contains("member of camunda-admin again").contains("unlocked");
      // The old password is gone.
      assertThat(app.bean(IdentityService.class).checkPassword("admin", ADMIN_PASSWORD))
          .isFalse();
    }
  }
}
