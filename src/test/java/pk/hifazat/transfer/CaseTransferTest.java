package pk.hifazat.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * R-TRANSFER: a case moves to another district, with its open and future tasks, its grants and
 * its jurisdiction, and its statutory clocks running on as they were.
 */
@HifazatTest
class CaseTransferTest {

  private static final String KARACHI_FEMALE = "cpo-sd-karachi-south-female";
  private static final String KARACHI_OFFICERS = "cpo-sd-karachi-south";
  private static final String KARACHI_SUPERVISOR = "supervisor.karachisouth";

  @LocalServerPort int port;
  @Autowired CaseDriver cases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  private EngineRestAs http;

  @BeforeEach
  void setUp() {
    ClockUtil.reset();
    http = new EngineRestAs(port);
  }

  private String girlInCustodyInLahore(String offence) throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(3));
    return cases.report(Reports.inCustody("PB", "Lahore", "F", offence, custody, custody));
  }

  private EngineRestAs.Answer propose(String user, String caseNumber, String body)
      throws Exception {
    return http.post(user, "/api/cases/" + caseNumber + "/transfers", body);
  }

  private static String toKarachiSouth(String reason) {
    return """
        {"toProvince": "SD", "toDistrict": "karachi south", "reason": "%s",
         "note": "The child was rescued in Lahore; her family lives in Karachi"}""".formatted(reason);
  }

  private Task decision(String caseNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_DecideTransfer").singleResult();
  }

  private EngineRestAs.Answer decide(String user, Task task, String decision, String reason)
      throws Exception {
    String variables = "{\"transferDecision\": {\"value\": \"" + decision + "\"}"
        + (reason == null ? "" : ", \"transferDeclineReason\": {\"value\": \"" + reason + "\"}")
        + "}";
    return http.post(user, "/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\": " + variables + "}");
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).toList();
  }

  private JsonNode read(EngineRestAs.Answer answer) throws Exception {
    return json.readTree(answer.body());
  }

  @Test
  @DisplayName("R-TRANSFER, R-GIRL-FEMALE-CARE, R-COURT-24H, R-MAGISTRATE: a girl's case moved from Lahore to Karachi South while her production clock runs goes to Karachi South's female officers, keeps its due time, and takes the Sindh magistrate step")
  void girlsCaseMovesToKarachiSouthWhileHerProductionClockRuns() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");
    cases.screen(caseNumber, false, "indicatorSexualExploitation");
    Task arrange = cases.task(caseNumber, "Task_ArrangeProduction");
    taskService.claim(arrange.getId(), "cpo.lahore.f");
    Instant productionDue = arrange.getDueDate().toInstant();
    String clockDue = cases.deadline(caseNumber, "R-COURT-24H").get("dueAt").asText();

    EngineRestAs.Answer proposed = propose("cpo.lahore.f", caseNumber,
        toKarachiSouth("REPATRIATED"));
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    assertThat(read(proposed).get("status").asText()).isEqualTo("PENDING");
    assertThat(read(proposed).get("toDistrict").asText()).isEqualTo("Karachi South");
    // Until the answer, nothing moves: the Lahore officer keeps her task.
    assertThat(candidateGroups(cases.task(caseNumber, "Task_ArrangeProduction")))
        .containsExactly("cpo-pb-lahore-female");
    Task decision = decision(caseNumber);
    assertThat(candidateGroups(decision)).containsExactly("supervisor-sd-karachi-south");
    // The sending district's supervisor cannot answer for the receiving one.
    assertThat(decide("supervisor.lahore", decision, "ACCEPTED", null).status())
        .isIn(403, 404);

    EngineRestAs.Answer accepted = decide(KARACHI_SUPERVISOR, decision, "ACCEPTED", null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);

    Task moved = cases.task(caseNumber, "Task_ArrangeProduction");
    assertThat(candidateGroups(moved)).containsExactly(KARACHI_FEMALE);
    assertThat(moved.getAssignee()).isNull();
    assertThat(moved.getDueDate().toInstant()).isEqualTo(productionDue);
    assertThat(cases.deadline(caseNumber, "R-COURT-24H").get("dueAt").asText())
        .isEqualTo(clockDue);
    Task magistrate = cases.task(caseNumber, "Task_ApplyToMagistrateAfterTransfer");
    assertThat(candidateGroups(magistrate)).containsExactly(KARACHI_FEMALE);
    assertThat(magistrate.getDueDate().toInstant()).isEqualTo(productionDue);
    assertThat(runtimeService.getVariable(cases.instance(caseNumber, "courtProduction").getId(),
        "statute")).isEqualTo("Sindh Child Protection Authority Act 2011");

    // Karachi South's female officer has the case; Lahore's officer has no task of it.
    assertThat(read(http.get("cpo.karachisouth.f", "/engine-rest/task?processInstanceBusinessKey="
        + caseNumber)).findValuesAsText("taskDefinitionKey"))
        .contains("Task_ArrangeProduction", "Task_ApplyToMagistrateAfterTransfer");
    assertThat(read(http.get("cpo.lahore.f", "/engine-rest/task?processInstanceBusinessKey="
        + caseNumber))).isEmpty();
    assertThat(read(http.get("cpo.lahore.f",
        "/engine-rest/process-instance?businessKey=" + caseNumber))).isEmpty();
    JsonNode file = read(http.get("cpo.karachisouth.f", "/api/cases/" + caseNumber));
    assertThat(file.get("province").asText()).isEqualTo("SD");
    assertThat(file.get("district").asText()).isEqualTo("Karachi South");
    assertThat(http.get("cpo.lahore.f", "/api/cases/" + caseNumber).status()).isEqualTo(404);
    // The case record says which law applies now, and which applied before.
    JsonNode court = read(http.get("cpo.karachisouth.f", "/api/cases/" + caseNumber + "/court"));
    assertThat(court.get("statute").asText()).isEqualTo("Sindh Child Protection Authority Act 2011");
    assertThat(court.get("previousStatute").asText())
        .isEqualTo("Punjab Destitute and Neglected Children Act 2004");
    assertThat(court.get("magistrateApplicationRequired").asBoolean()).isTrue();
    // Lahore keeps the history of what it did: the screening its officer completed.
    assertThat(read(http.get("cpo.lahore.f", "/engine-rest/history/task?finished=true"
        + "&processInstanceBusinessKey=" + caseNumber)).findValuesAsText("taskDefinitionKey"))
        .contains("Task_ScreenReport");

    // What follows is Karachi South's alone.
    taskService.claim(magistrate.getId(), "cpo.karachisouth.f");
    taskService.complete(magistrate.getId(), Map.of(
        "magistrateCourt", "Judicial Magistrate, Karachi South",
        "magistrateAppliedAt", Reports.iso(Instant.now().minus(Duration.ofMinutes(5))),
        "magistrateCustodyGranted", true));
    cases.complete(caseNumber, "Task_ArrangeProduction", Map.of(
        "productionCourt", "Sessions Court, Karachi South", "immediateProductionPossible", true));
    Task produce = cases.task(caseNumber, "Task_ProduceBeforeCourt");
    assertThat(candidateGroups(produce)).containsExactly(KARACHI_FEMALE);
    assertThat(produce.getDueDate().toInstant()).isEqualTo(productionDue);
    assertThat(read(http.get("cpo.lahore.f", "/engine-rest/task?processInstanceBusinessKey="
        + caseNumber))).isEmpty();
    assertThat(read(http.get("cpo.lahore.f", "/engine-rest/history/task?finished=true"
        + "&processInstanceBusinessKey=" + caseNumber)).findValuesAsText("taskDefinitionKey"))
        .doesNotContain("Task_ApplyToMagistrateAfterTransfer", "Task_ArrangeProduction");

    JsonNode transfers = read(http.get("cpo.lahore.f", "/api/cases/" + caseNumber
        + "/transfers"));
    assertThat(transfers.get(0).get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(transfers.get(0).get("decidedBy").asText()).isEqualTo(KARACHI_SUPERVISOR);
    assertThat(jdbc.sql("select count(*) from audit_event where case_number = ?"
        + " and action = 'CASE_TRANSFERRED'").param(caseNumber).query(Long.class).single())
        .isOne();
  }

  @Test
  @DisplayName("R-TRANSFER: a declined transfer changes nothing: the case, its tasks and its readers stay in Lahore, with the reason recorded")
  void declinedTransferChangesNothing() throws Exception {
    String caseNumber = girlInCustodyInLahore("TRAFFICKING");
    Task arrange = cases.task(caseNumber, "Task_ArrangeProduction");
    assertThat(propose("supervisor.lahore", caseNumber, toKarachiSouth("CHILD_MOVED"))
        .status()).isEqualTo(201);

    EngineRestAs.Answer declined = decide(KARACHI_SUPERVISOR, decision(caseNumber), "DECLINED",
        "The family could not be traced in Karachi South");
    assertThat(declined.status()).as(declined.body()).isEqualTo(204);

    assertThat(candidateGroups(cases.task(caseNumber, "Task_ArrangeProduction")))
        .containsExactly("cpo-pb-lahore-female");
    assertThat(cases.task(caseNumber, "Task_ArrangeProduction").getDueDate())
        .isEqualTo(arrange.getDueDate());
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ApplyToMagistrateAfterTransfer").count()).isZero();
    assertThat(read(http.get("cpo.lahore.f", "/api/cases/" + caseNumber)).get("district")
        .asText()).isEqualTo("Lahore");
    assertThat(http.get("cpo.karachisouth.f", "/api/cases/" + caseNumber).status())
        .isEqualTo(404);
    JsonNode transfer = read(http.get("supervisor.lahore", "/api/cases/" + caseNumber
        + "/transfers")).get(0);
    assertThat(transfer.get("status").asText()).isEqualTo("DECLINED");
    assertThat(transfer.get("declineReason").asText()).contains("could not be traced");
    // Declined, the case may be proposed again.
    assertThat(propose("cpo.lahore.f", caseNumber, toKarachiSouth("CHILD_MOVED")).status())
        .isEqualTo(201);
  }

  @Test
  @DisplayName("R-TRANSFER-ACK: the receiving supervisor's answer is due 24 hours after the proposal, on its own policy clock")
  void transferAnswerIsDueWithin24Hours() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");
    Instant proposedAround = Instant.now();
    assertThat(propose("cpo.lahore.f", caseNumber, toKarachiSouth("WRONG_DISTRICT")).status())
        .isEqualTo(201);
    Instant due = decision(caseNumber).getDueDate().toInstant();
    assertThat(Duration.between(proposedAround, due)).isBetween(Duration.ofHours(24),
        Duration.ofHours(24).plusMinutes(2));
    JsonNode clock = cases.deadline(caseNumber, "R-TRANSFER-ACK");
    assertThat(clock.get("kind").asText()).isEqualTo("policy");
    assertThat(Instant.parse(clock.get("dueAt").asText())).isEqualTo(due);
  }

  @Test
  @DisplayName("R-TRANSFER, R-GIRL-FEMALE-CARE: only the case's own officers and supervisors propose its transfer; everyone else is told there is no such case")
  void onlyTheCasesOwnTeamProposesATransfer() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");
    for (String outsider : List.of("cpo.lahore.m", "manager.punjab", "policy.editor",
        "focal.police.lahore", "cpo.karachisouth.f", KARACHI_SUPERVISOR, "manager.sindh")) {
      EngineRestAs.Answer refused = propose(outsider, caseNumber,
          toKarachiSouth("CHILD_MOVED"));
      assertThat(refused.status()).as(outsider + ": " + refused.body()).isIn(403, 404);
    }
    assertThat(jdbc.sql("select count(*) from case_transfer where case_number = ?")
        .param(caseNumber).query(Long.class).single()).isZero();
    assertThat(http.get("cpo.lahore.m", "/api/cases/" + caseNumber + "/transfers").status())
        .isIn(403, 404);
  }

  @Test
  @DisplayName("R-TRANSFER: a proposal to nowhere, to the case's own district, without a reason or beside a pending one is refused in plain words and records nothing")
  void badProposalsAreRefusedAndRecordNothing() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");
    Map<String, String> refused = Map.of(
        "{\"toProvince\": \"SD\", \"toDistrict\": \"Atlantis\", \"reason\": \"CHILD_MOVED\"}",
        "toDistrict",
        "{\"toProvince\": \"XX\", \"toDistrict\": \"Karachi South\", \"reason\": \"CHILD_MOVED\"}",
        "toProvince",
        "{\"toProvince\": \"PB\", \"toDistrict\": \"LAHORE \", \"reason\": \"CHILD_MOVED\"}",
        "toDistrict",
        "{\"toProvince\": \"SD\", \"toDistrict\": \"Karachi South\"}", "reason",
        "{\"toProvince\": \"SD\", \"toDistrict\": \"Karachi South\", \"reason\": \"BORED\"}",
        "reason");
    for (Map.Entry<String, String> bad : refused.entrySet()) {
      EngineRestAs.Answer answer = propose("cpo.lahore.f", caseNumber, bad.getKey());
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains(bad.getValue());
    }
    assertThat(jdbc.sql("select count(*) from case_transfer where case_number = ?")
        .param(caseNumber).query(Long.class).single()).isZero();

    assertThat(propose("cpo.lahore.f", caseNumber, toKarachiSouth("CHILD_MOVED")).status())
        .isEqualTo(201);
    EngineRestAs.Answer second = propose("supervisor.lahore", caseNumber,
        "{\"toProvince\": \"KP\", \"toDistrict\": \"Peshawar\", \"reason\": \"CHILD_MOVED\"}");
    assertThat(second.status()).as(second.body()).isEqualTo(409);
    assertThat(jdbc.sql("select count(*) from case_transfer where case_number = ?")
        .param(caseNumber).query(Long.class).single()).isOne();
  }

  @Test
  @DisplayName("R-TRANSFER: a closed case is not transferred; a new report reopens it where the child is")
  void closedCaseIsNotTransferred() throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "F", "SEXUAL_ABUSE",
        Instant.now()));
    cases.closeAsNotACase(caseNumber);
    EngineRestAs.Answer answer = propose("cpo.lahore.f", caseNumber,
        toKarachiSouth("CHILD_MOVED"));
    assertThat(answer.status()).as(answer.body()).isIn(404, 409);
  }

  @Test
  @DisplayName("R-TRANSFER: a decline without the reason the form asks for is refused through engine REST too, and nothing is decided; accepting needs no reason")
  void declineWithoutAReasonIsRefusedThroughEveryDoor() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");
    assertThat(propose("cpo.lahore.f", caseNumber, toKarachiSouth("CHILD_MOVED")).status())
        .isEqualTo(201);
    Task decision = decision(caseNumber);
    for (String reason : new String[] {null, "", "   "}) {
      EngineRestAs.Answer refused = decide(KARACHI_SUPERVISOR, decision, "DECLINED", reason);
      assertThat(refused.status()).as("reason '%s': %s", reason, refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("transferDeclineReason").doesNotContain("ENGINE-");
    }
    assertThat(decision(caseNumber)).isNotNull();
    assertThat(read(http.get("supervisor.lahore", "/api/cases/" + caseNumber + "/transfers"))
        .get(0).get("status").asText()).isEqualTo("PENDING");
    assertThat(decide(KARACHI_SUPERVISOR, decision, "ACCEPTED", null).status()).isEqualTo(204);
  }
}
