package pk.hifazat.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static pk.hifazat.Reports.iso;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.CaseDriver;
import pk.hifazat.CaseHandover;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.sla.Clock;
import pk.hifazat.sla.ClockStatus;
import pk.hifazat.sla.DeadlineClocks;

/**
 * Every path of placement and follow-up, started as the case starts it: each placement option,
 * the institution the registry chooses, the supervisor's placement when no bed is free, the
 * quarterly review while in care, and six months of follow-up after release.
 */
@HifazatTest
class PlacementPathwayTest {

  private static final Instant PLACEMENT_NEEDED =
      OffsetDateTime.parse("2026-11-20T10:00:00+05:00").toInstant();

  @Autowired CaseDriver cases;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired DeadlineClocks deadlines;
  @Autowired PlacementRegistry registry;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void startTheDay() {
    init(engine);
    cases.clockAt(PLACEMENT_NEEDED);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- starting the pathway as the case's call activity does -----------------------------------

  private ProcessInstance start(String caseNumber, String province, String district, String sex,
      int age, String offences) {
    Map<String, Object> variables = CaseHandover.of(caseNumber, province, district, sex, age,
        offences, PLACEMENT_NEEDED.minus(Duration.ofDays(3)));
    variables.put("custodyTakenAt", iso(PLACEMENT_NEEDED.minus(Duration.ofDays(2))));
    return runtimeService.startProcessInstanceByKey("placement", caseNumber, variables);
  }

  private ProcessInstance inLahore(String caseNumber, String sex, int age, String offences) {
    return start(caseNumber, "PB", "Lahore", sex, age, offences);
  }

  private void assess(String caseNumber, Object perpetrator, boolean parents,
      boolean extendedFamily, boolean suitablePerson) {
    cases.complete(caseNumber, "Task_AssessFamily", Map.of(
        "perpetratorInHousehold", perpetrator, "parentsAbleToCare", parents,
        "extendedFamilyAvailable", extendedFamily, "suitablePersonAvailable", suitablePerson));
  }

  private void arrangeWithFamily(String caseNumber, String caregiver) {
    cases.complete(caseNumber, "Task_ArrangeFamilyPlacement", Map.of(
        "caregiverRelationship", caregiver, "homeVisitDone", true,
        "placementArrangements", "Home visited; school enrolment arranged"));
  }

  private void confirmPlacement(String caseNumber, boolean caregiverIsFemale) {
    cases.complete(caseNumber, "Task_ConfirmPlacement", Map.of(
        "placedAt", iso(cases.now()), "caregiverIsFemale", caregiverIsFemale,
        "courtOrderDate", iso(cases.now().minus(Duration.ofDays(1)))));
  }

  private void release(String caseNumber) {
    cases.complete(caseNumber, "Task_ReleaseChild", Map.of(
        "releasedAt", iso(cases.now()), "releaseReason", "RESTORED_TO_FAMILY"));
  }

  private void visit(String caseNumber) {
    cases.complete(caseNumber, "Task_FollowUpVisit", Map.of(
        "visitedAt", iso(cases.now()), "childSafeAndWell", "true",
        "visitNotes", "Attending school; family receives the cash transfer"));
  }

  private void review(String caseNumber) {
    cases.complete(caseNumber, "Task_ReviewInterventionPlan", Map.of(
        "reviewDate", LocalDate.ofInstant(cases.now(), Reports.PKT).toString(),
        "planStillAppropriate", "true", "changes", "Counselling continues fortnightly"));
    cases.complete(caseNumber, "Task_ApprovePlanReview", Map.of("planReviewDecision", "APPROVED"));
  }

  private Object variable(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

  private int occupied(String institutionId) {
    return registry.find(institutionId).orElseThrow().occupied();
  }

  /** Months as the engine's timers count them (the JVM's calendar). */
  private static Instant monthsAfter(Instant instant, int months) {
    return instant.atZone(ZoneId.systemDefault()).plusMonths(months).toInstant();
  }

  private Instant dueDateOfTimer(ProcessInstance instance, String activityId) {
    Job timer = engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).activityId(activityId).timers().singleResult();
    assertThat(timer).as("timer %s", activityId).isNotNull();
    return timer.getDuedate().toInstant();
  }

  private Clock reviewClock(String caseNumber) {
    return deadlines.ofCase(caseNumber).stream()
        .filter(clock -> clock.rule().equals("R-REVIEW-3M"))
        .max(java.util.Comparator.comparing(Clock::startedAt))
        .orElseThrow(() -> new AssertionError("No R-REVIEW-3M clock for " + caseNumber));
  }

  /** A case file row, so the stages the pathway enters can be seen (case.stage). */
  private void fileCase(String caseNumber) {
    jdbc.sql("""
            insert into case_file (case_number, process_instance_id, province, district,
              reported_at, source, child_sex, child_age_years, age_estimated, age_disputed,
              nationality, offence_types, stage, stage_entered_at, registered_at, registered_by)
            values (?, ?, 'PB', 'Lahore', ?, 'HELPLINE_1098', 'M', 12, false, false, 'PK',
              'FORCED_LABOUR', 'COURT_DECIDED', ?, ?, 'admin')""")
        .params(caseNumber, "the-case-process", PLACEMENT_NEEDED.atOffset(Reports.PKT),
            PLACEMENT_NEEDED.atOffset(Reports.PKT), PLACEMENT_NEEDED.atOffset(Reports.PKT))
        .update();
  }

  private String stage(String caseNumber) {
    return jdbc.sql("select stage from case_file where case_number = ?").params(caseNumber)
        .query(String.class).single();
  }

  // --- the paths ---------------------------------------------------------------------------------

  @Test
  @DisplayName("R-PLACEMENT-ORDER: a child whose parents can care stays with them, without a court order, and is followed up after release")
  void childWhoseParentsCanCareStaysHome() {
    String caseNumber = "PB-2026-810001";
    ProcessInstance placement = inLahore(caseNumber, "M", 11, "FORCED_LABOUR");
    assertThat(placement).isWaitingAt("Task_AssessFamily");
    assertThat(cases.task(caseNumber, "Task_AssessFamily")).hasCandidateGroup("cpo-pb-lahore");

    assess(caseNumber, "false", true, true, true);

    assertThat(placement).isWaitingAt("Task_ArrangeFamilyPlacement");
    assertThat(placement).variables()
        .containsEntry("placementOption", "PARENTAL_CARE")
        .containsEntry("courtOrderNeeded", false);
    arrangeWithFamily(caseNumber, "PARENTS");
    confirmPlacement(caseNumber, false);
    assertThat(placement).isWaitingAt("Task_ReleaseChild");

    release(caseNumber);

    assertThat(placement).hasPassedInOrder("Task_AssessFamily", "Rule_PlacementOptions",
        "Task_ArrangeFamilyPlacement", "Task_ConfirmPlacement", "Task_ReleaseChild",
        "Gateway_BedHeld", "Start_FollowUp");
    assertThat(placement).hasNotPassed("Service_ReserveBed", "Task_FindPlacementManually",
        "Service_ReleaseBed");
    assertThat(placement).isWaitingAt("Task_FollowUpVisit");
  }

  @ParameterizedTest(name = "{4}")
  @DisplayName("R-PLACEMENT-ORDER: the extended family comes before a suitable person, and either is arranged by the officer on the court's order")
  @CsvSource({
      "PB-2026-810011, false, true,  true, EXTENDED_FAMILY, GRANDPARENTS",
      "PB-2026-810012, false, false, true, SUITABLE_PERSON, SUITABLE_PERSON"})
  void familyOptionsInOrderOfPreference(String caseNumber, boolean parents, boolean extendedFamily,
      boolean suitablePerson, String option, String caregiver) {
    ProcessInstance placement = inLahore(caseNumber, "M", 9, "CHILD_MARRIAGE");

    assess(caseNumber, false, parents, extendedFamily, suitablePerson);

    assertThat(placement).isWaitingAt("Task_ArrangeFamilyPlacement");
    assertThat(placement).variables()
        .containsEntry("placementOption", option)
        .containsEntry("courtOrderNeeded", true);
    arrangeWithFamily(caseNumber, caregiver);
    confirmPlacement(caseNumber, false);
    assertThat(placement).isWaitingAt("Task_ReleaseChild");
    assertThat(placement).hasNotPassed("Service_ReserveBed");
  }

  @Test
  @DisplayName("R-NO-REMOVAL: with a perpetrator in the household the child is not left with the parents or relatives, but with a suitable person")
  void perpetratorInTheHouseholdExcludesTheFamily() {
    String caseNumber = "PB-2026-810021";
    ProcessInstance placement = inLahore(caseNumber, "M", 13, "SEXUAL_ABUSE");

    assess(caseNumber, "true", true, true, true);

    assertThat(placement).variables()
        .containsEntry("placementOption", "SUITABLE_PERSON")
        .containsEntry("courtOrderNeeded", true);
    assertThat(placement).isWaitingAt("Task_ArrangeFamilyPlacement");
  }

  @Test
  @DisplayName("R-SPECIALISED-SHELTER: a sexually abused girl with no family option gets a bed at the specialised, female-staffed institution the registry chooses")
  void girlWithNoFamilyOptionGetsASpecialisedFemaleStaffedBed() {
    String caseNumber = "PB-2026-810031";
    int before = occupied("PB-LAHORE-DARULAMAN");
    ProcessInstance placement = inLahore(caseNumber, "F", 14, "TRAFFICKING,SEXUAL_ABUSE");
    assertThat(cases.task(caseNumber, "Task_AssessFamily"))
        .hasCandidateGroup("cpo-pb-lahore-female");

    assess(caseNumber, "false", false, false, false);

    assertThat(placement).hasPassed("Service_ReserveBed");
    assertThat(placement).variables()
        .containsEntry("placementOption", "INSTITUTION")
        .containsEntry("institutionId", "PB-LAHORE-DARULAMAN")
        .containsEntry("institutionName", "Dar-ul-Aman Lahore");
    assertThat(occupied("PB-LAHORE-DARULAMAN")).isEqualTo(before + 1);
    assertThat(cases.task(caseNumber, "Task_ConfirmPlacement"))
        .hasCandidateGroup("cpo-pb-lahore-female");
    confirmPlacement(caseNumber, true);
    assertThat(placement).isWaitingAt("Task_ReleaseChild");
    assertThat(placement).hasNotPassed("Task_ArrangeFamilyPlacement", "Task_FindPlacementManually");
  }

  @Test
  @DisplayName("R-SPECIALISED-SHELTER: with no suitable bed free (no specialised shelter in Gilgit-Baltistan) the supervisor finds the placement")
  void noBedGoesToTheSupervisor() {
    String caseNumber = "GB-2026-810041";
    ProcessInstance placement = start(caseNumber, "GB", "Gilgit", "F", 15,
        "ONLINE_SEXUAL_EXPLOITATION,CSAM");

    assess(caseNumber, false, false, false, false);

    assertThat(placement).hasPassed("Boundary_NoBed");
    assertThat(placement).isWaitingAt("Task_FindPlacementManually");
    assertThat(cases.task(caseNumber, "Task_FindPlacementManually"))
        .hasCandidateGroup("supervisor-gb-gilgit");
    assertThat(runtimeService.getVariable(placement.getId(), "institutionId")).isNull();

    cases.complete(caseNumber, "Task_FindPlacementManually", Map.of(
        "placementOption", "INSTITUTION", "institutionName", "Dar-ul-Aman Islamabad",
        "placementArrangements", "Specialised shelter in Islamabad agreed to take her"));
    confirmPlacement(caseNumber, true);
    assertThat(placement).isWaitingAt("Task_ReleaseChild");

    release(caseNumber);
    assertThat(placement).hasNotPassed("Service_ReleaseBed");
    assertThat(placement).isWaitingAt("Task_FollowUpVisit");
    assertThat(variable(placement, "institutionName")).isEqualTo("Dar-ul-Aman Islamabad");
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: a girl placed with a male caregiver goes back to the supervisor for another placement")
  void girlWithAMaleCaregiverIsPlacedAgain() {
    String caseNumber = "PB-2026-810051";
    ProcessInstance placement = inLahore(caseNumber, "F", 8, "CHILD_MARRIAGE");
    assess(caseNumber, "false", true, true, false);
    arrangeWithFamily(caseNumber, "PARENTS");

    confirmPlacement(caseNumber, false);

    assertThat(placement).isWaitingAt("Task_FindPlacementManually");
    assertThat(cases.task(caseNumber, "Task_FindPlacementManually"))
        .hasCandidateGroup("supervisor-pb-lahore");
    cases.complete(caseNumber, "Task_FindPlacementManually", Map.of(
        "placementOption", "EXTENDED_FAMILY",
        "placementArrangements", "Maternal aunt takes her in; father moved out"));
    confirmPlacement(caseNumber, true);
    assertThat(placement).isWaitingAt("Task_ReleaseChild");
    assertThat(placement).variables().containsEntry("placementOption", "EXTENDED_FAMILY");
  }

  /** A boy placed with his parents, whose plan the officer reviews at three months. */
  private ProcessInstance planReviewedAfterThreeMonths(String caseNumber, int age,
      String changes) {
    ProcessInstance placement = inLahore(caseNumber, "M", age, "FORCED_LABOUR");
    assess(caseNumber, false, true, false, false);
    arrangeWithFamily(caseNumber, "PARENTS");
    Instant placedAt = cases.now();
    confirmPlacement(caseNumber, false);
    cases.clockAt(monthsAfter(placedAt, 3));
    cases.fireDueTimers(caseNumber);
    cases.complete(caseNumber, "Task_ReviewInterventionPlan", Map.of(
        "reviewDate", LocalDate.ofInstant(cases.now(), Reports.PKT).toString(),
        "planStillAppropriate", "true", "changes", changes));
    return placement;
  }

  @Test
  @DisplayName("R-REVIEW-3M, R-PLAN-APPROVAL: the reviewed plan goes to the district's supervisor, who approves it within seven days")
  void reviewedPlanIsApprovedByTheDistrictSupervisor() {
    String caseNumber = "PB-2026-810091";
    ProcessInstance placement = planReviewedAfterThreeMonths(caseNumber, 10,
        "Counselling continues fortnightly");

    assertThat(placement).isWaitingAt("Task_ReleaseChild", "Task_ApprovePlanReview");
    Task approval = cases.task(caseNumber, "Task_ApprovePlanReview");
    assertThat(approval).hasCandidateGroup("supervisor-pb-lahore");
    assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
        .extracting(link -> link.getGroupId()).containsExactly("supervisor-pb-lahore");
    Instant due = cases.now().atZone(ZoneId.of("Asia/Karachi")).plusDays(7).toInstant();
    assertThat(approval.getDueDate().toInstant()).isEqualTo(due);
    assertThat(approvalClock(caseNumber).dueAt()).isEqualTo(due);

    cases.clockAt(cases.now().plus(Duration.ofDays(2)));
    cases.complete(caseNumber, "Task_ApprovePlanReview", Map.of("planReviewDecision", "APPROVED"));

    assertThat(placement).isWaitingAt("Task_ReleaseChild");
    assertThat(placement).isNotWaitingAt("Task_ApprovePlanReview", "Task_ReviewInterventionPlan");
    assertThat(placement).hasPassedInOrder("Gateway_ReviewAgain", "Task_ReviewInterventionPlan",
        "Task_ApprovePlanReview", "Gateway_PlanApproved", "End_PlanReviewed");
    assertThat(approvalClock(caseNumber).status()).isEqualTo(ClockStatus.MET);
  }

  @Test
  @DisplayName("R-REVIEW-3M, R-PLAN-APPROVAL: a refused plan goes back to the officer with the supervisor's reason, and is reviewed again")
  void refusedPlanGoesBackToTheOfficerWithTheReason() {
    String caseNumber = "PB-2026-810092";
    ProcessInstance placement = planReviewedAfterThreeMonths(caseNumber, 13, "No change");
    assertThat(cases.task(caseNumber, "Task_ApprovePlanReview"))
        .hasCandidateGroup("supervisor-pb-lahore");

    cases.complete(caseNumber, "Task_ApprovePlanReview", Map.of("planReviewDecision", "REFUSED",
        "planRefusalReason", "School attendance is not in the plan"));

    assertThat(placement).isWaitingAt("Task_ReleaseChild", "Task_ReviewInterventionPlan");
    assertThat(placement).isNotWaitingAt("Task_ApprovePlanReview");
    assertThat(cases.task(caseNumber, "Task_ReviewInterventionPlan"))
        .hasCandidateGroup("cpo-pb-lahore");
    assertThat(placement).variables()
        .containsEntry("planRefusalReason", "School attendance is not in the plan");
    assertThat(historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(placement.getId()).activityId("Gateway_ReviewAgain").count())
        .isEqualTo(2);

    review(caseNumber);
    assertThat(placement).isWaitingAt("Task_ReleaseChild");
    assertThat(placement).isNotWaitingAt("Task_ApprovePlanReview", "Task_ReviewInterventionPlan");
  }

  private Clock approvalClock(String caseNumber) {
    return deadlines.ofCase(caseNumber).stream()
        .filter(clock -> clock.rule().equals("R-PLAN-APPROVAL"))
        .max(java.util.Comparator.comparing(Clock::startedAt))
        .orElseThrow(() -> new AssertionError("No R-PLAN-APPROVAL clock for " + caseNumber));
  }

  @Test
  @DisplayName("R-REVIEW-3M: the intervention plan review falls due every three months in care, and a release ends the reviews")
  void interventionPlanIsReviewedQuarterly() {
    String caseNumber = "PB-2026-810061";
    ProcessInstance placement = inLahore(caseNumber, "M", 10, "FORCED_LABOUR");
    assess(caseNumber, false, true, false, false);
    arrangeWithFamily(caseNumber, "PARENTS");
    Instant placedAt = cases.now();
    confirmPlacement(caseNumber, false);
    Instant firstReview = monthsAfter(placedAt, 3);
    assertThat(dueDateOfTimer(placement, "Timer_QuarterlyReview")).isEqualTo(firstReview);

    cases.clockAt(firstReview.minus(Duration.ofHours(1)));
    assertThat(cases.fireDueTimers(caseNumber)).isZero();
    cases.clockAt(firstReview);
    cases.fireDueTimers(caseNumber);

    assertThat(placement).isWaitingAt("Task_ReleaseChild", "Task_ReviewInterventionPlan");
    assertThat(cases.task(caseNumber, "Task_ReviewInterventionPlan"))
        .hasCandidateGroup("cpo-pb-lahore");
    Clock clock = reviewClock(caseNumber);
    Instant reviewDue = firstReview.atZone(ZoneId.of("Asia/Karachi")).plusDays(30).toInstant();
    assertThat(clock.dueAt()).isEqualTo(reviewDue);
    assertThat(cases.task(caseNumber, "Task_ReviewInterventionPlan").getDueDate().toInstant())
        .isEqualTo(reviewDue);
    cases.clockAt(firstReview.plus(Duration.ofDays(10)));
    review(caseNumber);
    assertThat(reviewClock(caseNumber).status()).isEqualTo(ClockStatus.MET);

    Instant secondReview = monthsAfter(placedAt, 6);
    cases.clockAt(secondReview);
    cases.fireDueTimers(caseNumber);
    assertThat(placement).isWaitingAt("Task_ReleaseChild", "Task_ReviewInterventionPlan");

    release(caseNumber);

    assertThat(placement).isWaitingAt("Task_FollowUpVisit");
    assertThat(placement).isNotWaitingAt("Task_ReviewInterventionPlan");
    assertThat(reviewClock(caseNumber).stopReason()).isEqualTo(Clock.StopReason.CANCELLED);
    assertThat(historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(placement.getId()).taskDefinitionKey("Task_ReviewInterventionPlan")
        .count()).isEqualTo(2);
  }

  /** Places a boy at the Lahore institution and releases him a month later; returns the release. */
  private Instant releasedFromTheInstitution(String caseNumber, ProcessInstance placement) {
    assess(caseNumber, true, true, true, false);
    assertThat(placement).variables().containsEntry("institutionId", "PB-LAHORE-CPI");
    confirmPlacement(caseNumber, false);
    cases.clockAt(PLACEMENT_NEEDED.plus(Duration.ofDays(30)));
    Instant releasedAt = cases.now();
    release(caseNumber);
    assertThat(placement).isWaitingAt("Task_FollowUpVisit");
    assertThat(dueDateOfTimer(placement, "Timer_FollowUp6m"))
        .isEqualTo(monthsAfter(releasedAt, 6));
    return releasedAt;
  }

  private long followUpVisits(ProcessInstance instance, String deleteReason) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_FollowUpVisit").taskDeleteReason(deleteReason).count();
  }

  @Test
  @DisplayName("R-FOLLOWUP-6M: a child released from an institution frees the bed, is visited every month, and the sixth visit completes the follow-up")
  void sixMonthlyVisitsCompleteTheFollowUp() {
    String caseNumber = "PB-2026-810071";
    int before = occupied("PB-LAHORE-CPI");
    fileCase(caseNumber);
    ProcessInstance placement = inLahore(caseNumber, "M", 12, "FORCED_LABOUR");
    assertThat(stage(caseNumber)).isEqualTo("PLACEMENT");

    Instant releasedAt = releasedFromTheInstitution(caseNumber, placement);

    assertThat(placement).hasPassed("Service_ReleaseBed");
    assertThat(occupied("PB-LAHORE-CPI")).isEqualTo(before);
    assertThat(stage(caseNumber)).isEqualTo("FOLLOW_UP");
    for (int month = 1; month <= 5; month++) {
      visit(caseNumber);
      assertThat(placement).isWaitingAt("Timer_NextVisit");
      assertThat(dueDateOfTimer(placement, "Timer_NextVisit"))
          .isEqualTo(monthsAfter(cases.now(), 1));
      cases.clockAt(monthsAfter(releasedAt, month).minus(Duration.ofMinutes(1)));
      assertThat(cases.fireDueTimers(caseNumber)).isZero();
      cases.clockAt(monthsAfter(releasedAt, month));
      cases.fireDueTimers(caseNumber);
      assertThat(placement).isWaitingAt("Task_FollowUpVisit");
    }

    visit(caseNumber);

    assertThat(placement).hasPassedInOrder("Task_FollowUpVisit", "Gateway_SixVisitsMade",
        "End_SixVisitsMade", "End_SixVisitsFollowUpComplete").isEnded();
    assertThat(placement).hasNotPassed("Timer_FollowUp6m", "End_FollowUpComplete");
    assertThat(followUpVisits(placement, "completed")).isEqualTo(6);
    HistoricVariableInstance visitsMade = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(placement.getId()).variableName("followUpVisitsMade").singleResult();
    assertThat(visitsMade.getValue()).isEqualTo(6L);
    assertThat(visitsMade.getActivityInstanceId()).as("counted on the process instance")
        .isEqualTo(placement.getId());
    assertThat(variable(placement, "placementOption")).isEqualTo("INSTITUTION");
    assertThat(variable(placement, "releasedAt")).isEqualTo(iso(releasedAt));
  }

  @Test
  @DisplayName("R-FOLLOWUP-6M: when visits lag, the follow-up still ends six months after release, with the visit then open no longer due")
  void followUpEndsSixMonthsAfterReleaseEvenIfVisitsLag() {
    String caseNumber = "PB-2026-810072";
    ProcessInstance placement = inLahore(caseNumber, "M", 12, "FORCED_LABOUR");
    Instant releasedAt = releasedFromTheInstitution(caseNumber, placement);
    Instant sixMonths = monthsAfter(releasedAt, 6);

    // each visit is made five days after it falls due: the sixth falls due late in the sixth month
    Instant visitDue = releasedAt;
    for (int visits = 1; visits <= 5; visits++) {
      cases.clockAt(visitDue.plus(Duration.ofDays(5)));
      visit(caseNumber);
      visitDue = monthsAfter(cases.now(), 1);
      assertThat(dueDateOfTimer(placement, "Timer_NextVisit")).isEqualTo(visitDue);
      cases.clockAt(visitDue);
      cases.fireDueTimers(caseNumber);
      assertThat(placement).isWaitingAt("Task_FollowUpVisit");
    }
    assertThat(visitDue).isBefore(sixMonths);
    cases.clockAt(sixMonths.minus(Duration.ofMinutes(1)));
    assertThat(cases.fireDueTimers(caseNumber)).isZero();

    cases.clockAt(sixMonths);
    cases.fireDueTimers(caseNumber);

    assertThat(placement).hasPassed("Timer_FollowUp6m", "End_FollowUpComplete").isEnded();
    assertThat(placement).hasNotPassed("End_SixVisitsMade", "End_SixVisitsFollowUpComplete");
    assertThat(followUpVisits(placement, "completed")).isEqualTo(5);
    assertThat(followUpVisits(placement, "deleted")).as("the sixth visit, no longer due")
        .isEqualTo(1);
    assertThat(variable(placement, "followUpVisitsMade")).isEqualTo(5L);
  }
}
