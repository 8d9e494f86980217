package pk.hifazat.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pk.hifazat.Reports;
import pk.hifazat.RunningApplication;

/** The embedded default keeps cases on a file database: a restart loses nothing. */
@Tag("standalone")
class RestartTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void restartLosesNoCaseTaskOrDeadline(@TempDir Path home) throws Exception {
    String database = "--spring.datasource.url=jdbc:h2:file:" + home.resolve("hifazat");
    Instant custody = Instant.now().minus(Duration.ofHours(3));
    String caseNumber;
    JsonNode before;
    try (RunningApplication app = RunningApplication.start(database)) {
      HttpResponse<String> created = app.postJson("/api/cases",
          Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", custody, custody),
          "cpo.lahore.f", "demo");
      assertThat(created.statusCode()).isEqualTo(201);
      caseNumber = json.readTree(created.body()).get("caseNumber").asText();
      before = json.readTree(app.get("/api/cases/" + caseNumber, "admin", "demo").body());
    }

    try (RunningApplication app = RunningApplication.start(database)) {
      HttpResponse<String> answer = app.get("/api/cases/" + caseNumber, "admin", "demo");

      assertThat(answer.statusCode()).isEqualTo(200);
      JsonNode after = json.readTree(answer.body());
      assertThat(after.get("tasks")).isEqualTo(before.get("tasks"));
      assertThat(after.get("deadlines")).isEqualTo(before.get("deadlines"));
      assertThat(after.get("tasks")).isNotEmpty();
      assertThat(after.get("deadlines").get(0).get("rule").asText()).isEqualTo("R-COURT-24H");
      // An unchanged pathway is not deployed again on restart.
      assertThat(app.bean(org.camunda.bpm.engine.RepositoryService.class)
          .createProcessDefinitionQuery().processDefinitionKey("courtProduction").count())
          .isOne();
    }
  }
}
