package pk.hifazat.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static pk.hifazat.Reports.iso;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * Every path of the case, from the report registered through the API to closure: identification,
 * then referral, placement and compensation in parallel as the case needs them, and court
 * production whenever the child is in protection (R-ID-TRIAGE, R-REFERRAL, R-PLACEMENT-ORDER,
 * R-COMPENSATION, R-COURT-24H).
 */
@HifazatTest
class CasePathwayTest {

  private static final Instant REPORTED = OffsetDateTime.parse("2026-11-20T08:00:00+05:00")
      .toInstant();
  private static final String CASE = "childProtectionCase";

  @Autowired CaseDriver cases;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @LocalServerPort int port;

  @BeforeEach
  void startTheDayAnHourAfterTheReport() {
    init(engine);
    cases.clockAt(REPORTED.plus(Duration.ofHours(1)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- registering a report --------------------------------------------------------------------

  private String boyNotInCustody(String offences) throws Exception {
    return cases.report(Reports.notInCustody("PB", "Lahore", "M", offences, REPORTED));
  }

  private ProcessInstance theCase(String caseNumber) {
    ProcessInstance instance = cases.instance(caseNumber, CASE);
    assertThat(instance).as("the case process of %s", caseNumber).isNotNull();
    assertThat(instance.getBusinessKey()).isEqualTo(caseNumber);
    return instance;
  }

  // --- identification --------------------------------------------------------------------------

  /** The screening form: the listed indicators ticked, the child interviewed child-friendly. */
  private void screen(String caseNumber, boolean immediateDanger, String... indicators) {
    cases.screen(caseNumber, immediateDanger, indicators);
  }

  private void recordViews(String caseNumber) {
    cases.complete(caseNumber, "Task_RecordChildViews", Map.of(
        "childViewsSought", true, "childViews", "Wants to go to school"));
  }

  private void decide(String caseNumber, String outcome, boolean placementNeeded) {
    Map<String, Object> decision = new HashMap<>();
    decision.put("identificationOutcome", outcome);
    decision.put("outcomeReason", "Screening and the child's account");
    if (outcome.equals("REFERRED_ELSEWHERE")) {
      decision.put("referredTo", "Social Welfare Department, Lahore");
    }
    decision.put("placementNeeded", placementNeeded);
    decision.put("needsMedical", false);
    decision.put("needsPsychosocial", false);
    decision.put("needsShelter", false);
    decision.put("needsEducation", false);
    cases.complete(caseNumber, "Task_DecideIdentificationOutcome", decision);
    cases.consentToReferrals(caseNumber);
  }

  // --- referral --------------------------------------------------------------------------------

  private List<Task> open(String caseNumber, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(taskKey).list();
  }

  /** Every agency acknowledges, delivers and closes its referral. */
  private List<String> serveEveryReferral(String caseNumber) {
    List<Task> referrals = open(caseNumber, "Task_AcknowledgeReferral");
    assertThat(referrals).as("referrals of %s", caseNumber).isNotEmpty();
    List<String> agencies = referrals.stream()
        .map(task -> (String) taskService.getVariable(task.getId(), "agency")).toList();
    referrals.forEach(task -> taskService.complete(task.getId(),
        Map.of("referralDecision", "ACKNOWLEDGED")));
    open(caseNumber, "Task_RecordServiceDelivered").forEach(task -> taskService.complete(
        task.getId(), Map.of("serviceDeliveredAt", iso(cases.now()),
            "serviceSummary", "Service given as referred")));
    open(caseNumber, "Task_CloseReferral").forEach(task -> taskService.complete(task.getId(),
        Map.of("referralOutcome", "COMPLETED")));
    assertThat(open(caseNumber, "Task_AcknowledgeReferral")).isEmpty();
    return agencies;
  }

  // --- placement -------------------------------------------------------------------------------

  /** The parents can care: the child stays with them and is released into follow-up. */
  private void placeWithParentsAndRelease(String caseNumber) {
    cases.complete(caseNumber, "Task_AssessFamily", Map.of(
        "perpetratorInHousehold", "false", "parentsAbleToCare", true,
        "extendedFamilyAvailable", false, "suitablePersonAvailable", false));
    cases.complete(caseNumber, "Task_ArrangeFamilyPlacement", Map.of(
        "caregiverRelationship", "PARENTS", "homeVisitDone", true,
        "placementArrangements", "Home visited; school enrolment arranged"));
    cases.complete(caseNumber, "Task_ConfirmPlacement", Map.of(
        "placedAt", iso(cases.now()), "caregiverIsFemale", false));
    cases.complete(caseNumber, "Task_ReleaseChild", Map.of(
        "releasedAt", iso(cases.now()), "releaseReason", "RESTORED_TO_FAMILY"));
  }

  /** The child stays with the parents, is released and followed up for six months. */
  private void placementRunsItsCourse(String caseNumber) throws Exception {
    placeWithParentsAndRelease(caseNumber);
    assertThat(stage(caseNumber)).isEqualTo("FOLLOW_UP");
    Instant releasedAt = cases.now();
    visit(caseNumber);
    assertThat(cases.instance(caseNumber, "placement")).isWaitingAt("Timer_NextVisit");
    cases.clockAt(releasedAt.atZone(ZoneId.systemDefault()).plusMonths(6).toInstant()
        .plus(Duration.ofMinutes(1)));
    assertThat(fireDueJobsOneByOne(caseNumber)).isPositive();
    assertThat(cases.instance(caseNumber, "placement")).as("placement ended").isNull();
  }

  private void visit(String caseNumber) {
    cases.complete(caseNumber, "Task_FollowUpVisit", Map.of(
        "visitedAt", iso(cases.now()), "childSafeAndWell", "true",
        "visitNotes", "Attending school"));
  }

  // --- compensation and justice ----------------------------------------------------------------

  private void claimGrantedAndPaid(String caseNumber) {
    cases.complete(caseNumber, "Task_PrepareClaim", Map.of(
        "legalAidLawyerAssigned", true, "lossesDescribed", "Lost schooling and wages",
        "claimAmountRequested", 200_000));
    cases.complete(caseNumber, "Task_FileClaim", Map.of(
        "claimFiledAt", iso(cases.now().minus(Duration.ofMinutes(30))),
        "claimForum", "Sessions Court, Lahore"));
    cases.complete(caseNumber, "Task_RecordDecision", Map.of(
        "compensationDecision", "GRANTED", "amountGranted", 150_000,
        "compensationDecisionDate", iso(cases.now())));
    cases.complete(caseNumber, "Task_RecordDisbursement", Map.of(
        "disbursedAt", iso(cases.now().minus(Duration.ofMinutes(10))), "amountPaid", 150_000,
        "paymentReference", "HRRF-2026-0101"));
  }

  private void justiceWithoutProsecution(String caseNumber) {
    cases.complete(caseNumber, "Task_RecordInvestigation", Map.of(
        "firRegistered", true, "investigatingAgency", "POLICE", "firNumber", "FIR 77/2026"));
    cases.complete(caseNumber, "Task_RecordProsecution", Map.of("prosecutionStarted", false));
  }

  // --- court production ---------------------------------------------------------------------

  /** The court production the case started first (a second one would be a defect). */
  private ProcessInstance firstCourtProduction(String caseNumber) {
    List<ProcessInstance> productions = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey("courtProduction").list();
    assertThat(productions).as("court productions of %s", caseNumber).isNotEmpty();
    String first = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey("courtProduction")
        .orderByProcessInstanceStartTime().asc().list().get(0).getId();
    return productions.stream().filter(production -> production.getId().equals(first))
        .findFirst().orElseThrow(() -> new AssertionError("The first court production ended"));
  }

  /** Completes a task of the given process instance (not just of the case). */
  private void completeIn(ProcessInstance instance, String taskKey, Map<String, Object> values) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("%s in %s", taskKey, instance.getId()).isNotNull();
    taskService.complete(task.getId(), values);
  }

  private void arrangeProductionAtOnce(ProcessInstance production) {
    completeIn(production, "Task_ArrangeProduction", Map.of(
        "productionCourt", "Guardian Judge, Lahore", "immediateProductionPossible", true));
  }

  private void produceAndOrderHome(ProcessInstance production) throws Exception {
    completeIn(production, "Task_ProduceBeforeCourt", Map.of(
        "producedAt", iso(cases.now()), "productionCourt", "Guardian Judge, Lahore",
        "presidingOfficer", "Civil Judge"));
    completeIn(production, "Task_RecordCourtOrder", Map.of(
        "custodyOrder", "PARENTS", "orderDate", iso(cases.now()),
        "medicalReportReceived", false, "courtOrderDocumentId",
        cases.attach(production.getBusinessKey(), "COURT_ORDER")));
    completeIn(production, "Task_HandOverChild", Map.of(
        "handedOverAt", iso(cases.now()), "caregiverIsFemale", true, "homeVisitPlanned", true));
  }

  private void recordFinalDecision(ProcessInstance production) {
    completeIn(production, "Task_RecordFinalDecision", Map.of(
        "finalDecisionAt", iso(cases.now()), "finalDecision", "RESTORED_TO_FAMILY",
        "finalDecisionNotes", "Restored to the parents under supervision"));
  }

  private long courtProductionsStarted(String caseNumber) {
    return historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey("courtProduction").count();
  }

  // --- timers --------------------------------------------------------------------------------

  /**
   * Executes the case's due jobs one at a time, looking again after each: a timer that ends a
   * scope deletes the other timers of that scope, so a list fetched before it goes stale.
   */
  private int fireDueJobsOneByOne(String caseNumber) {
    int fired = 0;
    while (true) {
      List<Job> due = runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKey(caseNumber).list().stream()
          .flatMap(instance -> managementService.createJobQuery()
              .processInstanceId(instance.getId()).executable().list().stream())
          .toList();
      if (due.isEmpty()) {
        return fired;
      }
      assertThat(fired).as("jobs fired for %s", caseNumber).isLessThan(100);
      managementService.executeJob(due.get(0).getId());
      fired++;
    }
  }

  // --- closing ---------------------------------------------------------------------------------

  private void closeCase(String caseNumber, String reason) {
    cases.complete(caseNumber, "Task_CloseCase", Map.of(
        "closureReason", reason, "closureNotes", "Closed after review with the supervisor"));
    cases.approveClosure(caseNumber);
  }

  // --- what the API and the history show -------------------------------------------------------

  private JsonNode file(String caseNumber) throws Exception {
    return cases.caseFile(caseNumber);
  }

  private String stage(String caseNumber) throws Exception {
    return file(caseNumber).get("stage").asText();
  }

  private String status(String caseNumber) throws Exception {
    return file(caseNumber).get("status").asText();
  }

  /** The processes the case called, by process definition key, each with its business key. */
  private Map<String, String> calledProcesses(ProcessInstance theCase) {
    Map<String, String> called = new HashMap<>();
    for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(theCase.getId()).list()) {
      String previous = called.put(instance.getProcessDefinitionKey(), instance.getBusinessKey());
      assertThat(previous).as("%s called once", instance.getProcessDefinitionKey()).isNull();
    }
    return called;
  }

  private static Map<String, String> carrying(String caseNumber, String... processKeys) {
    Map<String, String> expected = new HashMap<>();
    for (String key : processKeys) {
      expected.put(key, caseNumber);
    }
    return expected;
  }

  // --- the paths -------------------------------------------------------------------------------

  @Test
  @DisplayName("R-ID-TRIAGE: a report found not to be a case goes from identification straight to closure")
  void reportThatIsNotACaseIsClosed() throws Exception {
    String caseNumber = boyNotInCustody("FORCED_LABOUR");
    ProcessInstance theCase = theCase(caseNumber);

    assertThat(theCase).isWaitingAt("CallActivity_Identification");
    assertThat(cases.instance(caseNumber, "identification").getBusinessKey())
        .isEqualTo(caseNumber);
    assertThat(stage(caseNumber)).isEqualTo("IDENTIFICATION");
    assertThat(status(caseNumber)).isEqualTo("OPEN");

    screen(caseNumber, false);
    decide(caseNumber, "NOT_A_CASE", false);

    assertThat(theCase).isWaitingAt("Task_CloseCase");
    assertThat(cases.task(caseNumber, "Task_CloseCase")).hasCandidateGroup("cpo-pb-lahore");
    assertThat(stage(caseNumber)).isEqualTo("CLOSING");
    assertThat(status(caseNumber)).isEqualTo("OPEN");

    closeCase(caseNumber, "NOT_A_CASE");

    assertThat(theCase).hasPassedInOrder("Start_CaseReported", "CallActivity_Identification",
        "Gateway_IdentificationOutcome", "Gateway_ToClosure", "Task_CloseCase",
        "End_CaseClosed").isEnded();
    assertThat(theCase).hasNotPassed("Gateway_ServicesFork", "CallActivity_Referral",
        "CallActivity_Placement", "CallActivity_Compensation", "CallActivity_CourtProduction");
    assertThat(theCase).variables().containsEntry("identificationOutcome", "NOT_A_CASE")
        .containsEntry("closureReason", "NOT_A_CASE");
    assertThat(status(caseNumber)).isEqualTo("CLOSED");
    assertThat(stage(caseNumber)).isEqualTo("CLOSED");
    assertThat(calledProcesses(theCase)).isEqualTo(carrying(caseNumber, "identification"));
  }

  @Test
  @DisplayName("R-CLOSURE-APPROVAL: the officer's closure waits for the district supervisor's approval, due within seven days")
  void closureIsApprovedByTheDistrictSupervisor() throws Exception {
    String caseNumber = boyNotInCustody("FORCED_LABOUR");
    ProcessInstance theCase = theCase(caseNumber);
    screen(caseNumber, false);
    decide(caseNumber, "NOT_A_CASE", false);
    cases.complete(caseNumber, "Task_CloseCase", Map.of(
        "closureReason", "NOT_A_CASE", "closureNotes", "No concern found"));

    assertThat(theCase).isWaitingAt("Task_ApproveClosure");
    Task approval = cases.task(caseNumber, "Task_ApproveClosure");
    assertThat(approval).hasCandidateGroup("supervisor-pb-lahore");
    assertThat(taskService.getIdentityLinksForTask(approval.getId()))
        .extracting(link -> link.getGroupId()).containsExactly("supervisor-pb-lahore");
    Instant due = cases.now().atZone(ZoneId.of("Asia/Karachi")).plusDays(7).toInstant();
    assertThat(approval.getDueDate().toInstant()).isEqualTo(due);
    assertThat(cases.deadline(caseNumber, "R-CLOSURE-APPROVAL").get("status").asText())
        .isEqualTo("RUNNING");
    assertThat(stage(caseNumber)).isEqualTo("CLOSING");
    assertThat(status(caseNumber)).isEqualTo("OPEN");

    cases.approveClosure(caseNumber);

    assertThat(theCase).hasPassedInOrder("Task_CloseCase", "Task_ApproveClosure",
        "Gateway_ClosureApproved", "End_CaseClosed").isEnded();
    assertThat(status(caseNumber)).isEqualTo("CLOSED");
    assertThat(cases.deadline(caseNumber, "R-CLOSURE-APPROVAL").get("status").asText())
        .isEqualTo("MET");
  }

  @Test
  @DisplayName("R-CLOSURE-APPROVAL: a refused closure goes back to the officer with the supervisor's reason")
  void refusedClosureGoesBackToTheOfficerWithTheReason() throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "F", "CHILD_MARRIAGE",
        REPORTED));
    ProcessInstance theCase = theCase(caseNumber);
    screen(caseNumber, false, "indicatorMarriageArranged");
    recordViews(caseNumber);
    decide(caseNumber, "REFERRED_ELSEWHERE", false);
    cases.complete(caseNumber, "Task_CloseCase", Map.of(
        "closureReason", "REFERRED_ELSEWHERE", "closureNotes", "Referred to social welfare"));
    assertThat(cases.task(caseNumber, "Task_ApproveClosure"))
        .hasCandidateGroup("supervisor-pb-lahore");

    cases.complete(caseNumber, "Task_ApproveClosure", Map.of("closureDecision", "REFUSED",
        "closureRefusalReason", "Confirm the referral was received first"));

    assertThat(theCase).isWaitingAt("Task_CloseCase");
    assertThat(theCase).isNotWaitingAt("Task_ApproveClosure");
    // R-GIRL-FEMALE-CARE: back to her female officers, with the supervisor's reason.
    assertThat(cases.task(caseNumber, "Task_CloseCase"))
        .hasCandidateGroup("cpo-pb-lahore-female");
    assertThat(theCase).variables()
        .containsEntry("closureRefusalReason", "Confirm the referral was received first");
    assertThat(status(caseNumber)).isEqualTo("OPEN");
    assertThat(theCase).hasPassed("Gateway_ClosureApproved").hasNotPassed("End_CaseClosed");

    closeCase(caseNumber, "REFERRED_ELSEWHERE");
    assertThat(theCase).isEnded();
    assertThat(status(caseNumber)).isEqualTo("CLOSED");
  }

  @Test
  @DisplayName("R-ID-TRIAGE: a report referred elsewhere goes to closure with where it went")
  void reportReferredElsewhereIsClosed() throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "F", "CHILD_MARRIAGE",
        REPORTED));
    ProcessInstance theCase = theCase(caseNumber);
    assertThat(cases.task(caseNumber, "Task_ScreenReport"))
        .hasCandidateGroup("cpo-pb-lahore-female");

    screen(caseNumber, false, "indicatorMarriageArranged");
    recordViews(caseNumber);
    decide(caseNumber, "REFERRED_ELSEWHERE", false);

    assertThat(theCase).isWaitingAt("Task_CloseCase");
    assertThat(cases.task(caseNumber, "Task_CloseCase"))
        .hasCandidateGroup("cpo-pb-lahore-female");
    assertThat(stage(caseNumber)).isEqualTo("CLOSING");
    closeCase(caseNumber, "REFERRED_ELSEWHERE");

    assertThat(theCase).hasPassed("Gateway_IdentificationOutcome", "Gateway_ToClosure",
        "Task_CloseCase", "End_CaseClosed").isEnded();
    assertThat(theCase).hasNotPassed("Gateway_ServicesFork", "Gateway_ServicesJoin");
    assertThat(theCase).variables()
        .containsEntry("identificationOutcome", "REFERRED_ELSEWHERE")
        .containsEntry("referredTo", "Social Welfare Department, Lahore");
    assertThat(status(caseNumber)).isEqualTo("CLOSED");
    assertThat(stage(caseNumber)).isEqualTo("CLOSED");
    assertThat(calledProcesses(theCase)).isEqualTo(carrying(caseNumber, "identification"));
  }

  @Test
  @DisplayName("R-REFERRAL: a child at risk who needs no placement gets the referrals only, and the case closes when they are closed")
  void childAtRiskGetsReferralsOnly() throws Exception {
    String caseNumber = boyNotInCustody("FORCED_LABOUR");
    ProcessInstance theCase = theCase(caseNumber);
    screen(caseNumber, false, "indicatorWorkingChild");
    recordViews(caseNumber);

    decide(caseNumber, "CHILD_AT_RISK", false);

    assertThat(theCase).isWaitingAt("CallActivity_Referral");
    assertThat(theCase).hasPassed("Gateway_ServicesFork", "Gateway_PlacementNeeded",
        "Gateway_PlacementDone", "Gateway_ConfirmedVictim", "Gateway_CompensationDone");
    assertThat(stage(caseNumber)).isEqualTo("REFERRAL");
    assertThat(cases.instance(caseNumber, "referral").getBusinessKey()).isEqualTo(caseNumber);

    List<String> agencies = serveEveryReferral(caseNumber);
    assertThat(agencies).containsExactlyInAnyOrder("POLICE", "SOCIAL_WORKER", "LEGAL_AID",
        "SOCIAL_PROTECTION");

    assertThat(theCase).isWaitingAt("Task_CloseCase");
    assertThat(stage(caseNumber)).isEqualTo("CLOSING");
    assertThat(theCase).variables().containsKey("referralOutcomes");
    closeCase(caseNumber, "SERVICES_COMPLETED");

    assertThat(theCase).hasPassedInOrder("CallActivity_Identification",
        "Gateway_IdentificationOutcome", "Gateway_ServicesFork", "CallActivity_Referral",
        "Gateway_ServicesJoin", "Gateway_ToClosure", "Task_CloseCase", "End_CaseClosed")
        .isEnded();
    assertThat(theCase).hasNotPassed("CallActivity_Placement", "CallActivity_Compensation",
        "CallActivity_CourtProduction");
    assertThat(status(caseNumber)).isEqualTo("CLOSED");
    assertThat(stage(caseNumber)).isEqualTo("CLOSED");
    assertThat(calledProcesses(theCase))
        .isEqualTo(carrying(caseNumber, "identification", "referral"));
  }

  @Test
  @DisplayName("R-PLACEMENT-ORDER, R-COMPENSATION: a confirmed victim who needs a placement gets referral, placement and compensation in parallel, and the case closes when all three end")
  void confirmedVictimGetsReferralPlacementAndCompensationInParallel() throws Exception {
    String caseNumber = boyNotInCustody("FORCED_LABOUR");
    ProcessInstance theCase = theCase(caseNumber);
    screen(caseNumber, false, "indicatorWorkingChild");
    recordViews(caseNumber);

    decide(caseNumber, "CONFIRMED_VICTIM", true);

    assertThat(theCase).isWaitingAt("CallActivity_Referral", "CallActivity_Placement",
        "CallActivity_Compensation");
    // the three start one after the other in the same moment: the last one's stage shows
    assertThat(stage(caseNumber)).isEqualTo("COMPENSATION");
    assertThat(cases.instance(caseNumber, "referral").getBusinessKey()).isEqualTo(caseNumber);
    assertThat(cases.instance(caseNumber, "placement").getBusinessKey()).isEqualTo(caseNumber);
    assertThat(cases.instance(caseNumber, "compensation").getBusinessKey())
        .isEqualTo(caseNumber);
    assertThat(cases.openTasks(caseNumber)).extracting(Task::getTaskDefinitionKey)
        .contains("Task_AcknowledgeReferral", "Task_AssessFamily", "Task_PrepareClaim",
            "Task_RecordInvestigation");

    // compensation and justice end first: the case waits for the others
    claimGrantedAndPaid(caseNumber);
    justiceWithoutProsecution(caseNumber);
    assertThat(theCase).hasPassed("CallActivity_Compensation", "Gateway_CompensationDone");
    assertThat(theCase).isWaitingAt("CallActivity_Referral", "CallActivity_Placement");

    // then the referrals
    serveEveryReferral(caseNumber);
    assertThat(theCase).hasPassed("CallActivity_Referral");
    assertThat(theCase).isWaitingAt("CallActivity_Placement");

    // the placement: with the parents, then six months of follow-up
    placementRunsItsCourse(caseNumber);
    assertThat(theCase).isWaitingAt("Task_CloseCase");
    assertThat(stage(caseNumber)).isEqualTo("CLOSING");
    closeCase(caseNumber, "SERVICES_COMPLETED");

    assertThat(theCase).hasPassedInOrder("CallActivity_Identification", "Gateway_ServicesFork",
        "Gateway_ServicesJoin", "Gateway_ToClosure", "Task_CloseCase", "End_CaseClosed");
    assertThat(theCase).hasPassed("Gateway_PlacementNeeded", "CallActivity_Placement",
        "Gateway_PlacementDone", "Gateway_ConfirmedVictim", "CallActivity_Compensation",
        "Gateway_CompensationDone", "CallActivity_Referral").isEnded();
    assertThat(theCase).hasNotPassed("CallActivity_CourtProduction");
    assertThat(theCase).variables().containsEntry("placementOption", "PARENTAL_CARE")
        .containsEntry("compensationDecision", "GRANTED");
    assertThat(status(caseNumber)).isEqualTo("CLOSED");
    assertThat(stage(caseNumber)).isEqualTo("CLOSED");
    assertThat(calledProcesses(theCase)).isEqualTo(carrying(caseNumber, "identification",
        "referral", "placement", "compensation"));
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: the screening notes and the child's own words stay in identification; the case and the pathways it calls next get only what they decide on")
  void childsOwnWordsStayInIdentification() throws Exception {
    String caseNumber = boyNotInCustody("FORCED_LABOUR");
    ProcessInstance theCase = theCase(caseNumber);
    screen(caseNumber, false, "indicatorWorkingChild");
    recordViews(caseNumber);

    decide(caseNumber, "CONFIRMED_VICTIM", true);

    assertThat(theCase).variables().containsEntry("identificationOutcome", "CONFIRMED_VICTIM")
        .doesNotContainKeys("screeningNotes", "childViews", "indicatorWorkingChild");
    for (String pathway : List.of("placement", "compensation")) {
      assertThat(cases.instance(caseNumber, pathway)).as(pathway).variables()
          .containsEntry("femaleOfficersGroup", "cpo-pb-lahore-female")
          .doesNotContainKeys("screeningNotes", "childViews", "indicatorWorkingChild",
              "childViewsSought", "reportedAt", "source");
    }
  }

  @Test
  @DisplayName("R-PLACEMENT-ORDER: a child at risk who needs a placement gets referral and placement, no compensation, and the case closes after the follow-up")
  void childAtRiskNeedingPlacementGetsReferralAndPlacement() throws Exception {
    String caseNumber = boyNotInCustody("CHILD_MARRIAGE");
    ProcessInstance theCase = theCase(caseNumber);
    screen(caseNumber, false, "indicatorMarriageArranged");
    recordViews(caseNumber);

    decide(caseNumber, "CHILD_AT_RISK", true);

    assertThat(theCase).isWaitingAt("CallActivity_Referral", "CallActivity_Placement");
    assertThat(theCase).hasPassed("Gateway_ConfirmedVictim", "Gateway_CompensationDone");
    assertThat(theCase).hasNotPassed("CallActivity_Compensation");
    assertThat(stage(caseNumber)).isEqualTo("PLACEMENT");
    assertThat(cases.task(caseNumber, "Task_AssessFamily")).hasCandidateGroup("cpo-pb-lahore");

    serveEveryReferral(caseNumber);
    assertThat(theCase).isWaitingAt("CallActivity_Placement");
    placementRunsItsCourse(caseNumber);

    assertThat(theCase).isWaitingAt("Task_CloseCase");
    assertThat(stage(caseNumber)).isEqualTo("CLOSING");
    closeCase(caseNumber, "SERVICES_COMPLETED");

    assertThat(theCase).hasPassed("CallActivity_Placement", "Gateway_PlacementDone",
        "CallActivity_Referral", "Gateway_ServicesJoin", "End_CaseClosed").isEnded();
    assertThat(theCase).hasNotPassed("CallActivity_Compensation", "CallActivity_CourtProduction");
    assertThat(status(caseNumber)).isEqualTo("CLOSED");
    assertThat(stage(caseNumber)).isEqualTo("CLOSED");
    assertThat(calledProcesses(theCase))
        .isEqualTo(carrying(caseNumber, "identification", "referral", "placement"));
  }

  @Test
  @DisplayName("R-AGE-DISPUTE: a girl said to be 19 whom the court finds to be 12 is placed by the court's age, in an institution for children")
  void childWhoseAgeTheCourtDecidedIsPlacedByTheCourtsAge() throws Exception {
    String caseNumber = cases.report(Reports.ageDisputed("PB", "Lahore", "F", "FORCED_LABOUR",
        REPORTED, 19));
    ProcessInstance theCase = theCase(caseNumber);
    screen(caseNumber, false, "indicatorWorkingChild");
    cases.complete(caseNumber, "Task_RequestMedicalAgeAssessment", Map.of(
        "medicalReportDate", iso(cases.now()), "medicalEstimatedAge", 12,
        "ageReportDocumentId", cases.attach(caseNumber, "AGE_REPORT")));
    cases.complete(caseNumber, "Task_RecordCourtAgeDecision", Map.of(
        "courtAgeYears", 12, "courtAgeDecisionDate", iso(cases.now())));
    recordViews(caseNumber);
    decide(caseNumber, "CHILD_AT_RISK", true);

    // no family can care: a bed for a girl of 12 (every institution takes children up to 17)
    cases.complete(caseNumber, "Task_AssessFamily", Map.of(
        "perpetratorInHousehold", "true", "parentsAbleToCare", false,
        "extendedFamilyAvailable", false, "suitablePersonAvailable", false));

    ProcessInstance placement = cases.instance(caseNumber, "placement");
    assertThat(placement).hasPassed("Service_ReserveBed").isWaitingAt("Task_ConfirmPlacement");
    assertThat(placement).hasNotPassed("Task_FindPlacementManually");
    assertThat(placement).variables()
        .containsEntry("placementOption", "INSTITUTION")
        .containsEntry("courtAgeDecisionYears", 12)
        .containsEntry("childAgeYears", 19)
        .containsKey("institutionId");
    assertThat(theCase).variables().containsEntry("courtAgeYears", 12);
  }

  @Test
  @DisplayName("R-COURT-24H: a child reported in custody has court production started at once, alongside identification, and the court proceedings go on after the case is closed")
  void childReportedInCustodyGoesToCourtAtOnce() throws Exception {
    Instant custody = REPORTED.minus(Duration.ofMinutes(30));
    String caseNumber = cases.report(Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE",
        REPORTED, custody));
    ProcessInstance theCase = theCase(caseNumber);

    assertThat(theCase).isWaitingAt("CallActivity_Identification",
        "CallActivity_CourtProduction");
    assertThat(theCase).hasPassed("Start_ChildInProtection");
    assertThat(cases.openTasks(caseNumber)).extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder("Task_ScreenReport", "Task_ArrangeProduction");
    assertThat(cases.task(caseNumber, "Task_ArrangeProduction"))
        .hasCandidateGroup("cpo-pb-lahore-female")
        .hasDueDate(java.util.Date.from(custody.plus(Duration.ofHours(24))));
    ProcessInstance production = firstCourtProduction(caseNumber);
    assertThat(production.getBusinessKey()).isEqualTo(caseNumber);
    assertThat(Instant.parse(cases.deadline(caseNumber, "R-COURT-24H").get("dueAt").asText()))
        .isEqualTo(custody.plus(Duration.ofHours(24)));

    // the court and identification go on side by side
    arrangeProductionAtOnce(production);
    screen(caseNumber, false, "indicatorSexualExploitation");
    produceAndOrderHome(production);
    assertThat(cases.deadline(caseNumber, "R-COURT-24H").get("status").asText())
        .isEqualTo("MET");
    assertThat(stage(caseNumber)).isEqualTo("COURT_PROCEEDINGS");
    recordViews(caseNumber);
    decide(caseNumber, "CHILD_AT_RISK", false);
    serveEveryReferral(caseNumber);

    assertThat(theCase).isWaitingAt("Task_CloseCase", "CallActivity_CourtProduction");
    closeCase(caseNumber, "SERVICES_COMPLETED");

    // closed, but the court proceedings already under way continue to the decision
    assertThat(theCase).hasPassed("End_CaseClosed");
    assertThat(theCase).isWaitingAt("CallActivity_CourtProduction");
    assertThat(stage(caseNumber)).isEqualTo("CLOSED");
    assertThat(status(caseNumber)).isEqualTo("OPEN");

    cases.clockAt(cases.now().plus(Duration.ofDays(20)));
    recordFinalDecision(production);

    assertThat(theCase).hasPassedInOrder("Start_ChildInProtection",
        "CallActivity_CourtProduction", "End_CourtProductionDone");
    assertThat(courtProductionsStarted(caseNumber))
        .as("court production started once, not again when identification and the referral"
            + " handed inProtection=true back to the case")
        .isOne();
    assertThat(calledProcesses(theCase)).isEqualTo(carrying(caseNumber, "identification",
        "referral", "courtProduction"));
    assertThat(theCase).isEnded();
    assertThat(status(caseNumber)).isEqualTo("CLOSED");
  }

  @Test
  @DisplayName("R-COURT-24H: court production starts once per custody, not again when identification or a service pathway hands the case's variables back")
  void courtProductionStartsOncePerCustody() throws Exception {
    String caseNumber = cases.report(Reports.inCustody("PB", "Lahore", "M", "FORCED_LABOUR",
        REPORTED, REPORTED));
    ProcessInstance theCase = theCase(caseNumber);
    assertThat(courtProductionsStarted(caseNumber)).isOne();

    screen(caseNumber, false, "indicatorWorkingChild");
    recordViews(caseNumber);
    decide(caseNumber, "NOT_A_CASE", false);

    assertThat(theCase).isWaitingAt("Task_CloseCase", "CallActivity_CourtProduction");
    assertThat(courtProductionsStarted(caseNumber))
        .as("court productions after identification returned inProtection=true to the case")
        .isOne();
  }

  @Test
  @DisplayName("R-ID-TRIAGE, R-COURT-24H: a child the emergency triage takes into custody during identification goes to court at once")
  void emergencyCustodyDuringIdentificationStartsCourtProduction() throws Exception {
    String caseNumber = boyNotInCustody("FORCED_LABOUR");
    ProcessInstance theCase = theCase(caseNumber);
    assertThat(courtProductionsStarted(caseNumber)).isZero();

    screen(caseNumber, true, "indicatorWorkingChild");
    assertThat(cases.instance(caseNumber, "identification"))
        .isWaitingAt("Task_TakeIntoProtectiveCustody");
    assertThat(theCase).isNotWaitingAt("CallActivity_CourtProduction");

    Instant takenAt = cases.now().minus(Duration.ofMinutes(10));
    cases.complete(caseNumber, "Task_TakeIntoProtectiveCustody", Map.of(
        "custodyTakenAt", iso(takenAt), "placeOfSafety", "Child Protection Bureau, Lahore"));

    assertThat(theCase).isWaitingAt("CallActivity_Identification",
        "CallActivity_CourtProduction");
    assertThat(theCase).hasPassed("Start_ChildInProtection");
    assertThat(theCase).variables().containsEntry("inProtection", true)
        .containsEntry("custodyTakenAt", iso(takenAt));
    assertThat(cases.openTasks(caseNumber)).extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder("Task_RecordChildViews", "Task_ArrangeProduction");
    ProcessInstance production = firstCourtProduction(caseNumber);
    assertThat(production.getBusinessKey()).isEqualTo(caseNumber);
    assertThat(Instant.parse(cases.deadline(caseNumber, "R-COURT-24H").get("dueAt").asText()))
        .isEqualTo(takenAt.plus(Duration.ofHours(24)));
    assertThat(stage(caseNumber)).isEqualTo("COURT_PRODUCTION");
    assertThat(Instant.parse(file(caseNumber).get("custodyTakenAt").asText()))
        .isEqualTo(takenAt);

    // the court decides while identification goes on to its outcome and the referrals
    arrangeProductionAtOnce(production);
    produceAndOrderHome(production);
    recordFinalDecision(production);
    assertThat(theCase).hasPassed("End_CourtProductionDone");
    recordViews(caseNumber);
    decide(caseNumber, "CHILD_AT_RISK", false);
    serveEveryReferral(caseNumber);

    assertThat(theCase).isWaitingAt("Task_CloseCase");
    assertThat(theCase)
        .as("a referral that hands inProtection=true back starts no second court production")
        .isNotWaitingAt("CallActivity_CourtProduction");
    closeCase(caseNumber, "SERVICES_COMPLETED");

    assertThat(theCase).hasPassed("CallActivity_CourtProduction", "End_CourtProductionDone",
        "End_CaseClosed").isEnded();
    assertThat(courtProductionsStarted(caseNumber)).as("court production started once").isOne();
    assertThat(status(caseNumber)).isEqualTo("CLOSED");
    assertThat(stage(caseNumber)).isEqualTo("CLOSED");
  }

  @Test
  @DisplayName("R-COURT-24H: nobody keeps a case from court by marking its production as started, in any spelling, through the case or its task")
  void nobodyKeepsACaseFromCourtByMarkingProductionAsStarted() throws Exception {
    String caseNumber = boyNotInCustody("FORCED_LABOUR");
    ProcessInstance theCase = theCase(caseNumber);
    String screening = cases.task(caseNumber, "Task_ScreenReport").getId();
    String date = "{\"value\": \"2026-11-20T08:00:00.000+0500\", \"type\": \"Date\"}";
    List<String[]> writes = List.of(
        new String[] {"PUT", "/process-instance/" + theCase.getId()
            + "/variables/courtProductionStartedAt", date},
        new String[] {"PUT", "/process-instance/" + theCase.getId()
            + "/variables/CourtProductionStartedAt", date},
        new String[] {"PUT", "/process-instance/" + theCase.getId()
            + "/variables/%63ourtProductionStartedAt", date},
        new String[] {"POST", "/process-instance/" + theCase.getId() + "/variables",
            "{\"modifications\": {\"COURTPRODUCTIONSTARTEDAT\": {\"value\": true}}}"},
        new String[] {"PUT", "/task/" + screening + "/variables/courtProductionStartedAt", date},
        new String[] {"POST", "/task/" + screening + "/complete",
            "{\"variables\": {\"courtProductionStartedAt\": " + date + "}}"});
    for (String user : List.of("cpo.lahore.m", "supervisor.lahore", "admin")) {
      for (String[] write : writes) {
        HttpResponse<String> answer = engineRest(user, write[0], write[1], write[2]);
        assertThat(answer.statusCode()).as("%s %s %s: %s", user, write[0], write[1],
            answer.body()).isIn(400, 403, 404);
      }
    }
    assertThat(runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(theCase.getId()).list())
        .noneMatch(variable -> variable.getName().equalsIgnoreCase("courtProductionStartedAt"));

    cases.screen(caseNumber, true, "indicatorWorkingChild");
    cases.complete(caseNumber, "Task_TakeIntoProtectiveCustody", Map.of(
        "custodyTakenAt", iso(cases.now().minus(Duration.ofMinutes(5))),
        "placeOfSafety", "Child Protection Bureau, Lahore"));
    assertThat(theCase).isWaitingAt("CallActivity_CourtProduction");
    assertThat(courtProductionsStarted(caseNumber)).isOne();
    assertThat(runtimeService.getVariable(theCase.getId(), "courtProductionStartedAt"))
        .as("set on the case by the pathway itself").isNotNull();
  }

  private HttpResponse<String> engineRest(String user, String method, String path, String json)
      throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/engine-rest" + path))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
