package pk.hifazat.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static pk.hifazat.Reports.iso;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.CaseDriver;
import pk.hifazat.CaseHandover;
import pk.hifazat.HifazatTest;
import pk.hifazat.sla.Clock;
import pk.hifazat.sla.ClockStatus;
import pk.hifazat.sla.DeadlineClocks;
import pk.hifazat.support.ProcessVariable;

/** Every path of the multi-agency referral (R-REFERRAL, R-LEGAL-AID), started as the case does. */
@HifazatTest
class ReferralPathwayTest {

  private static final Instant IDENTIFIED = OffsetDateTime.parse("2026-11-20T10:00:00+05:00")
      .toInstant();
  private static final AtomicInteger CASES = new AtomicInteger(870000);
  private static final String ACKNOWLEDGE = "Task_AcknowledgeReferral";
  private static final String DELIVERED = "Task_RecordServiceDelivered";
  private static final String CLOSE = "Task_CloseReferral";
  private static final String FIND_AGENCY = "Task_FindAgencyManually";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired CaseDriver cases;
  @Autowired Referrals referrals;
  @Autowired DeadlineClocks deadlines;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void startTheDay() {
    init(engine);
    cases.clockAt(IDENTIFIED);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Starts the referral pathway the way the case's call activity does, for a Lahore child. */
  private ProcessInstance refer(String sex, String offences, Map<String, Object> needs) {
    String caseNumber = "PB-2026-" + CASES.incrementAndGet();
    Map<String, Object> variables = CaseHandover.inLahore(caseNumber, sex, 14, offences,
        IDENTIFIED.minus(Duration.ofHours(3)));
    variables.putAll(needs);
    ProcessInstance referral = runtimeService.startProcessInstanceByKey("referral", caseNumber,
        variables);
    // R-CONSENT: the family agrees at once; the consent's own paths are ReferralConsentTest's.
    cases.consentToReferrals(caseNumber);
    return referral;
  }

  private ProcessInstance referTrafficking(String sex) {
    return refer(sex, "TRAFFICKING", Map.of());
  }

  private static String focalPoints(String agency) {
    return AgencyGroups.focalPoints(agency, "PB", "Lahore");
  }

  private Task task(ProcessInstance referral, String taskKey, String agency) {
    cases.consentToReferrals(referral.getBusinessKey());
    Task task = taskService.createTaskQuery().processInstanceId(referral.getId())
        .taskDefinitionKey(taskKey).taskCandidateGroup(focalPoints(agency)).singleResult();
    assertThat(task).as("%s of %s", taskKey, agency).isNotNull();
    return task;
  }

  private List<Task> tasks(ProcessInstance referral, String taskKey) {
    cases.consentToReferrals(referral.getBusinessKey());
    return taskService.createTaskQuery().processInstanceId(referral.getId())
        .taskDefinitionKey(taskKey).list();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private void acknowledge(ProcessInstance referral, String agency) {
    taskService.complete(task(referral, ACKNOWLEDGE, agency).getId(),
        Map.of("referralDecision", "ACKNOWLEDGED"));
  }

  private void decline(ProcessInstance referral, String agency) {
    taskService.complete(task(referral, ACKNOWLEDGE, agency).getId(),
        Map.of("referralDecision", "DECLINED", "declineReason", "No capacity this month"));
  }

  private void deliverAndClose(ProcessInstance referral, String agency, String outcome) {
    taskService.complete(task(referral, DELIVERED, agency).getId(), Map.of(
        "serviceDeliveredAt", iso(cases.now()), "serviceSummary", "Service given as referred"));
    taskService.complete(task(referral, CLOSE, agency).getId(),
        Map.of("referralOutcome", outcome));
  }

  private void serve(ProcessInstance referral, String agency) {
    acknowledge(referral, agency);
    deliverAndClose(referral, agency, "COMPLETED");
  }

  private Task findAgencyTask(ProcessInstance referral) {
    List<Task> found = tasks(referral, FIND_AGENCY);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  /** A variable the pathway hands back to the case (set on the process instance itself). */
  private <T> T returned(ProcessInstance referral, ProcessVariable<T> variable) {
    Map<String, Object> value = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(referral.getId()).variableName(variable.name()).list().stream()
        .filter(stored -> referral.getId().equals(stored.getActivityInstanceId()))
        .findFirst().ifPresent(stored -> value.put(variable.name(), stored.getValue()));
    return variable.from(value);
  }

  private static ReferralOutcome outcome(String agency, String outcome) {
    return new ReferralOutcome(agency, outcome);
  }

  private List<Referral> recorded(ProcessInstance referral) {
    return referrals.ofInstance(referral.getId());
  }

  private Referral recorded(ProcessInstance referral, String agency) {
    return recorded(referral).stream().filter(row -> row.agency().equals(agency)).findFirst()
        .orElseThrow(() -> new AssertionError("No referral to " + agency));
  }

  @Test
  @DisplayName("R-REFERRAL: a trafficking case is referred at once, in parallel, to the police, the FIA, a social worker and legal aid")
  void traffickingCaseIsReferredToEveryAgencyInParallel() {
    ProcessInstance referral = referTrafficking("F");

    assertThat(referral).isWaitingAt(ACKNOWLEDGE);
    assertThat(returned(referral, ReferralVariables.REFERRAL_AGENCIES))
        .containsExactly("POLICE", "FIA", "SOCIAL_WORKER", "LEGAL_AID");
    assertThat(returned(referral, ReferralVariables.REFERRAL_FALLBACKS)).containsExactly(
        entry("POLICE", List.of("DISTRICT_POLICE_OFFICER", "JUSTICE_OF_PEACE")),
        entry("LEGAL_AID", List.of("NGO_LEGAL_AID")));
    assertThat(tasks(referral, ACKNOWLEDGE)).extracting(this::candidateGroups)
        .containsExactlyInAnyOrder(List.of("agency-police-pb-lahore"), List.of("agency-fia-pb-lahore"),
            List.of("agency-social_worker-pb-lahore"), List.of("agency-legal_aid-pb-lahore"));
    assertThat(recorded(referral))
        .extracting(Referral::agency, Referral::status, Referral::sentAt, Referral::district)
        .containsExactlyInAnyOrder(
            tuple("POLICE", Referral.Status.SENT, IDENTIFIED, "Lahore"),
            tuple("FIA", Referral.Status.SENT, IDENTIFIED, "Lahore"),
            tuple("SOCIAL_WORKER", Referral.Status.SENT, IDENTIFIED, "Lahore"),
            tuple("LEGAL_AID", Referral.Status.SENT, IDENTIFIED, "Lahore"));
    assertThat(recorded(referral)).allMatch(row -> row.caseNumber().equals(referral.getBusinessKey()));
  }

  @Test
  @DisplayName("R-REFERRAL: needs found at identification add the hospital, psychologist, shelter and education referrals")
  void needsFoundAtIdentificationAddServices() {
    ProcessInstance referral = refer("M", "FORCED_LABOUR", Map.of("needsMedical", true,
        "needsPsychosocial", true, "needsShelter", true, "needsEducation", true));

    assertThat(returned(referral, ReferralVariables.REFERRAL_AGENCIES)).containsExactly("POLICE",
        "HOSPITAL_CPU", "PSYCHOLOGIST", "SOCIAL_WORKER", "LEGAL_AID", "SHELTER", "EDUCATION",
        "SOCIAL_PROTECTION");
    assertThat(tasks(referral, ACKNOWLEDGE)).hasSize(8);
    assertThat(task(referral, ACKNOWLEDGE, "HOSPITAL_CPU").getName())
        .isEqualTo("Acknowledge or decline the referral");
  }

  @Test
  @DisplayName("R-REFERRAL: a focal point sees only the referrals of their own agency in their own district")
  void focalPointOfAnotherAgencyDoesNotSeeTheReferral() {
    ProcessInstance referral = referTrafficking("F");

    List<Task> police = taskService.createTaskQuery().processInstanceId(referral.getId())
        .taskCandidateGroup("agency-police-pb-lahore").list();
    assertThat(police).hasSize(1);
    assertThat(taskService.getVariable(police.get(0).getId(), "agency")).isEqualTo("POLICE");
    assertThat(taskService.createTaskQuery().processInstanceId(referral.getId())
        .taskCandidateGroup("agency-hospital_cpu-pb-lahore").count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(referral.getId())
        .taskCandidateGroup("agency-police-pb-multan").count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(referral.getId())
        .taskCandidateGroup("cpo-pb-lahore-female").count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(referral.getId())
        .taskCandidateGroupIn(List.of("agency-fia-pb-lahore", "agency-legal_aid-pb-lahore"))
        .list()).extracting(task -> taskService.getVariable(task.getId(), "agency"))
        .containsExactlyInAnyOrder("FIA", "LEGAL_AID");
  }

  @Test
  @DisplayName("R-REFERRAL: acknowledged referrals are delivered and closed by each agency, and the case learns every outcome")
  void acknowledgedReferralsRunToClosure() {
    ProcessInstance referral = referTrafficking("F");
    cases.clockAt(IDENTIFIED.plus(Duration.ofHours(5)));
    acknowledge(referral, "POLICE");

    assertThat(task(referral, DELIVERED, "POLICE")).isNotNull();
    assertThat(runtimeService.getVariablesLocal(referral.getId()))
        .doesNotContainKeys("referralDecision", "agency", "agencyGroup", "referralId");
    Referral answered = recorded(referral, "POLICE");
    assertThat(answered.status()).isEqualTo(Referral.Status.ACKNOWLEDGED);
    assertThat(answered.answeredAt()).isEqualTo(IDENTIFIED.plus(Duration.ofHours(5)));

    cases.clockAt(IDENTIFIED.plus(Duration.ofDays(3)));
    deliverAndClose(referral, "POLICE", "COMPLETED");
    acknowledge(referral, "FIA");
    deliverAndClose(referral, "FIA", "TRANSFERRED");
    acknowledge(referral, "SOCIAL_WORKER");
    deliverAndClose(referral, "SOCIAL_WORKER", "NOT_REACHABLE");
    acknowledge(referral, "LEGAL_AID");
    deliverAndClose(referral, "LEGAL_AID", "CHILD_DECLINED");

    assertThat(referral).hasPassedInOrder("Service_DecideReferrals", "Service_SendReferral",
        ACKNOWLEDGE, "Service_RecordReferralAnswer", DELIVERED, CLOSE, "Service_CloseReferral",
        "End_ReferralClosed", "Service_SummariseReferrals", "End_ReferralsClosed").isEnded();
    assertThat(referral).hasNotPassed("Service_RouteToNextAgency", FIND_AGENCY);
    assertThat(returned(referral, ReferralVariables.REFERRAL_OUTCOMES)).containsExactly(
        outcome("FIA", "TRANSFERRED"), outcome("LEGAL_AID", "CHILD_DECLINED"),
        outcome("POLICE", "COMPLETED"), outcome("SOCIAL_WORKER", "NOT_REACHABLE"));
    Referral closed = recorded(referral, "POLICE");
    assertThat(closed.status()).isEqualTo(Referral.Status.CLOSED);
    assertThat(closed.outcome()).isEqualTo("COMPLETED");
    assertThat(closed.deliveredAt()).isEqualTo(IDENTIFIED.plus(Duration.ofDays(3)));
    assertThat(closed.closedAt()).isEqualTo(IDENTIFIED.plus(Duration.ofDays(3)));
  }

  @Test
  @DisplayName("R-LEGAL-AID: a declined legal aid referral goes at once to the NGO legal aid service, with a clean answer")
  void declinedLegalAidGoesToTheNgoLegalAidService() {
    ProcessInstance referral = referTrafficking("F");
    cases.clockAt(IDENTIFIED.plus(Duration.ofHours(6)));
    decline(referral, "LEGAL_AID");

    Task ngo = task(referral, ACKNOWLEDGE, "NGO_LEGAL_AID");
    assertThat(candidateGroups(ngo)).containsExactly("agency-ngo_legal_aid-pb-lahore");
    assertThat(taskService.getVariable(ngo.getId(), "agency")).isEqualTo("NGO_LEGAL_AID");
    assertThat(taskService.getVariable(ngo.getId(), "referralDecision")).isNull();
    assertThat(taskService.getVariable(ngo.getId(), "declineReason")).isNull();
    assertThat(tasks(referral, ACKNOWLEDGE)).hasSize(4);
    Referral declined = recorded(referral, "LEGAL_AID");
    assertThat(declined.status()).isEqualTo(Referral.Status.DECLINED);
    assertThat(declined.answeredAt()).isEqualTo(IDENTIFIED.plus(Duration.ofHours(6)));
    Referral routed = recorded(referral, "NGO_LEGAL_AID");
    assertThat(routed.status()).isEqualTo(Referral.Status.SENT);
    assertThat(routed.previousReferralId()).isEqualTo(declined.id());
    assertThat(routed.sentAt()).isEqualTo(IDENTIFIED.plus(Duration.ofHours(6)));

    serve(referral, "NGO_LEGAL_AID");
    serve(referral, "POLICE");
    serve(referral, "FIA");
    serve(referral, "SOCIAL_WORKER");
    assertThat(referral).hasPassed("Service_RouteToNextAgency").isEnded();
    assertThat(referral).hasNotPassed(FIND_AGENCY);
    assertThat(returned(referral, ReferralVariables.REFERRAL_OUTCOMES)).containsExactly(
        outcome("FIA", "COMPLETED"), outcome("LEGAL_AID", "DECLINED"),
        outcome("POLICE", "COMPLETED"), outcome("SOCIAL_WORKER", "COMPLETED"),
        outcome("NGO_LEGAL_AID", "COMPLETED"));
  }

  @Test
  @DisplayName("R-REFERRAL: the history holds each agency's referral, not the engine's counts of the referrals running and done")
  void historyHoldsTheReferralsNotTheEnginesCountsOfThem() {
    ProcessInstance referral = referTrafficking("M");
    List<String> counters = List.of("nrOfInstances", "nrOfActiveInstances",
        "nrOfCompletedInstances", "loopCounter");
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(referral.getId())
        .variableName("nrOfInstances").singleResult().getValue()).isEqualTo(4);

    serve(referral, "POLICE");
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(referral.getId())
        .variableName("nrOfCompletedInstances").singleResult().getValue()).isEqualTo(1);
    decline(referral, "LEGAL_AID");
    serve(referral, "NGO_LEGAL_AID");
    serve(referral, "FIA");
    serve(referral, "SOCIAL_WORKER");

    assertThat(referral).isEnded();
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(referral.getId()).includeDeleted().list())
        .extracting(variable -> variable.getName())
        .doesNotContainAnyElementsOf(counters)
        .filteredOn("agency"::equals).hasSize(4);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(referral.getId())
        .variableUpdates().list())
        .extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
        .doesNotContainAnyElementsOf(counters);
  }

  @Test
  @DisplayName("R-REFERRAL: an administrator who sets the engine's count of referrals done is in the audit trail by the count's name")
  void aCountSetByHandIsAudited() {
    ProcessInstance referral = referTrafficking("M");
    String body = runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(referral.getId()).variableName("nrOfCompletedInstances")
        .singleResult().getExecutionId();

    engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
    try {
      runtimeService.setVariableLocal(body, "nrOfCompletedInstances", 3);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(jdbc.sql("select user_id, detail from audit_event where case_number = ?"
            + " and action = 'VARIABLE_CHANGED'").param(referral.getBusinessKey()).query()
        .listOfRows()).singleElement().satisfies(entry -> {
          assertThat(entry.get("USER_ID")).isEqualTo("admin");
          assertThat((String) entry.get("DETAIL")).contains("nrOfCompletedInstances");
        });
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(referral.getId()).variableName("nrOfCompletedInstances").count())
        .isZero();
  }

  /** Each branch's values of one answer, as the engine's history holds them, in order. */
  private List<List<Object>> history(ProcessInstance referral, String answer) {
    return historyService.createHistoricDetailQuery().processInstanceId(referral.getId())
        .variableUpdates().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> update.getVariableName().equals(answer))
        .collect(Collectors.groupingBy(HistoricVariableUpdate::getVariableInstanceId,
            LinkedHashMap::new,
            Collectors.mapping(HistoricVariableUpdate::getValue, Collectors.toList())))
        .values().stream().toList();
  }

  @Test
  @DisplayName("R-REFERRAL: the history holds a declined agency's answer and its clearing for the next, and nothing of answers never given")
  void historyHoldsTheDeclinedAnswerAndItsClearing() {
    ProcessInstance referral = referTrafficking("F");
    decline(referral, "LEGAL_AID");
    serve(referral, "NGO_LEGAL_AID");
    serve(referral, "POLICE");

    assertThat(history(referral, "referralDecision")).containsExactlyInAnyOrder(
        Arrays.asList("DECLINED", null, "ACKNOWLEDGED"), List.of("ACKNOWLEDGED"));
    assertThat(history(referral, "declineReason"))
        .containsExactly(Arrays.asList("No capacity this month", null));
    assertThat(history(referral, "referralOutcome"))
        .containsExactlyInAnyOrder(List.of("COMPLETED"), List.of("COMPLETED"));
    // The table had a next agency for the declined one; the officer never had to find one.
    assertThat(history(referral, "nextAgencyFound"))
        .containsExactly(Arrays.asList(true, null));
    assertThat(history(referral, "manualAgency")).isEmpty();
    assertThat(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(referral.getId()).variableNameIn("manualAgency", "manualSearchNote")
        .count()).isZero();
  }

  @Test
  @DisplayName("R-REFERRAL: a declined FIR goes to the District Police Officer, then the Justice of Peace, in the table's order, and then to the officer")
  void declinedPoliceReferralFollowsTheTablesOrder() {
    ProcessInstance referral = referTrafficking("F");
    decline(referral, "POLICE");
    decline(referral, "DISTRICT_POLICE_OFFICER");
    decline(referral, "JUSTICE_OF_PEACE");

    assertThat(recorded(referral)).filteredOn(row -> row.status() == Referral.Status.DECLINED)
        .extracting(Referral::agency)
        .containsExactlyInAnyOrder("POLICE", "DISTRICT_POLICE_OFFICER", "JUSTICE_OF_PEACE");
    assertThat(findAgencyTask(referral).getName()).isEqualTo("Find an agency for the referral");
  }

  @Test
  @DisplayName("R-REFERRAL: a referral started before plans were JSON, still holding its plan as text, routes a declined referral on in the table's order")
  void referralHoldingItsPlanAsEarlierTextStillRoutesOn() {
    ProcessInstance referral = referTrafficking("F");
    assertThat(runtimeService.getVariable(referral.getId(), "referralFallbacks"))
        .asString().startsWith("{");
    // as a referral running on a deployed database holds it (spacing and case as typed then)
    runtimeService.setVariable(referral.getId(), "referralFallbacks",
        " POLICE > DISTRICT_POLICE_OFFICER>JUSTICE_OF_PEACE ; LEGAL_AID>NGO_LEGAL_AID");
    runtimeService.setVariable(referral.getId(), "referralAgencies",
        "POLICE, FIA,SOCIAL_WORKER,LEGAL_AID");

    decline(referral, "POLICE");
    decline(referral, "DISTRICT_POLICE_OFFICER");
    decline(referral, "LEGAL_AID");

    assertThat(task(referral, ACKNOWLEDGE, "JUSTICE_OF_PEACE")).isNotNull();
    assertThat(task(referral, ACKNOWLEDGE, "NGO_LEGAL_AID")).isNotNull();
    assertThat(returned(referral, ReferralVariables.REFERRAL_AGENCIES))
        .containsExactly("POLICE", "FIA", "SOCIAL_WORKER", "LEGAL_AID");
  }

  @Test
  @DisplayName("R-REFERRAL: when the table has no next agency, the officer finds one and the referral goes there")
  void officerFindsAnAgencyWhenTheTableHasNoneLeft() {
    ProcessInstance referral = referTrafficking("F");
    decline(referral, "FIA");

    assertThat(referral).isWaitingAt(FIND_AGENCY);
    taskService.complete(findAgencyTask(referral).getId(), Map.of(
        "manualAgency", "SHELTER",
        "manualSearchNote", "FIA circle has no officer; NGO shelter programme agreed"));

    Task found = task(referral, ACKNOWLEDGE, "SHELTER");
    assertThat(taskService.getVariable(found.getId(), "manualAgency")).isNull();
    assertThat(recorded(referral, "SHELTER").previousReferralId())
        .isEqualTo(recorded(referral, "FIA").id());
    serve(referral, "SHELTER");
    assertThat(referral).hasPassed("Service_ReferToAgencyFound");
  }

  @Test
  @DisplayName("R-REFERRAL: when no agency can help, the officer records it, the referral ends and the case is told")
  void noAgencyAvailableEndsTheReferral() {
    ProcessInstance referral = referTrafficking("M");
    decline(referral, "FIA");

    Task find = findAgencyTask(referral);
    assertThat(candidateGroups(find)).containsExactly("cpo-pb-lahore");
    taskService.complete(find.getId(), Map.of(
        "manualSearchNote", "No other agency handles trafficking in Lahore this week"));

    assertThat(referral).hasPassed("End_NoAgencyAvailable");
    serve(referral, "POLICE");
    serve(referral, "SOCIAL_WORKER");
    serve(referral, "LEGAL_AID");
    assertThat(referral).isEnded();
    assertThat(returned(referral, ReferralVariables.REFERRAL_OUTCOMES)).containsExactly(
        outcome("FIA", "DECLINED"), outcome("LEGAL_AID", "COMPLETED"),
        outcome("POLICE", "COMPLETED"), outcome("SOCIAL_WORKER", "COMPLETED"));
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: finding an agency for a girl's referral is a task for female officers only")
  void findingAnAgencyForAGirlIsForFemaleOfficers() {
    ProcessInstance referral = referTrafficking("F");
    decline(referral, "FIA");

    assertThat(candidateGroups(findAgencyTask(referral))).containsExactly("cpo-pb-lahore-female");
  }

  @Test
  @DisplayName("R-REFERRAL: an answer that neither acknowledges nor declines is refused and the referral stays open")
  void answerWithoutDecisionIsRefused() {
    ProcessInstance referral = referTrafficking("F");
    String police = task(referral, ACKNOWLEDGE, "POLICE").getId();

    assertThatThrownBy(() -> taskService.complete(police, Map.of("declineReason", "unsure")))
        .hasMessageContaining("referralDecision");
    assertThat(task(referral, ACKNOWLEDGE, "POLICE").getId()).isEqualTo(police);
  }

  @Test
  @DisplayName("R-REFERRAL: referrals sent together are due for acknowledgement 48 hours after they are sent")
  void referralsAreDueFortyEightHoursAfterTheyAreSent() {
    ProcessInstance referral = referTrafficking("F");

    assertThat(tasks(referral, ACKNOWLEDGE)).extracting(task -> task.getDueDate().toInstant())
        .containsOnly(IDENTIFIED.plus(Duration.ofHours(48)));
    Clock clock = deadlines.ofCase(referral.getBusinessKey()).get(0);
    assertThat(clock.rule()).isEqualTo("R-REFERRAL");
    assertThat(clock.startedAt()).isEqualTo(IDENTIFIED);
    assertThat(clock.warningAt()).isEqualTo(IDENTIFIED.plus(Duration.ofHours(36)));
    assertThat(clock.dueAt()).isEqualTo(IDENTIFIED.plus(Duration.ofHours(48)));
  }

  @Test
  @DisplayName("R-REFERRAL: referrals nobody answers within 48 hours are at risk after 36 and breached at 48, and the district supervisor reviews the breach")
  void unansweredReferralIsBreachedAndReviewed() {
    ProcessInstance referral = referTrafficking("F");
    String caseNumber = referral.getBusinessKey();

    cases.clockAt(IDENTIFIED.plus(Duration.ofHours(36)));
    deadlines.recordDueTransitions();
    // One clock per agency's referral, each at risk.
    assertThat(deadlines.ofCase(caseNumber)).extracting(Clock::status)
        .hasSize(4).containsOnly(ClockStatus.AT_RISK);
    cases.clockAt(IDENTIFIED.plus(Duration.ofHours(48)));
    deadlines.recordDueTransitions();

    assertThat(deadlines.ofCase(caseNumber)).extracting(Clock::status)
        .hasSize(4).containsOnly(ClockStatus.BREACHED);
    cases.startOwedReviews(caseNumber);
    List<Task> reviews = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("deadlineBreachReview").list();
    assertThat(reviews).hasSize(4);
    assertThat(referral).isWaitingAt(ACKNOWLEDGE);
    for (Task review : reviews) {
      assertThat(candidateGroups(review)).containsExactly("supervisor-pb-lahore");
      taskService.complete(review.getId(), Map.of("breachCause", "OTHER",
          "breachAction", "Called the agency's focal point"));
    }
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey("deadlineBreachReview")
        .finished().count()).isEqualTo(4);
  }

  /** Parallel referrals each run their own R-REFERRAL clock, kept per multi-instance execution. */
  @Test
  @DisplayName("R-REFERRAL: each agency's acknowledgement runs on its own 48-hour clock")
  void eachAgencyHasItsOwnClock() {
    ProcessInstance referral = referTrafficking("F");
    cases.clockAt(IDENTIFIED.plus(Duration.ofHours(2)));
    acknowledge(referral, "FIA");

    assertThat(deadlines.ofCase(referral.getBusinessKey()))
        .extracting(Clock::agency, Clock::status)
        .containsExactlyInAnyOrder(tuple("POLICE", ClockStatus.RUNNING),
            tuple("FIA", ClockStatus.MET), tuple("SOCIAL_WORKER", ClockStatus.RUNNING),
            tuple("LEGAL_AID", ClockStatus.RUNNING));
  }
}
