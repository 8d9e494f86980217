package pk.hifazat.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * A completion through the engine REST API meets the same validation as the form in Tasklist:
 * a bad one is refused with a message naming the field, and the task stays open.
 */
@HifazatTest
class CompletionFormCheckTest {

  @Autowired CaseDriver cases;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> complete(String taskId, String variables) throws Exception {
    String credentials = Base64.getEncoder()
        .encodeToString("cpo.lahore.f:demo".getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + taskId + "/complete"))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": " + variables + "}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String productionTask() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(1));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", custody, custody));
    cases.complete(caseNumber, "Task_ArrangeProduction", java.util.Map.of(
        "productionCourt", "Guardian Judge, Lahore", "immediateProductionPossible", true));
    return cases.task(caseNumber, "Task_ProduceBeforeCourt").getId();
  }

  @Test
  void completionWithoutARequiredFieldIsRefusedAndTheTaskStaysOpen() throws Exception {
    String task = productionTask();

    HttpResponse<String> answer = complete(task,
        "{\"productionCourt\": {\"value\": \"Guardian Judge, Lahore\"}}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("producedAt").contains("is required");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void productionInTheFutureIsRefused() throws Exception {
    String task = productionTask();
    String tomorrow = Reports.iso(Instant.now().plus(Duration.ofDays(1)));

    HttpResponse<String> answer = complete(task, "{\"producedAt\": {\"value\": \"" + tomorrow
        + "\"}, \"productionCourt\": {\"value\": \"Guardian Judge, Lahore\"}}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("producedAt").contains("must not be in the future");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void completionThatMeetsTheFormIsAccepted() throws Exception {
    String task = productionTask();

    HttpResponse<String> answer = complete(task, "{\"producedAt\": {\"value\": \""
        + Reports.iso(Instant.now()) + "\"}, \"productionCourt\": {\"value\": \"Guardian Judge\"}}");

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
  }
}
