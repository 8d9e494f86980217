package pk.hifazat.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pk.hifazat.ChildAtRiskForms;
import pk.hifazat.Reports;
import pk.hifazat.RunningApplication;

/**
 * A full case, from report to closure, driven through the REST API alone, as the officers, the
 * agencies' focal points and the supervisor of Lahore would drive it from their own systems.
 */
@Tag("standalone")
class FullCaseThroughRestTest {

  private static final String PASSWORD = "demo";
  /**
   * The engine REST API of the started application: RunningApplication names its engine
   * "standalone" so that it can run beside the test context's default engine in one JVM.
   */
  private static final String ENGINE_REST = "/engine-rest/engine/standalone";
  /** Everyone in Lahore who may have work on a boy's case. */
  private static final List<String> LAHORE_USERS = List.of(
      "cpo.lahore.m", "cpo.lahore.f",
      "focal.police.lahore", "focal.fia.lahore", "focal.cybercrime.lahore",
      "focal.hospitalcpu.lahore", "focal.psychologist.lahore", "focal.socialworker.lahore",
      "focal.legalaid.lahore", "focal.ngolegalaid.lahore", "focal.shelter.lahore",
      "focal.education.lahore", "focal.socialprotection.lahore", "supervisor.lahore");

  private final ObjectMapper json = new ObjectMapper();

  private record Completion(String taskId, String taskKey, String user) {}

  /** What each form asks for, for a boy at risk who needs no placement (no long timers). */
  private static final ChildAtRiskForms FORMS = new ChildAtRiskForms(
      "Interviewed at the kiln with his mother present",
      "Working at a brick kiln; the family is in debt bondage", false);

  private JsonNode read(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  @Test
  @DisplayName("A full case, from report to closure, can be driven through the REST API alone")
  void fullCaseIsDrivenThroughTheRestApi(@TempDir Path home) throws Exception {
    try (RunningApplication app = RunningApplication.start(
        "--spring.datasource.url=jdbc:h2:file:" + home.resolve("db"))) {
      // a boy in Lahore, reported an hour ago, not in custody
      Instant reportedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
      JsonNode opened = read(app.postJson("/api/cases",
          Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR", reportedAt),
          "cpo.lahore.m", PASSWORD), 201);
      String caseNumber = opened.get("caseNumber").asText();
      assertThat(caseNumber).matches("PB-\\d{4}-\\d{6}");

      List<Completion> completions = new ArrayList<>();
      JsonNode file = read(app.get("/api/cases/" + caseNumber, "admin", PASSWORD), 200);
      assertThat(file.get("status").asText()).isEqualTo("OPEN");
      assertThat(file.get("stage").asText()).isEqualTo("IDENTIFICATION");

      for (int round = 0; !file.get("status").asText().equals("CLOSED"); round++) {
        assertThat(round).as("rounds to close %s; done so far: %s", caseNumber, completions)
            .isLessThan(20);
        int before = completions.size();
        for (String user : LAHORE_USERS) {
          // Each task is worked by those it is offered to, as Tasklist's group filters show.
          JsonNode tasks = read(app.get(ENGINE_REST + "/task?processInstanceBusinessKey="
              + caseNumber + "&candidateUser=" + user, user, PASSWORD), 200);
          for (JsonNode task : tasks) {
            String taskId = task.get("id").asText();
            String taskKey = task.get("taskDefinitionKey").asText();
            HttpResponse<String> done = app.postJson(ENGINE_REST + "/task/" + taskId + "/complete",
                json.writeValueAsString(FORMS.completing(taskKey)), user, PASSWORD);
            assertThat(done.statusCode()).as("%s completing %s: %s", user, taskKey, done.body())
                .isEqualTo(204);
            completions.add(new Completion(taskId, taskKey, user));
          }
        }
        assertThat(completions.size())
            .as("someone in Lahore has work on %s; case now: %s", caseNumber, file)
            .isGreaterThan(before);
        file = read(app.get("/api/cases/" + caseNumber, "admin", PASSWORD), 200);
      }

      // closed, with nothing left open
      assertThat(file.get("status").asText()).isEqualTo("CLOSED");
      assertThat(file.get("stage").asText()).isEqualTo("CLOSED");
      assertThat(file.get("tasks")).isEmpty();
      assertThat(completions).extracting(Completion::taskKey).contains("Task_ScreenReport",
          "Task_RecordChildViews", "Task_DecideIdentificationOutcome",
          "Task_AcknowledgeReferral", "Task_RecordServiceDelivered", "Task_CloseReferral",
          "Task_CloseCase");
      assertThat(completions).filteredOn(done -> done.taskKey().equals("Task_AcknowledgeReferral"))
          .extracting(Completion::user).containsExactlyInAnyOrder("focal.police.lahore",
              "focal.socialworker.lahore", "focal.legalaid.lahore",
              "focal.socialprotection.lahore");
      assertThat(completions).filteredOn(done -> done.taskKey().equals("Task_CloseCase"))
          .extracting(Completion::user).containsExactly("cpo.lahore.m");
      JsonNode clocks = file.get("deadlines");
      assertThat(clocks).extracting(clock -> clock.get("rule").asText())
          .contains("R-ID-EARLY", "R-REFERRAL");
      assertThat(clocks).allSatisfy(clock ->
          assertThat(clock.get("status").asText()).isEqualTo("MET"));

      // the audit trail lists every task completion, by whom
      JsonNode audit = read(app.get("/api/audit?caseNumber=" + caseNumber + "&limit=500",
          "admin", PASSWORD), 200);
      assertThat(audit).anySatisfy(event -> {
        assertThat(event.get("action").asText()).isEqualTo("CASE_REGISTERED");
        assertThat(event.get("user").asText()).isEqualTo("cpo.lahore.m");
      });
      List<Completion> audited = new ArrayList<>();
      for (JsonNode event : audit) {
        if (event.get("action").asText().equals("TASK_COMPLETED")) {
          String detail = event.get("detail").asText();
          audited.add(new Completion(detail.substring(detail.indexOf('(') + 1,
              detail.length() - 1), detail.substring(0, detail.indexOf(' ')),
              event.get("user").asText()));
        }
      }
      assertThat(audited).containsExactlyInAnyOrderElementsOf(completions);
    }
  }
}
