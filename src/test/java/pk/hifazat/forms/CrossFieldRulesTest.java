package pk.hifazat.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.CaseHandover;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * Values that contradict the case are refused on completion, through every door of the engine
 * REST API, in plain words naming the field, as a 400 without a stack trace in the log: a
 * production before the custody (R-COURT-24H: the four-month clock would start from it), a
 * court order before the production, a payment above the amount granted without a reason, an
 * agency nobody in the district works for (R-REFERRAL: the referral would wait out its 48 hours).
 */
@HifazatTest
@ExtendWith(OutputCaptureExtension.class)
class CrossFieldRulesTest {

  private static final AtomicInteger CASES = new AtomicInteger(977_000);

  @Autowired CaseDriver cases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  /** Completes the task as the female officer of Lahore, through {@code complete} or {@code submit-form}. */
  private HttpResponse<String> complete(String door, String taskId, String variables)
      throws Exception {
    String credentials = Base64.getEncoder().encodeToString(
        ("cpo.lahore.f:" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/engine-rest/task/" + taskId + "/" + door))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": " + variables + "}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertRefusedInPlainWords(HttpResponse<String> answer, String field,
      String words) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(answer.body()).contains(field).contains(words)
        .doesNotContain("ENGINE-").doesNotContain("TaskListener").doesNotContain("^[A-Z]");
  }

  private static void assertNoStackTrace(CapturedOutput log) {
    assertThat(log.getAll()).doesNotContain("FormFieldValidationException")
        .doesNotContain("ENGINE-03051");
  }

  /** A girl taken into custody three hours ago, waiting to be produced before the court. */
  private String productionTask(Instant custody) throws Exception {
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", custody, custody));
    cases.complete(caseNumber, "Task_ArrangeProduction", Map.of(
        "productionCourt", "Guardian Judge, Lahore", "immediateProductionPossible", true));
    return cases.task(caseNumber, "Task_ProduceBeforeCourt").getId();
  }

  @ParameterizedTest(name = "{0} via {1}")
  @CsvSource(delimiter = '|', value = {
      "Pakistan time      | complete    | {\"value\": \"%s\"}",
      "UTC                | submit-form | {\"value\": \"%s\"}",
      "a Date variable    | complete    | {\"value\": \"%s\", \"type\": \"Date\"}"})
  @DisplayName("R-COURT-24H: a production time before the custody is refused naming the field, however it is written")
  void productionBeforeCustodyIsRefused(String spelling, String door, String variable,
      CapturedOutput log) throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(3));
    String task = productionTask(custody);
    Instant before = custody.minus(Duration.ofHours(2));
    String time = switch (spelling.strip()) {
      case "UTC" -> before.toString();
      case "a Date variable" -> DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
          .withZone(ZoneOffset.ofHours(5)).format(before);
      default -> Reports.iso(before);
    };

    HttpResponse<String> answer = complete(door.strip(), task, "{\"producedAt\": "
        + variable.strip().formatted(time)
        + ", \"productionCourt\": {\"value\": \"Guardian Judge, Lahore\"}}");

    assertRefusedInPlainWords(answer, "Time the child was produced before the court",
        "must not be before the time the child was taken into custody");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    assertNoStackTrace(log);
  }

  @Test
  @DisplayName("R-COURT-24H: a production after the custody is recorded")
  void productionAfterCustodyIsRecorded() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(3));
    String task = productionTask(custody);

    HttpResponse<String> answer = complete("complete", task, "{\"producedAt\": {\"value\": \""
        + Reports.iso(custody.plus(Duration.ofHours(1)))
        + "\"}, \"productionCourt\": {\"value\": \"Guardian Judge, Lahore\"}}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
  }

  @Test
  @DisplayName("A court's order dated before the child's production is refused naming the field")
  void courtOrderBeforeProductionIsRefused(CapturedOutput log) throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(5));
    String production = productionTask(custody);
    Instant producedAt = custody.plus(Duration.ofHours(2));
    assertThat(complete("complete", production, "{\"producedAt\": {\"value\": \""
        + Reports.iso(producedAt) + "\"}, \"productionCourt\": {\"value\": \"Guardian Judge\"}}")
        .statusCode()).isEqualTo(204);
    String caseNumber = runtimeService.createProcessInstanceQuery()
        .processInstanceId(taskService.createTaskQuery().taskDefinitionKey("Task_RecordCourtOrder")
            .orderByTaskCreateTime().desc().list().get(0).getProcessInstanceId())
        .singleResult().getBusinessKey();
    String order = cases.task(caseNumber, "Task_RecordCourtOrder").getId();

    HttpResponse<String> answer = complete("submit-form", order,
        "{\"custodyOrder\": {\"value\": \"PARENTS\"}, \"orderDate\": {\"value\": \""
            + Reports.iso(producedAt.minus(Duration.ofHours(1))) + "\"}}");

    assertRefusedInPlainWords(answer, "Date of the order",
        "must not be before the time the child was produced before the court");
    assertNoStackTrace(log);
  }

  /** A girl's compensation granted {@code granted} rupees, waiting for the payment. */
  private String disbursementTask(int granted) {
    String caseNumber = "PB-2026-" + CASES.incrementAndGet();
    Map<String, Object> variables = CaseHandover.inLahore(caseNumber, "F", 14, "TRAFFICKING",
        Instant.now().minus(Duration.ofDays(20)));
    variables.put("identificationOutcome", "CONFIRMED_VICTIM");
    runtimeService.startProcessInstanceByKey("compensation", caseNumber, variables);
    cases.complete(caseNumber, "Task_PrepareClaim", Map.of("legalAidLawyerAssigned", true,
        "lossesDescribed", "Medical costs and mental anguish", "claimAmountRequested", 900_000));
    cases.complete(caseNumber, "Task_FileClaim", Map.of("claimFiledAt",
        Reports.iso(Instant.now().minus(Duration.ofDays(2))), "claimForum", "Sessions Court"));
    cases.complete(caseNumber, "Task_RecordDecision", Map.of("compensationDecision", "GRANTED",
        "amountGranted", granted, "compensationDecisionDate", Reports.iso(Instant.now())));
    return cases.task(caseNumber, "Task_RecordDisbursement").getId();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a whole number | 900000",
      "a decimal      | 900000.50"})
  @DisplayName("R-COMPENSATION: a payment above the amount granted, without a reason, is refused naming the field")
  void paymentAboveTheGrantWithoutAReasonIsRefused(String spelling, String amount,
      CapturedOutput log) throws Exception {
    String task = disbursementTask(300_000);

    HttpResponse<String> answer = complete("complete", task, "{\"disbursedAt\": {\"value\": \""
        + Reports.iso(Instant.now()) + "\"}, \"amountPaid\": {\"value\": " + amount + "}}");

    assertRefusedInPlainWords(answer, "Amount paid (PKR)",
        "must not be more than the amount granted (300000)");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    assertNoStackTrace(log);
  }

  @Test
  @DisplayName("An amount written as text is refused as the caller's mistake, naming the field, not failed as the server's")
  void amountAsTextIsRefusedNamingTheField(CapturedOutput log) throws Exception {
    String task = disbursementTask(300_000);

    HttpResponse<String> answer = complete("complete", task, "{\"disbursedAt\": {\"value\": \""
        + Reports.iso(Instant.now()) + "\"}, \"amountPaid\": {\"value\": \"900000\"}}");

    assertRefusedInPlainWords(answer, "Amount paid (PKR)", "must be a number");
    assertThat(log.getAll()).doesNotContain("holds a String");
    assertNoStackTrace(log);
  }

  @Test
  @DisplayName("R-COMPENSATION: a payment above the amount granted is recorded with its reason")
  void paymentAboveTheGrantWithItsReasonIsRecorded() throws Exception {
    String task = disbursementTask(300_000);

    HttpResponse<String> answer = complete("complete", task, "{\"disbursedAt\": {\"value\": \""
        + Reports.iso(Instant.now()) + "\"}, \"amountPaid\": {\"value\": 350000},"
        + " \"overpaymentReason\": {\"value\": \"Raised to 350,000 on review by the fund\"}}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
  }

  /** A trafficked girl's referral that every agency of the table declined. */
  private String findAgencyTask() {
    String caseNumber = "PB-2026-" + CASES.incrementAndGet();
    Map<String, Object> variables = CaseHandover.inLahore(caseNumber, "F", 14, "TRAFFICKING",
        Instant.now().minus(Duration.ofHours(3)));
    String referral = runtimeService.startProcessInstanceByKey("referral", caseNumber, variables)
        .getId();
    String fia = taskService.createTaskQuery().processInstanceId(referral)
        .taskDefinitionKey("Task_AcknowledgeReferral")
        .taskCandidateGroup("agency-fia-pb-lahore").singleResult().getId();
    taskService.complete(fia, Map.of("referralDecision", "DECLINED",
        "declineReason", "No capacity this month"));
    return taskService.createTaskQuery().processInstanceId(referral)
        .taskDefinitionKey("Task_FindAgencyManually").singleResult().getId();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "an agency nobody has           | NGO_ANTI_TRAFFICKING | must be one of [POLICE, FIA",
      "an agency without focal points in the district | PAKISTAN_BAIT_UL_MAL | is not the code of an agency with focal points in the case's district",
      "a code in lower case           | shelter              | must be one of [POLICE, FIA"})
  @DisplayName("R-REFERRAL: an agency the list does not offer, or that no focal point of the district answers to, is refused naming the field")
  void agencyWithoutFocalPointsIsRefused(String kind, String code, String words,
      CapturedOutput log) throws Exception {
    String task = findAgencyTask();

    HttpResponse<String> answer = complete("complete", task, "{\"manualAgency\": {\"value\": \""
        + code + "\"}, \"manualSearchNote\": {\"value\": \"Called the shelters of the district\"}}");

    assertRefusedInPlainWords(answer, "The agency that will take the referral", words);
    assertNoStackTrace(log);
  }

  @Test
  @DisplayName("R-REFERRAL: an agency with focal points in the district takes the referral")
  void agencyOfTheDistrictIsAccepted() throws Exception {
    String task = findAgencyTask();

    HttpResponse<String> answer = complete("complete", task, "{\"manualAgency\": {\"value\":"
        + " \"SHELTER\"}, \"manualSearchNote\": {\"value\": \"Shelter programme agreed\"}}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
  }
}
