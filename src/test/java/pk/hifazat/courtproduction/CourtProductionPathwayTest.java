package pk.hifazat.courtproduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static pk.hifazat.Reports.iso;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/** Every path of court production (R-COURT-24H and the rules around it), driven like a case. */
@HifazatTest
class CourtProductionPathwayTest {

  private static final Instant CUSTODY = OffsetDateTime.parse("2026-11-20T08:00:00+05:00")
      .toInstant();

  @Autowired CaseDriver cases;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;

  @BeforeEach
  void startTheDayTwoHoursAfterCustody() {
    init(engine);
    cases.clockAt(CUSTODY.plus(Duration.ofHours(2)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String girlInCustodyInLahore(String offences) throws Exception {
    return cases.report(Reports.inCustody("PB", "Lahore", "F", offences,
        CUSTODY.plus(Duration.ofMinutes(30)), CUSTODY));
  }

  private ProcessInstance courtProduction(String caseNumber) {
    return cases.instance(caseNumber, "courtProduction");
  }

  private void produceAtOnce(String caseNumber) {
    cases.complete(caseNumber, "Task_ArrangeProduction", Map.of(
        "productionCourt", "Guardian Judge, Lahore", "immediateProductionPossible", true));
  }

  private void produce(String caseNumber) {
    cases.complete(caseNumber, "Task_ProduceBeforeCourt", Map.of(
        "producedAt", iso(cases.now()), "productionCourt", "Guardian Judge, Lahore",
        "presidingOfficer", "Civil Judge"));
  }

  private void orderCustody(String caseNumber, String order) throws Exception {
    cases.complete(caseNumber, "Task_RecordCourtOrder", Map.of(
        "custodyOrder", order, "orderDate", iso(cases.now()), "medicalReportReceived", false,
        "courtOrderDocumentId", cases.attach(caseNumber, "COURT_ORDER")));
  }

  private void carryOutFamilyOrder(String caseNumber) {
    cases.complete(caseNumber, "Task_HandOverChild", Map.of(
        "handedOverAt", iso(cases.now()), "caregiverIsFemale", true,
        "homeVisitPlanned", true));
  }

  private void recordFinalDecision(String caseNumber) {
    cases.complete(caseNumber, "Task_RecordFinalDecision", Map.of(
        "finalDecisionAt", iso(cases.now()), "finalDecision", "RESTORED_TO_FAMILY",
        "finalDecisionNotes", "Restored to mother under supervision"));
  }

  /** Produces the child now, the court orders her home, and she is handed over. */
  private Instant produceAndReturnHome(String caseNumber) throws Exception {
    produceAtOnce(caseNumber);
    Instant producedAt = cases.now();
    produce(caseNumber);
    orderCustody(caseNumber, "PARENTS");
    carryOutFamilyOrder(caseNumber);
    return producedAt;
  }

  @Test
  @DisplayName("R-COURT-24H: a child produced within 24 hours meets the deadline, and the case runs to the court's decision")
  void childProducedOnTimeMeetsProductionDeadline() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");
    ProcessInstance production = courtProduction(caseNumber);
    assertThat(production).isWaitingAt("Task_ArrangeProduction");

    produceAtOnce(caseNumber);
    cases.clockAt(CUSTODY.plus(Duration.ofHours(5)));
    produce(caseNumber);

    JsonNode deadline = cases.deadline(caseNumber, "R-COURT-24H");
    assertThat(deadline.get("status").asText()).isEqualTo("MET");
    assertThat(Instant.parse(deadline.get("metAt").asText()))
        .isEqualTo(CUSTODY.plus(Duration.ofHours(5)));
    assertThat(production).hasPassedInOrder("Task_ArrangeProduction", "Task_ProduceBeforeCourt",
        "End_Produced");
    assertThat(production).hasNotPassed("Task_ApplyToMagistrate", "Task_PlaceInTemporaryCustody",
        "Task_RequestTraffickingProtections", "Service_RecordCourtBreach");

    orderCustody(caseNumber, "PARENTS");
    carryOutFamilyOrder(caseNumber);
    assertThat(cases.caseFile(caseNumber).get("stage").asText()).isEqualTo("COURT_PROCEEDINGS");
    cases.clockAt(CUSTODY.plus(Duration.ofDays(30)));
    recordFinalDecision(caseNumber);

    assertThat(production).isEnded();
    assertThat(production).hasPassed("End_CourtProductionCompleted");
    assertThat(cases.deadline(caseNumber, "R-DECISION-4M").get("status").asText())
        .isEqualTo("MET");
    assertThat(cases.deadline(caseNumber, "R-DELAY-60D").get("status").asText())
        .isEqualTo("MET");
  }

  @Test
  @DisplayName("R-COURT-24H: the production deadline is due exactly 24 hours after custody.takenAt")
  void productionDeadlineRunsFromCustodyNotFromTaskCreation() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");

    JsonNode deadline = cases.deadline(caseNumber, "R-COURT-24H");
    assertThat(Instant.parse(deadline.get("startedAt").asText())).isEqualTo(CUSTODY);
    assertThat(Instant.parse(deadline.get("dueAt").asText()))
        .isEqualTo(CUSTODY.plus(Duration.ofHours(24)));
    assertThat(deadline.get("status").asText()).isEqualTo("RUNNING");
    assertThat(cases.task(caseNumber, "Task_ArrangeProduction").getDueDate().toInstant())
        .isEqualTo(CUSTODY.plus(Duration.ofHours(24)));
  }

  @Test
  @DisplayName("R-COURT-24H: a custody reported 25 hours late is a breach at once, and the supervisor gets a task")
  void lateCustodyReportBreachesAtOnce() throws Exception {
    cases.clockAt(CUSTODY.plus(Duration.ofHours(25)));
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");

    assertThat(cases.deadline(caseNumber, "R-COURT-24H").get("status").asText())
        .isEqualTo("BREACHED");
    cases.fireDueTimers(caseNumber);

    ProcessInstance production = courtProduction(caseNumber);
    assertThat(production).hasPassed("Service_RecordCourtBreach");
    assertThat(production).isWaitingAt("Task_ArrangeProduction", "Task_ReviewCourtBreach");
    assertThat(cases.task(caseNumber, "Task_ReviewCourtBreach"))
        .hasCandidateGroup("supervisor-pb-lahore");
    JsonNode deadline = cases.deadline(caseNumber, "R-COURT-24H");
    assertThat(deadline.get("status").asText()).isEqualTo("BREACHED");
    assertThat(Instant.parse(deadline.get("breachedAt").asText()))
        .isEqualTo(CUSTODY.plus(Duration.ofHours(24)));
  }

  @Test
  @DisplayName("R-COURT-24H: six hours before the deadline the clock turns AT_RISK")
  void productionDeadlineWarnsBeforeItIsDue() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");

    cases.clockAt(CUSTODY.plus(Duration.ofHours(17)));
    assertThat(cases.fireDueTimers(caseNumber)).isZero();
    cases.clockAt(CUSTODY.plus(Duration.ofHours(18)));
    cases.fireDueTimers(caseNumber);

    assertThat(courtProduction(caseNumber)).hasPassed("Service_RecordCourtWarning");
    assertThat(cases.deadline(caseNumber, "R-COURT-24H").get("status").asText())
        .isEqualTo("AT_RISK");
    assertThat(courtProduction(caseNumber)).isWaitingAt("Task_ArrangeProduction");
  }

  @Test
  @DisplayName("R-COURT-24H: a breach goes to the district supervisor while production stays open until done")
  void breachGoesToSupervisorAndProductionStaysOpen() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");
    produceAtOnce(caseNumber);

    cases.clockAt(CUSTODY.plus(Duration.ofHours(24)));
    cases.fireDueTimers(caseNumber);
    ProcessInstance production = courtProduction(caseNumber);
    assertThat(production).isWaitingAt("Task_ProduceBeforeCourt", "Task_ReviewCourtBreach");
    cases.complete(caseNumber, "Task_ReviewCourtBreach", Map.of(
        "breachCause", "COURT_NOT_SITTING", "breachAction", "Duty magistrate contacted"));

    cases.clockAt(CUSTODY.plus(Duration.ofHours(27)));
    produce(caseNumber);

    JsonNode deadline = cases.deadline(caseNumber, "R-COURT-24H");
    assertThat(deadline.get("status").asText()).isEqualTo("BREACHED");
    assertThat(Instant.parse(deadline.get("metAt").asText()))
        .isEqualTo(CUSTODY.plus(Duration.ofHours(27)));
    assertThat(production).hasPassed("End_CourtBreachReviewed");
    assertThat(production).isWaitingAt("Task_RecordCourtOrder");
  }

  @Test
  @DisplayName("R-TEMP-CUSTODY: a child who cannot be produced at once goes to temporary custody at an institution")
  void childIsPlacedInTemporaryCustodyWhenProductionCannotHappenAtOnce() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");
    cases.complete(caseNumber, "Task_ArrangeProduction", Map.of(
        "productionCourt", "Guardian Judge, Lahore", "immediateProductionPossible", false));

    cases.complete(caseNumber, "Task_PlaceInTemporaryCustody", Map.of(
        "temporaryInstitution", "Child Protection Institution, Lahore",
        "temporaryCustodyFrom", iso(cases.now()), "institutionHasFemaleStaff", true));

    assertThat(courtProduction(caseNumber)).hasPassed("Task_PlaceInTemporaryCustody");
    assertThat(courtProduction(caseNumber)).isWaitingAt("Task_ProduceBeforeCourt");
    assertThat(cases.deadline(caseNumber, "R-COURT-24H").get("dueAt").asText())
        .isEqualTo(CUSTODY.plus(Duration.ofHours(24)).toString());
  }

  @Test
  @DisplayName("R-MAGISTRATE: in Sindh the officer first applies to the nearest magistrate for custody")
  void sindhOfficerAppliesToTheMagistrate() throws Exception {
    String caseNumber = cases.report(Reports.inCustody("SD", "Karachi South", "M",
        "EXPLOITATION_IN_PROSTITUTION", CUSTODY, CUSTODY));
    ProcessInstance production = courtProduction(caseNumber);
    assertThat(production).isWaitingAt("Task_ApplyToMagistrate");
    assertThat(cases.task(caseNumber, "Task_ApplyToMagistrate"))
        .hasCandidateGroup("cpo-sd-karachi-south");

    cases.complete(caseNumber, "Task_ApplyToMagistrate", Map.of(
        "magistrateCourt", "Judicial Magistrate, Karachi South",
        "magistrateAppliedAt", iso(cases.now()), "magistrateCustodyGranted", true));

    assertThat(production).isWaitingAt("Task_ArrangeProduction");
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(production.getId()).variableName("statute").singleResult().getValue())
        .isEqualTo("Sindh Child Protection Authority Act 2011");
  }

  @Test
  @DisplayName("R-TRAFFICKING-PROTECT: a trafficking case prompts the in-camera and video-link request")
  void traffickingCasePromptsProtectiveMeasures() throws Exception {
    String caseNumber = girlInCustodyInLahore("TRAFFICKING,EXPLOITATION_IN_PROSTITUTION");
    produceAtOnce(caseNumber);

    assertThat(courtProduction(caseNumber)).isWaitingAt("Task_RequestTraffickingProtections");
    cases.complete(caseNumber, "Task_RequestTraffickingProtections", Map.of(
        "requestInCamera", true, "requestVideoLink", true, "requestRestrictedRecords", true,
        "protectionsRequestedAt", iso(cases.now())));
    assertThat(courtProduction(caseNumber)).isWaitingAt("Task_ProduceBeforeCourt");
  }

  @Test
  @DisplayName("R-PLACEMENT-ORDER: custody ordered to an institution is carried out by admission")
  void custodyOrderedToAnInstitutionIsCarriedOutByAdmission() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");
    produceAtOnce(caseNumber);
    produce(caseNumber);

    orderCustody(caseNumber, "INSTITUTION");
    cases.complete(caseNumber, "Task_AdmitToInstitution", Map.of(
        "institutionName", "Child Protection Institution, Lahore", "admittedAt", iso(cases.now())));

    assertThat(courtProduction(caseNumber)).hasNotPassed("Task_HandOverChild");
    assertThat(courtProduction(caseNumber)).isWaitingAt("Task_RecordFinalDecision");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PARENTS", "GUARDIAN", "SUITABLE_PERSON"})
  @DisplayName("R-PLACEMENT-ORDER: custody ordered to parents, guardian or a suitable person is a hand-over")
  void custodyOrderedToAPersonIsCarriedOutByHandOver(String order) throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");
    produceAtOnce(caseNumber);
    produce(caseNumber);

    orderCustody(caseNumber, order);
    assertThat(courtProduction(caseNumber)).isWaitingAt("Task_HandOverChild");
    carryOutFamilyOrder(caseNumber);

    assertThat(courtProduction(caseNumber)).hasNotPassed("Task_AdmitToInstitution");
    assertThat(courtProduction(caseNumber)).isWaitingAt("Task_RecordFinalDecision");
  }

  @Test
  @DisplayName("R-DELAY-60D: sixty days after production without a decision, the delay letter is asked for")
  void sixtyDaysWithoutDecisionAsksForTheDelayLetter() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");
    Instant producedAt = produceAndReturnHome(caseNumber);

    cases.clockAt(producedAt.plus(Duration.ofDays(59)));
    cases.fireDueTimers(caseNumber);
    assertThat(courtProduction(caseNumber)).hasNotPassed("Task_RecordDelayLetter");
    cases.clockAt(producedAt.plus(Duration.ofDays(60)));
    cases.fireDueTimers(caseNumber);

    assertThat(courtProduction(caseNumber))
        .isWaitingAt("Task_RecordFinalDecision", "Task_RecordDelayLetter");
    assertThat(cases.deadline(caseNumber, "R-DELAY-60D").get("dueAt").asText())
        .isEqualTo(producedAt.plus(Duration.ofDays(60)).toString());
    cases.complete(caseNumber, "Task_RecordDelayLetter", Map.of(
        "delayLetterDate", iso(cases.now()), "delayReasons", "Medical report awaited"));
    assertThat(courtProduction(caseNumber)).hasPassed("End_DelayLetterRecorded");
  }

  @Test
  @DisplayName("R-DECISION-4M: four months after production without a decision, the supervisor follows up")
  void fourMonthsWithoutDecisionEscalatesToTheSupervisor() throws Exception {
    String caseNumber = girlInCustodyInLahore("SEXUAL_ABUSE");
    Instant producedAt = produceAndReturnHome(caseNumber);
    Instant due = producedAt.atZone(ZoneId.of("Asia/Karachi")).plusMonths(4).toInstant();
    ProcessInstance production = courtProduction(caseNumber);

    cases.clockAt(due.minus(Duration.ofDays(30)));
    cases.fireDueTimers(caseNumber);
    assertThat(cases.deadline(caseNumber, "R-DECISION-4M").get("status").asText())
        .isEqualTo("AT_RISK");
    cases.clockAt(due);
    cases.fireDueTimers(caseNumber);

    JsonNode deadline = cases.deadline(caseNumber, "R-DECISION-4M");
    assertThat(Instant.parse(deadline.get("dueAt").asText())).isEqualTo(due);
    assertThat(deadline.get("status").asText()).isEqualTo("BREACHED");
    assertThat(cases.task(caseNumber, "Task_ReviewDecisionOverdue"))
        .hasCandidateGroup("supervisor-pb-lahore");
    cases.complete(caseNumber, "Task_ReviewDecisionOverdue", Map.of(
        "followUpAction", "Wrote to the Guardian Judge for a hearing date"));
    cases.complete(caseNumber, "Task_RecordDelayLetter", Map.of(
        "delayLetterDate", iso(cases.now()), "delayReasons", "Medical report awaited"));
    recordFinalDecision(caseNumber);

    assertThat(production).isEnded();
    assertThat(cases.deadline(caseNumber, "R-DECISION-4M").get("status").asText())
        .isEqualTo("BREACHED");
  }

  @Test
  @DisplayName("R-ID-TRIAGE: a child in immediate danger taken into protection during identification starts production at once")
  void childTakenIntoProtectionByTheOfficerStartsProduction() throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR",
        CUSTODY));
    ProcessInstance theCase = cases.instance(caseNumber, "childProtectionCase");
    assertThat(cases.caseFile(caseNumber).get("stage").asText()).isEqualTo("IDENTIFICATION");

    cases.screen(caseNumber, true, "indicatorWorkingChild");
    Instant takenAt = CUSTODY.plus(Duration.ofHours(1));
    cases.complete(caseNumber, "Task_TakeIntoProtectiveCustody", Map.of(
        "custodyTakenAt", iso(takenAt), "placeOfSafety", "Child Protection Bureau, Lahore"));

    assertThat(theCase).hasPassed("Start_ChildInProtection");
    assertThat(courtProduction(caseNumber)).isWaitingAt("Task_ArrangeProduction");
    assertThat(cases.deadline(caseNumber, "R-ID-EARLY").get("status").asText()).isEqualTo("MET");
    assertThat(Instant.parse(cases.deadline(caseNumber, "R-COURT-24H").get("dueAt").asText()))
        .isEqualTo(takenAt.plus(Duration.ofHours(24)));
    assertThat(courtProduction(caseNumber).getBusinessKey()).isEqualTo(caseNumber);
  }

  @Test
  @DisplayName("R-ID-EARLY: a child never taken into protection has no court production")
  void childNotTakenIntoProtectionEndsWithoutCourtProduction() throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR",
        CUSTODY));
    ProcessInstance theCase = cases.instance(caseNumber, "childProtectionCase");

    cases.closeAsNotACase(caseNumber);

    assertThat(theCase).hasPassed("End_CaseClosed").isEnded();
    assertThat(theCase).hasNotPassed("Start_ChildInProtection");
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey("courtProduction").count())
        .isZero();
    assertThat(cases.caseFile(caseNumber).get("stage").asText()).isEqualTo("CLOSED");
    assertThat(cases.caseFile(caseNumber).get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  @DisplayName("R-ID-EARLY: screening not done within 24 hours of the report is breached")
  void screeningLaterThan24HoursAfterTheReportIsBreached() throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "F", "CHILD_MARRIAGE",
        CUSTODY));
    cases.clockAt(CUSTODY.plus(Duration.ofHours(30)));

    assertThat(cases.deadline(caseNumber, "R-ID-EARLY").get("status").asText())
        .isEqualTo("BREACHED");
    assertThat(cases.task(caseNumber, "Task_ScreenReport"))
        .hasCandidateGroup("cpo-pb-lahore-female");
  }

  @Test
  @DisplayName("R-AGE-DISPUTE: the court's age decision is recorded with its order")
  void courtsAgeDecisionIsRecordedWithTheOrder() throws Exception {
    String caseNumber = girlInCustodyInLahore("CHILD_MARRIAGE");
    produceAtOnce(caseNumber);
    produce(caseNumber);

    cases.complete(caseNumber, "Task_RecordCourtOrder", Map.of(
        "custodyOrder", "INSTITUTION", "orderDate", iso(cases.now()),
        "courtAgeDecisionYears", 15, "medicalReportReceived", true,
        "courtOrderDocumentId", cases.attach(caseNumber, "COURT_ORDER")));

    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(courtProduction(caseNumber).getId())
        .variableName("courtAgeDecisionYears").singleResult().getValue()).isEqualTo(15);
  }
}
