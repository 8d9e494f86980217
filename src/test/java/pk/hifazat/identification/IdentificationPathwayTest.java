package pk.hifazat.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static pk.hifazat.Reports.iso;
import static pk.hifazat.casefile.CaseVariables.CUSTODY_TAKEN_AT;
import static pk.hifazat.casefile.CaseVariables.IN_PROTECTION;
import static pk.hifazat.identification.IdentificationVariables.CHILD_VIEWS_SOUGHT;
import static pk.hifazat.identification.IdentificationVariables.COURT_AGE_YEARS;
import static pk.hifazat.identification.IdentificationVariables.IDENTIFICATION_OUTCOME;
import static pk.hifazat.identification.IdentificationVariables.MEDICAL_ESTIMATED_AGE;
import static pk.hifazat.identification.IdentificationVariables.NEEDS_EDUCATION;
import static pk.hifazat.identification.IdentificationVariables.NEEDS_MEDICAL;
import static pk.hifazat.identification.IdentificationVariables.NEEDS_PSYCHOSOCIAL;
import static pk.hifazat.identification.IdentificationVariables.NEEDS_SHELTER;
import static pk.hifazat.identification.IdentificationVariables.OUTCOME_REASON;
import static pk.hifazat.identification.IdentificationVariables.PLACEMENT_NEEDED;
import static pk.hifazat.identification.IdentificationVariables.PLACE_OF_SAFETY;
import static pk.hifazat.identification.IdentificationVariables.REASON_VIEWS_NOT_SOUGHT;
import static pk.hifazat.identification.IdentificationVariables.REFERRED_TO;
import static pk.hifazat.identification.IdentificationVariables.RESPONSE_HOURS;
import static pk.hifazat.identification.IdentificationVariables.RESPONSE_LEVEL;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.CaseDriver;
import pk.hifazat.CaseHandover;
import pk.hifazat.HifazatTest;
import pk.hifazat.TestModels;
import pk.hifazat.sla.Clock;
import pk.hifazat.sla.ClockStatus;
import pk.hifazat.sla.DeadlineClocks;
import pk.hifazat.support.ProcessVariable;

/** Every path of victim identification (R-ID-EARLY, R-ID-TRIAGE, R-AGE-DISPUTE, R-VIEWS). */
@HifazatTest
class IdentificationPathwayTest {

  private static final Instant REPORTED = OffsetDateTime.parse("2026-11-20T08:00:00+05:00")
      .toInstant();
  /** Stands in for the case process: calls identification like the case does. */
  private static final String CASE_STAND_IN = "identificationCaseStandIn";
  private static int nextCase = 815001;

  @Autowired CaseDriver cases;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired DeadlineClocks deadlines;

  @BeforeEach
  void startTheDayAnHourAfterTheReport() {
    init(engine);
    cases.clockAt(REPORTED.plus(Duration.ofHours(1)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static String newCaseNumber() {
    return "PB-2026-" + nextCase++;
  }

  /** The variables every case carries when it calls identification. */
  private static Map<String, Object> caseVariables(String caseNumber, String sex, int age,
      boolean ageDisputed, String offenceTypes) {
    Map<String, Object> variables = CaseHandover.inLahore(caseNumber, sex, age, offenceTypes,
        REPORTED);
    variables.put("ageEstimated", ageDisputed);
    variables.put("ageDisputed", ageDisputed);
    variables.put("inProtection", false);
    return variables;
  }

  private ProcessInstance identify(String caseNumber, String sex, int age, boolean ageDisputed,
      String offenceTypes) {
    return runtimeService.startProcessInstanceByKey("identification", caseNumber,
        caseVariables(caseNumber, sex, age, ageDisputed, offenceTypes));
  }

  /** The screening form: the listed indicators ticked, the child interviewed child-friendly. */
  private void screen(String caseNumber, boolean immediateDanger, String... indicators) {
    cases.screen(caseNumber, immediateDanger, indicators);
  }

  private void takeIntoCustody(String caseNumber, Instant takenAt) {
    cases.complete(caseNumber, "Task_TakeIntoProtectiveCustody", Map.of(
        "custodyTakenAt", iso(takenAt), "placeOfSafety", "Child Protection Bureau, Lahore"));
  }

  private void recordViews(String caseNumber) {
    cases.complete(caseNumber, "Task_RecordChildViews", Map.of(
        "childViewsSought", true, "childViews", "Wants to go to school and not back to the kiln"));
  }

  private void decide(String caseNumber, String outcome) {
    Map<String, Object> decision = new HashMap<>();
    decision.put("identificationOutcome", outcome);
    decision.put("outcomeReason", "Screening and the child's account");
    if (outcome.equals("REFERRED_ELSEWHERE")) {
      decision.put("referredTo", "Social Welfare Department, Lahore");
    }
    decision.put("placementNeeded", outcome.equals("CONFIRMED_VICTIM"));
    decision.put("needsMedical", true);
    decision.put("needsPsychosocial", true);
    decision.put("needsShelter", outcome.equals("CONFIRMED_VICTIM"));
    decision.put("needsEducation", false);
    cases.complete(caseNumber, "Task_DecideIdentificationOutcome", decision);
  }

  /**
   * The value a process instance ended with (or holds now), as the case receives it: none when
   * the history has no record of the variable, which is a variable that never held a value.
   */
  private <T> T returned(ProcessInstance instance, ProcessVariable<T> variable) {
    HistoricVariableInstance recorded = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(variable.name()).singleResult();
    return variable.from(Collections.singletonMap(variable.name(),
        recorded == null ? null : recorded.getValue()));
  }

  private Clock clock(String caseNumber, String rule) {
    return deadlines.ofCase(caseNumber).stream().filter(clock -> clock.rule().equals(rule))
        .findFirst().orElseThrow(() -> new AssertionError(caseNumber + " has no clock " + rule));
  }

  @Test
  @DisplayName("R-ID-EARLY: a girl's report is screened by female officers, due 24 hours after the report")
  void girlsReportIsScreenedByFemaleOfficersWithin24Hours() {
    String caseNumber = newCaseNumber();
    ProcessInstance identification = identify(caseNumber, "F", 14, false, "CHILD_MARRIAGE");

    assertThat(identification).isWaitingAt("Task_ScreenReport");
    assertThat(cases.task(caseNumber, "Task_ScreenReport"))
        .hasCandidateGroup("cpo-pb-lahore-female")
        .hasDueDate(java.util.Date.from(REPORTED.plus(Duration.ofHours(24))));
    Clock screening = clock(caseNumber, "R-ID-EARLY");
    assertThat(screening.startedAt()).isEqualTo(REPORTED);
    assertThat(screening.dueAt()).isEqualTo(REPORTED.plus(Duration.ofHours(24)));
    assertThat(screening.warningAt()).isEqualTo(REPORTED.plus(Duration.ofHours(18)));

    cases.clockAt(REPORTED.plus(Duration.ofHours(5)));
    screen(caseNumber, false, "indicatorMarriageArranged");

    assertThat(clock(caseNumber, "R-ID-EARLY").status()).isEqualTo(ClockStatus.MET);
    assertThat(identification).isWaitingAt("Task_RecordChildViews");
    assertThat(cases.task(caseNumber, "Task_RecordChildViews"))
        .hasCandidateGroup("cpo-pb-lahore-female");
  }

  @Test
  @DisplayName("R-ID-EARLY: the screening is refused until the officer says whether the interview was child-friendly")
  void screeningNeedsTheChildFriendlyInterviewAnswered() {
    String caseNumber = newCaseNumber();
    identify(caseNumber, "M", 13, false, "FORCED_LABOUR");

    assertThatThrownBy(() -> cases.complete(caseNumber, "Task_ScreenReport", Map.of(
        "immediateDanger", false, "indicatorWorkingChild", true)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("interviewChildFriendly");
    assertThat(cases.task(caseNumber, "Task_ScreenReport")).isNotNull();
  }

  @Test
  @DisplayName("R-ID-TRIAGE: a child in immediate danger is taken into protective custody within 2 hours, and the custody is returned to the case")
  void childInImmediateDangerIsTakenIntoCustodyWithinTwoHours() {
    String caseNumber = newCaseNumber();
    ProcessInstance identification = identify(caseNumber, "M", 12, false, "FORCED_LABOUR");
    screen(caseNumber, true, "indicatorWorkingChild");

    assertThat(identification).isWaitingAt("Task_TakeIntoProtectiveCustody");
    assertThat(identification).variables().containsEntry(RESPONSE_LEVEL.name(), "EMERGENCY")
        .containsEntry(RESPONSE_HOURS.name(), 2);
    Instant triagedAt = cases.now();
    assertThat(cases.task(caseNumber, "Task_TakeIntoProtectiveCustody"))
        .hasCandidateGroup("cpo-pb-lahore")
        .hasDueDate(java.util.Date.from(triagedAt.plus(Duration.ofHours(2))));
    assertThat(clock(caseNumber, "R-ID-TRIAGE").warningAt())
        .isEqualTo(triagedAt.plus(Duration.ofMinutes(90)));

    cases.clockAt(triagedAt.plus(Duration.ofMinutes(80)));
    Instant takenAt = triagedAt.plus(Duration.ofMinutes(75));
    takeIntoCustody(caseNumber, takenAt);

    assertThat(clock(caseNumber, "R-ID-TRIAGE").status()).isEqualTo(ClockStatus.MET);
    assertThat(identification).hasPassedInOrder("Task_ScreenReport", "Rule_Triage",
        "Task_TakeIntoProtectiveCustody", "Service_NotifyCaseOfCustody");
    assertThat(identification).variables().containsEntry(IN_PROTECTION.name(), true)
        .containsEntry(CUSTODY_TAKEN_AT.name(), iso(takenAt));
    assertThat(identification).isWaitingAt("Task_RecordChildViews");

    recordViews(caseNumber);
    decide(caseNumber, "CONFIRMED_VICTIM");
    assertThat(identification).hasPassed("End_Identified").isEnded();
    assertThat(returned(identification, IN_PROTECTION)).isEqualTo(true);
    assertThat(returned(identification, CUSTODY_TAKEN_AT)).isEqualTo(iso(takenAt));
    assertThat(returned(identification, PLACE_OF_SAFETY))
        .isEqualTo("Child Protection Bureau, Lahore");
  }

  @Test
  @DisplayName("R-ID-TRIAGE: custody taken more than 2 hours after triage misses the policy deadline, and the supervisor reviews it")
  void lateCustodyBreachesTheTriageDeadline() {
    String caseNumber = newCaseNumber();
    ProcessInstance identification = identify(caseNumber, "F", 15, false, "SEXUAL_ABUSE");
    screen(caseNumber, true, "indicatorSexualExploitation");
    Instant triagedAt = cases.now();

    cases.clockAt(triagedAt.plus(Duration.ofHours(3)));
    takeIntoCustody(caseNumber, triagedAt.plus(Duration.ofMinutes(170)));

    Clock custody = clock(caseNumber, "R-ID-TRIAGE");
    assertThat(custody.status()).isEqualTo(ClockStatus.BREACHED);
    assertThat(custody.breachedAt()).isEqualTo(triagedAt.plus(Duration.ofHours(2)));
    assertThat(identification).isWaitingAt("Task_RecordChildViews");
    cases.startOwedReviews(caseNumber);
    ProcessInstance review = cases.instance(caseNumber, "deadlineBreachReview");
    assertThat(review).isWaitingAt("Task_ReviewDeadlineBreach");
    assertThat(review).task().hasCandidateGroup("supervisor-pb-lahore");
    cases.complete(caseNumber, "Task_ReviewDeadlineBreach", Map.of(
        "breachCause", "OTHER", "breachAction", "Second female officer put on call"));
    assertThat(review).isEnded();
  }

  @Test
  @DisplayName("R-COURT-24H: the custody reaches the calling case at once, so court production starts while identification goes on")
  void custodyReachesTheCaseAtOnce() {
    repositoryService.createDeployment().name("identification case stand-in")
        .addString("identification-case-stand-in.bpmn", TestModels.drawn(CaseStandIn.MODEL))
        .enableDuplicateFiltering(true).deploy();
    String caseNumber = newCaseNumber();
    ProcessInstance theCase = runtimeService.startProcessInstanceByKey(CASE_STAND_IN,
        caseNumber, caseVariables(caseNumber, "M", 11, false, "FORCED_LABOUR"));
    ProcessInstance identification = cases.instance(caseNumber, "identification");
    assertThat(identification.getBusinessKey()).isEqualTo(caseNumber);
    screen(caseNumber, true, "indicatorWorkingChild");

    Instant takenAt = cases.now().minus(Duration.ofMinutes(10));
    takeIntoCustody(caseNumber, takenAt);

    assertThat(theCase).isWaitingAt("CallActivity_Identification", "Task_ProduceBeforeCourt");
    assertThat(courtProductionsStarted(theCase)).isOne();
    assertThat(theCase).variables().containsEntry(IN_PROTECTION.name(), true)
        .containsEntry(CUSTODY_TAKEN_AT.name(), iso(takenAt));
    assertThat(identification).isWaitingAt("Task_RecordChildViews");
    assertThat(identification).variables().doesNotContainKeys(IN_PROTECTION.name(),
        CUSTODY_TAKEN_AT.name());

    recordViews(caseNumber);
    decide(caseNumber, "CONFIRMED_VICTIM");
    assertThat(identification).isEnded();
    assertThat(theCase).variables()
        .containsEntry(IDENTIFICATION_OUTCOME.name(), "CONFIRMED_VICTIM")
        .containsEntry(RESPONSE_LEVEL.name(), "EMERGENCY")
        .containsEntry(IN_PROTECTION.name(), true)
        .containsEntry(CUSTODY_TAKEN_AT.name(), iso(takenAt));
    cases.complete(caseNumber, "Task_ProduceBeforeCourt", Map.of(
        "producedAt", iso(cases.now()), "productionCourt", "Sessions Court, Lahore"));
    assertThat(theCase).isEnded();
    assertThat(courtProductionsStarted(theCase)).as("court production started once").isOne();
  }

  private long courtProductionsStarted(ProcessInstance theCase) {
    return historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(theCase.getId()).activityId("Start_InProtection").count();
  }

  @ParameterizedTest(name = "{1} ({2})")
  @DisplayName("R-ID-TRIAGE: an urgent or standard response goes on without custody to the child's views and the outcome")
  @CsvSource({
      "TRAFFICKING, URGENT, 24, indicatorMovedByThirdParty",
      "FORCED_LABOUR, STANDARD, 72, indicatorWorkingChild"})
  void urgentOrStandardResponseGoesOnWithoutCustody(String offenceTypes, String responseLevel,
      int responseHours, String indicator) {
    String caseNumber = newCaseNumber();
    ProcessInstance identification = identify(caseNumber, "M", 14, false, offenceTypes);
    screen(caseNumber, false, indicator);

    assertThat(identification).isWaitingAt("Task_RecordChildViews");
    recordViews(caseNumber);
    decide(caseNumber, "CHILD_AT_RISK");

    assertThat(identification).hasPassedInOrder("Rule_Triage", "Gateway_ResponseLevel",
        "Gateway_ResponseGiven", "Gateway_AgeDisputed", "Task_RecordChildViews",
        "Task_DecideIdentificationOutcome", "End_Identified").isEnded();
    assertThat(identification).hasNotPassed("Task_TakeIntoProtectiveCustody",
        "Service_NotifyCaseOfCustody", "Task_RequestMedicalAgeAssessment");
    assertThat(returned(identification, RESPONSE_LEVEL)).isEqualTo(responseLevel);
    assertThat(returned(identification, RESPONSE_HOURS)).isEqualTo(responseHours);
    assertThat(returned(identification, IN_PROTECTION)).isEqualTo(false);
    assertThat(returned(identification, CUSTODY_TAKEN_AT)).isNull();
  }

  @Test
  @DisplayName("R-ID-TRIAGE: a report of no concern goes straight to the outcome decision")
  void reportOfNoConcernGoesStraightToTheOutcome() {
    String caseNumber = newCaseNumber();
    ProcessInstance identification = identify(caseNumber, "F", 16, true, "CHILD_MARRIAGE");
    screen(caseNumber, false);

    assertThat(identification).isWaitingAt("Task_DecideIdentificationOutcome");
    assertThat(identification).variables().containsEntry(RESPONSE_LEVEL.name(), "NO_CONCERN");
    decide(caseNumber, "NOT_A_CASE");

    assertThat(identification).hasPassed("Gateway_ToOutcome", "End_Identified").isEnded();
    assertThat(identification).hasNotPassed("Task_TakeIntoProtectiveCustody",
        "Task_RequestMedicalAgeAssessment", "Task_RecordCourtAgeDecision",
        "Task_RecordChildViews");
    assertThat(returned(identification, IDENTIFICATION_OUTCOME)).isEqualTo("NOT_A_CASE");
  }

  @Test
  @DisplayName("R-AGE-DISPUTE: a disputed age goes to the Medical Superintendent and the court, the person treated as a child meanwhile")
  void disputedAgeIsDecidedByTheCourtOnTheMedicalReport() {
    String caseNumber = newCaseNumber();
    ProcessInstance identification = identify(caseNumber, "F", 19, true, "FORCED_LABOUR");
    screen(caseNumber, false, "indicatorWorkingChild");

    assertThat(identification).variables().containsEntry(RESPONSE_LEVEL.name(), "STANDARD");
    assertThat(identification).isWaitingAt("Task_RequestMedicalAgeAssessment");
    assertThat(cases.task(caseNumber, "Task_RequestMedicalAgeAssessment"))
        .hasCandidateGroup("cpo-pb-lahore-female");
    cases.complete(caseNumber, "Task_RequestMedicalAgeAssessment", Map.of(
        "medicalReportDate", iso(cases.now()), "medicalEstimatedAge", 16,
        "ageReportDocumentId", cases.paperOnRecord(caseNumber, "AGE_REPORT")));

    assertThat(identification).isWaitingAt("Task_RecordCourtAgeDecision");
    assertThatThrownBy(() -> cases.complete(caseNumber, "Task_RecordCourtAgeDecision",
        Map.of("courtAgeYears", 30)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("courtAgeYears");
    cases.complete(caseNumber, "Task_RecordCourtAgeDecision", Map.of(
        "courtAgeYears", 16, "courtAgeDecisionDate", iso(cases.now())));

    assertThat(identification).isWaitingAt("Task_RecordChildViews");
    recordViews(caseNumber);
    decide(caseNumber, "CONFIRMED_VICTIM");
    assertThat(identification).hasPassedInOrder("Task_RequestMedicalAgeAssessment",
        "Task_RecordCourtAgeDecision", "Gateway_AgeSettled", "Task_RecordChildViews").isEnded();
    assertThat(returned(identification, COURT_AGE_YEARS)).isEqualTo(16);
    assertThat(returned(identification, MEDICAL_ESTIMATED_AGE)).isEqualTo(16);
  }

  @Test
  @DisplayName("R-VIEWS: where the child's views are not sought, the reason is recorded instead")
  void reasonIsRecordedWhenViewsAreNotSought() {
    String caseNumber = newCaseNumber();
    ProcessInstance identification = identify(caseNumber, "M", 4, false, "ILLEGAL_ADOPTION");
    screen(caseNumber, false, "indicatorMovedByThirdParty");

    assertThat(identification).variables().containsEntry(RESPONSE_LEVEL.name(), "URGENT");
    cases.complete(caseNumber, "Task_RecordChildViews", Map.of(
        "childViewsSought", false, "reasonViewsNotSought", "The child is four years old"));
    decide(caseNumber, "CHILD_AT_RISK");

    assertThat(returned(identification, CHILD_VIEWS_SOUGHT)).isEqualTo(false);
    assertThat(returned(identification, REASON_VIEWS_NOT_SOUGHT))
        .isEqualTo("The child is four years old");
  }

  @Test
  @DisplayName("R-VIEWS: the child's views are recorded, up to 2000 characters")
  void childsViewsAreRecorded() {
    String caseNumber = newCaseNumber();
    ProcessInstance identification = identify(caseNumber, "F", 15, false, "FORCED_LABOUR");
    screen(caseNumber, false, "indicatorWorkingChild");

    assertThatThrownBy(() -> cases.complete(caseNumber, "Task_RecordChildViews", Map.of(
        "childViewsSought", true, "childViews", "x".repeat(2001))))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("childViews");
    recordViews(caseNumber);

    assertThat(returned(identification, CHILD_VIEWS_SOUGHT)).isEqualTo(true);
    assertThat(identification).isWaitingAt("Task_DecideIdentificationOutcome");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("R-ID-EARLY: each outcome of identification is returned to the case with the child's needs")
  @CsvSource({"CONFIRMED_VICTIM", "CHILD_AT_RISK", "NOT_A_CASE", "REFERRED_ELSEWHERE"})
  void eachOutcomeIsReturnedWithTheNeeds(String outcome) {
    String caseNumber = newCaseNumber();
    ProcessInstance identification = identify(caseNumber, "M", 15, false, "FORCED_LABOUR");
    screen(caseNumber, false, "indicatorWorkingChild");
    recordViews(caseNumber);

    decide(caseNumber, outcome);

    assertThat(identification).isEnded();
    assertThat(returned(identification, IDENTIFICATION_OUTCOME)).isEqualTo(outcome);
    assertThat(returned(identification, OUTCOME_REASON))
        .isEqualTo("Screening and the child's account");
    assertThat(returned(identification, PLACEMENT_NEEDED))
        .isEqualTo(outcome.equals("CONFIRMED_VICTIM"));
    assertThat(returned(identification, NEEDS_MEDICAL)).isEqualTo(true);
    assertThat(returned(identification, NEEDS_PSYCHOSOCIAL)).isEqualTo(true);
    assertThat(returned(identification, NEEDS_SHELTER))
        .isEqualTo(outcome.equals("CONFIRMED_VICTIM"));
    assertThat(returned(identification, NEEDS_EDUCATION)).isEqualTo(false);
    if (outcome.equals("REFERRED_ELSEWHERE")) {
      assertThat(returned(identification, REFERRED_TO))
          .isEqualTo("Social Welfare Department, Lahore");
    }
  }

  @Test
  @DisplayName("R-ID-EARLY: the outcome decision is refused without an outcome and its reason")
  void outcomeNeedsItsReason() {
    String caseNumber = newCaseNumber();
    identify(caseNumber, "M", 15, false, "CHILD_MARRIAGE");
    screen(caseNumber, false);

    assertThatThrownBy(() -> cases.complete(caseNumber, "Task_DecideIdentificationOutcome",
        Map.of("identificationOutcome", "MAYBE")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("identificationOutcome").hasMessageContaining("outcomeReason");
  }

  /**
   * A minimal case: calls identification, starts court production when inProtection is true. It
   * passes every variable both ways, as case models deployed before the explicit mappings do, so
   * the custody notice is proven against running cases of those versions too.
   */
  private static final class CaseStandIn {
    static final String MODEL = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_StandIn"
            targetNamespace="http://hifazat.pk/bpmn">
          <bpmn:process id="identificationCaseStandIn" isExecutable="true"
              camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start_Case" name="Case reported" />
            <bpmn:sequenceFlow id="Flow_ToIdentification" sourceRef="Start_Case"
                targetRef="CallActivity_Identification" />
            <bpmn:callActivity id="CallActivity_Identification" name="Identify the victim"
                calledElement="identification">
              <bpmn:extensionElements>
                <camunda:in variables="all" />
                <camunda:in businessKey="#{execution.processBusinessKey}" />
                <camunda:out variables="all" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:sequenceFlow id="Flow_Identified" sourceRef="CallActivity_Identification"
                targetRef="End_Case" />
            <bpmn:endEvent id="End_Case" name="Case identified" />
            <bpmn:subProcess id="SubProcess_CourtProduction" triggeredByEvent="true">
              <bpmn:startEvent id="Start_InProtection" name="Child in protection"
                  isInterrupting="false">
                <bpmn:conditionalEventDefinition camunda:variableName="inProtection">
                  <bpmn:condition xsi:type="bpmn:tFormalExpression">${inProtection}</bpmn:condition>
                </bpmn:conditionalEventDefinition>
              </bpmn:startEvent>
              <bpmn:sequenceFlow id="Flow_ToProduction" sourceRef="Start_InProtection"
                  targetRef="Task_ProduceBeforeCourt" />
              <bpmn:userTask id="Task_ProduceBeforeCourt" name="Produce the child before the court"
                  camunda:formRef="produce-before-court" camunda:formRefBinding="latest"
                  camunda:candidateGroups="${childSex == 'F' ? femaleOfficersGroup : officersGroup}" />
              <bpmn:sequenceFlow id="Flow_Produced" sourceRef="Task_ProduceBeforeCourt"
                  targetRef="End_Produced" />
              <bpmn:endEvent id="End_Produced" name="Child produced" />
            </bpmn:subProcess>
          </bpmn:process>
        </bpmn:definitions>
        """;
  }
}
