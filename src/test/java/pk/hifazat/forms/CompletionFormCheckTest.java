package pk.hifazat.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.DisplayName;
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
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
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
  @Test
  @DisplayName("A form deployed again with a new rule is checked by its new rule from the next completion on, and by the old one again once that deployment is gone")
  void aRedeployedFormsNewRuleAppliesAtOnce() throws Exception {
    String values = "{\"producedAt\": {\"value\": \"" + Reports.iso(Instant.now())
        + "\"}, \"productionCourt\": {\"value\": \"Guardian Judge\"}}";
    assertThat(complete(productionTask(), values).statusCode())
        .as("the deployed form, read and remembered").isEqualTo(204);

    ObjectMapper json = new ObjectMapper();
    ObjectNode form = (ObjectNode) json.readTree(
        Files.readString(Path.of("forms/produce-before-court.form")));
    ((ObjectNode) form.findParents("key").stream()
        .filter(field -> field.path("key").asText().equals("productionCourt"))
        .findFirst().orElseThrow().path("validate")).put("minLength", 30);
    Deployment stricter = repositoryService.createDeployment()
        .name("produce-before-court, court named in full")
        .addString("produce-before-court.form", json.writeValueAsString(form))
        .deploy();
    try {
      String task = productionTask();
      HttpResponse<String> refused = complete(task, values);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("productionCourt")
          .contains("must have at least 30 characters");
      assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    } finally {
      repositoryService.deleteDeployment(stricter.getId(), true);
    }
    assertThat(complete(productionTask(), values).statusCode())
        .as("the earlier form is the latest again").isEqualTo(204);
  }

  /** The court's order task of a girl's case produced at once: its case and its task id. */
  private String[] courtOrderTask() throws Exception {
    String task = productionTask();
    String caseNumber = caseOf(task);
    taskService.complete(task, java.util.Map.of("producedAt", Reports.iso(Instant.now()),
        "productionCourt", "Guardian Judge, Lahore", "presidingOfficer", "Civil Judge"));
    return new String[] {caseNumber, cases.task(caseNumber, "Task_RecordCourtOrder").getId()};
  }

  private String caseOf(String task) {
    return runtimeService.createProcessInstanceQuery()
        .processInstanceId(taskService.createTaskQuery().taskId(task).singleResult()
            .getProcessInstanceId())
        .singleResult().getBusinessKey();
  }

  private static String courtOrder(String documentId) {
    return "{\"custodyOrder\": {\"value\": \"INSTITUTION\"}, \"orderDate\": {\"value\": \""
        + Reports.iso(Instant.now()) + "\"}, \"courtOrderDocumentId\": {\"value\": "
        + (documentId == null ? "null" : "\"" + documentId + "\"") + "}}";
  }

  @Test
  @DisplayName("R-PLACEMENT-ORDER: the court's order task completes only with the id of a court order attached to this case, through every door")
  void courtOrderTaskNeedsACourtOrderOfThisCase() throws Exception {
    String[] caseAndTask = courtOrderTask();
    String caseNumber = caseAndTask[0];
    String task = caseAndTask[1];
    String ageReport = cases.attach(caseNumber, "AGE_REPORT");
    String othersOrder = cases.attach(courtOrderTask()[0], "COURT_ORDER");
    String order = cases.attach(caseNumber, "COURT_ORDER");

    for (String wrong : new String[] {null, " ", "00000000-0000-0000-0000-000000000000",
        ageReport, othersOrder, order.toUpperCase(java.util.Locale.ROOT), "' or '1'='1"}) {
      HttpResponse<String> answer = complete(task, courtOrder(wrong));
      assertThat(answer.statusCode()).as(wrong + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).get().asString()
          .contains("problem+json");
      assertThat(answer.body()).as(wrong).contains("courtOrderDocumentId");
    }
    // the Java API (and so Tasklist) meets the same check
    assertThatThrownBy(() -> taskService.complete(task, java.util.Map.of(
        "custodyOrder", "INSTITUTION", "orderDate", Reports.iso(Instant.now()),
        "courtOrderDocumentId", othersOrder)))
        .hasMessageContaining("courtOrderDocumentId").hasMessageContaining("COURT_ORDER");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();

    HttpResponse<String> answer = complete(task, courtOrder(order));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
  }

  @Test
  @DisplayName("R-AGE-DISPUTE: the Medical Superintendent's report is recorded only with the id of an age report attached to the case")
  void ageReportTaskNeedsAnAgeReportOfThisCase() throws Exception {
    String caseNumber = cases.report(Reports.ageDisputed("PB", "Lahore", "F", "FORCED_LABOUR",
        Instant.now().minus(Duration.ofHours(1)), 19));
    cases.screen(caseNumber, false, "indicatorWorkingChild");
    String task = cases.task(caseNumber, "Task_RequestMedicalAgeAssessment").getId();
    String medical = cases.attach(caseNumber, "MEDICAL_REPORT");
    String report = "{\"medicalReportDate\": {\"value\": \"" + Reports.iso(Instant.now())
        + "\"}, \"medicalEstimatedAge\": {\"value\": 15, \"type\": \"Integer\"},"
        + " \"ageReportDocumentId\": {\"value\": \"%s\"}}";

    HttpResponse<String> refused = complete(task, report.formatted(medical));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("ageReportDocumentId").contains("AGE_REPORT");

    HttpResponse<String> accepted = complete(task,
        report.formatted(cases.attach(caseNumber, "AGE_REPORT")));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
  }
}
