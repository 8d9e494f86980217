package pk.hifazat.compensation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static pk.hifazat.Reports.iso;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
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
import pk.hifazat.CaseHandover;
import pk.hifazat.HifazatTest;
import pk.hifazat.sla.Clock;
import pk.hifazat.sla.ClockStatus;
import pk.hifazat.sla.DeadlineClocks;
import pk.hifazat.sla.DeadlineDeclaration;

/**
 * Every path of compensation and prosecution (R-COMPENSATION, R-LEGAL-AID, R-PROSECUTION),
 * started the way the case starts it, with the case's variables.
 */
@HifazatTest
class CompensationPathwayTest {

  private static final Instant START = OffsetDateTime.parse("2026-12-01T10:00:00+05:00")
      .toInstant();
  private static final AtomicInteger CASES = new AtomicInteger(864_000);

  @Autowired CaseDriver cases;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired CompensationRecords records;
  @Autowired DeadlineClocks deadlines;

  @BeforeEach
  void startTheDay() {
    init(engine);
    cases.clockAt(START);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance start(String caseNumber, String childSex, String offenceTypes,
      String identificationOutcome) {
    Map<String, Object> variables = CaseHandover.inLahore(caseNumber, childSex, 14, offenceTypes,
        START.minus(Duration.ofDays(20)));
    variables.put("identificationOutcome", identificationOutcome);
    return runtimeService.startProcessInstanceByKey("compensation", caseNumber, variables);
  }

  private static String newCaseNumber() {
    return "PB-2026-" + CASES.incrementAndGet();
  }

  /** Each step a little later, so the recorded events have an order. */
  private void later() {
    cases.clockAt(cases.now().plus(Duration.ofHours(1)));
  }

  private void prepareClaim(String caseNumber, int amountRequested) {
    later();
    cases.complete(caseNumber, "Task_PrepareClaim", Map.of(
        "legalAidLawyerAssigned", true,
        "lossesDescribed", "Medical costs, lost schooling and mental anguish",
        "claimAmountRequested", amountRequested));
  }

  private Instant fileClaim(String caseNumber) {
    later();
    Instant filedAt = cases.now().minus(Duration.ofMinutes(30));
    cases.complete(caseNumber, "Task_FileClaim", Map.of(
        "claimFiledAt", iso(filedAt), "claimForum", "Sessions Court, Lahore"));
    return filedAt;
  }

  private void decide(String caseNumber, String decision, int amountGranted) {
    later();
    cases.complete(caseNumber, "Task_RecordDecision", Map.of(
        "compensationDecision", decision, "amountGranted", amountGranted,
        "compensationDecisionDate", iso(cases.now())));
  }

  private void considerAppeal(String caseNumber, boolean appealFiled) {
    later();
    cases.complete(caseNumber, "Task_ConsiderAppeal", Map.of("appealFiled", appealFiled));
  }

  private void recordAppealOutcome(String caseNumber, String outcome, int amountGranted) {
    later();
    cases.complete(caseNumber, "Task_RecordAppealOutcome", Map.of(
        "appealOutcome", outcome, "amountGranted", amountGranted));
  }

  private Instant pay(String caseNumber, int amountPaid) {
    later();
    Instant paidAt = cases.now().minus(Duration.ofMinutes(15));
    cases.complete(caseNumber, "Task_RecordDisbursement", Map.of(
        "disbursedAt", iso(paidAt), "amountPaid", amountPaid,
        "paymentReference", "HRRF-2026-0042"));
    return paidAt;
  }

  private void investigate(String caseNumber, boolean firRegistered, String agency) {
    later();
    Map<String, Object> values = new HashMap<>();
    values.put("firRegistered", firRegistered);
    values.put("investigatingAgency", agency);
    if (firRegistered) {
      values.put("firNumber", "FIR 512/2026");
    }
    cases.complete(caseNumber, "Task_RecordInvestigation", values);
  }

  private void prosecute(String caseNumber, boolean started) {
    later();
    cases.complete(caseNumber, "Task_RecordProsecution", started
        ? Map.of("prosecutionStarted", true, "prosecutionCourt", "Child Protection Court, Lahore")
        : Map.of("prosecutionStarted", false));
  }

  private Instant recordVerdict(String caseNumber, String verdict) {
    later();
    Instant verdictDate = cases.now().minus(Duration.ofHours(1));
    cases.complete(caseNumber, "Task_RecordVerdict", Map.of(
        "verdict", verdict, "verdictDate", iso(verdictDate)));
    return verdictDate;
  }

  private void endJusticeWithoutProsecution(String caseNumber) {
    investigate(caseNumber, true, "POLICE");
    prosecute(caseNumber, false);
  }

  private List<RecordedCompensationEvent> compensationEvents(String caseNumber) {
    return records.compensationEventsOf(caseNumber);
  }

  private List<RecordedJusticeEvent> justiceEvents(String caseNumber) {
    return records.justiceEventsOf(caseNumber);
  }

  private static BigDecimal pkr(int amount) {
    return new BigDecimal(amount).setScale(2);
  }

  @Test
  @DisplayName("R-COMPENSATION: a granted claim is paid, and the claim, decision and payment are each recorded")
  void grantedClaimIsPaidAndEveryStepIsRecorded() {
    String caseNumber = newCaseNumber();
    ProcessInstance pathway = start(caseNumber, "F", "SEXUAL_ABUSE", "CONFIRMED_VICTIM");
    assertThat(pathway).isWaitingAt("Task_PrepareClaim", "Task_RecordInvestigation");
    assertThat(pathway).variables().containsEntry("compensationEligible", true)
        .containsEntry("compensationScheme", "CRPC_545");
    assertThat(cases.task(caseNumber, "Task_PrepareClaim"))
        .hasCandidateGroup("cpo-pb-lahore-female");

    prepareClaim(caseNumber, 500_000);
    Instant filedAt = fileClaim(caseNumber);
    decide(caseNumber, "GRANTED", 300_000);
    Instant paidAt = pay(caseNumber, 300_000);
    endJusticeWithoutProsecution(caseNumber);

    assertThat(pathway).hasPassedInOrder("Rule_Eligibility", "Task_PrepareClaim",
        "Task_FileClaim", "Task_RecordDecision", "Task_RecordDisbursement",
        "End_CompensationAndJustice").isEnded();
    assertThat(pathway).hasNotPassed("Task_RecordIneligibility", "Task_ConsiderAppeal",
        "Task_RecordAppealOutcome");
    assertThat(compensationEvents(caseNumber))
        .extracting(RecordedCompensationEvent::event, RecordedCompensationEvent::outcome,
            RecordedCompensationEvent::amount, RecordedCompensationEvent::scheme)
        .containsExactly(
            tuple("CLAIM_FILED", null, pkr(500_000), "CRPC_545"),
            tuple("DECISION", "GRANTED", pkr(300_000), "CRPC_545"),
            tuple("PAYMENT", null, pkr(300_000), "CRPC_545"));
    assertThat(compensationEvents(caseNumber)).allSatisfy(event -> {
      assertThat(event.step().province()).isEqualTo("PB");
      assertThat(event.step().district()).isEqualTo("Lahore");
      assertThat(event.step().processInstanceId()).isEqualTo(pathway.getId());
    });
    assertThat(compensationEvents(caseNumber).get(0).step().occurredAt()).isEqualTo(filedAt);
    assertThat(compensationEvents(caseNumber).get(2).step().occurredAt()).isEqualTo(paidAt);
  }

  @Test
  @DisplayName("R-COMPENSATION: a child at risk is not eligible; the officer records why, and it is counted")
  void childAtRiskIsNotEligibleAndTheReasonIsRecorded() {
    String caseNumber = newCaseNumber();
    ProcessInstance pathway = start(caseNumber, "M", "CHILD_MARRIAGE", "CHILD_AT_RISK");
    assertThat(pathway).isWaitingAt("Task_RecordIneligibility", "Task_RecordInvestigation");
    assertThat(pathway).variables().containsEntry("compensationEligible", false);

    cases.complete(caseNumber, "Task_RecordIneligibility", Map.of(
        "ineligibilityReason", "Child at risk; no offence established yet"));
    endJusticeWithoutProsecution(caseNumber);

    assertThat(pathway).hasPassedInOrder("Rule_Eligibility", "Task_RecordIneligibility",
        "Gateway_CompensationDone", "Gateway_Join", "End_CompensationAndJustice").isEnded();
    assertThat(pathway).hasNotPassed("Task_PrepareClaim");
    assertThat(compensationEvents(caseNumber))
        .extracting(RecordedCompensationEvent::event, RecordedCompensationEvent::amount,
            RecordedCompensationEvent::scheme)
        .containsExactly(tuple("NOT_ELIGIBLE", null, null));
    assertThat(deadlines.ofCase(caseNumber)).extracting(Clock::rule)
        .doesNotContain("R-COMPENSATION");
  }

  @Test
  @DisplayName("R-COMPENSATION: a denied claim that is not appealed ends without payment, its decision recorded")
  void deniedClaimWithoutAppealEnds() {
    String caseNumber = newCaseNumber();
    ProcessInstance pathway = start(caseNumber, "M", "FORCED_LABOUR", "CONFIRMED_VICTIM");
    assertThat(pathway).variables()
        .containsEntry("compensationScheme", "HUMAN_RIGHTS_RELIEF_FUND");

    prepareClaim(caseNumber, 200_000);
    fileClaim(caseNumber);
    decide(caseNumber, "DENIED", 0);
    assertThat(pathway).isWaitingAt("Task_ConsiderAppeal", "Task_RecordInvestigation");
    considerAppeal(caseNumber, false);
    endJusticeWithoutProsecution(caseNumber);

    assertThat(pathway).hasPassedInOrder("Task_RecordDecision", "Task_ConsiderAppeal",
        "Gateway_AppealEnded", "Gateway_CompensationDone", "End_CompensationAndJustice")
        .isEnded();
    assertThat(pathway).hasNotPassed("Task_RecordAppealOutcome", "Task_RecordDisbursement");
    assertThat(compensationEvents(caseNumber))
        .extracting(RecordedCompensationEvent::event, RecordedCompensationEvent::outcome,
            RecordedCompensationEvent::amount, RecordedCompensationEvent::scheme)
        .containsExactly(
            tuple("CLAIM_FILED", null, pkr(200_000), "HUMAN_RIGHTS_RELIEF_FUND"),
            tuple("DECISION", "DENIED", null, "HUMAN_RIGHTS_RELIEF_FUND"),
            tuple("APPEAL", "NOT_FILED", null, "HUMAN_RIGHTS_RELIEF_FUND"));
  }

  @Test
  @DisplayName("R-COMPENSATION: compensation granted on appeal is paid, and the appeal and its decision are recorded")
  void compensationGrantedOnAppealIsPaid() {
    String caseNumber = newCaseNumber();
    ProcessInstance pathway = start(caseNumber, "F", "TRAFFICKING", "CONFIRMED_VICTIM");

    prepareClaim(caseNumber, 400_000);
    fileClaim(caseNumber);
    decide(caseNumber, "DENIED", 0);
    considerAppeal(caseNumber, true);
    recordAppealOutcome(caseNumber, "GRANTED", 250_000);
    assertThat(pathway).isWaitingAt("Task_RecordDisbursement", "Task_RecordInvestigation");
    pay(caseNumber, 250_000);
    endJusticeWithoutProsecution(caseNumber);

    assertThat(pathway).hasPassedInOrder("Task_ConsiderAppeal", "Task_RecordAppealOutcome",
        "Gateway_ToDisbursement", "Task_RecordDisbursement", "End_CompensationAndJustice")
        .isEnded();
    assertThat(compensationEvents(caseNumber))
        .extracting(RecordedCompensationEvent::event, RecordedCompensationEvent::outcome,
            RecordedCompensationEvent::amount)
        .containsExactly(
            tuple("CLAIM_FILED", null, pkr(400_000)),
            tuple("DECISION", "DENIED", null),
            tuple("APPEAL", "FILED", null),
            tuple("APPEAL_DECISION", "GRANTED", pkr(250_000)),
            tuple("PAYMENT", null, pkr(250_000)));
  }

  @Test
  @DisplayName("R-COMPENSATION: a denied appeal ends the claim without payment")
  void deniedAppealEndsTheClaim() {
    String caseNumber = newCaseNumber();
    ProcessInstance pathway = start(caseNumber, "F", "ONLINE_SEXUAL_EXPLOITATION",
        "CONFIRMED_VICTIM");

    prepareClaim(caseNumber, 100_000);
    fileClaim(caseNumber);
    decide(caseNumber, "DENIED", 0);
    considerAppeal(caseNumber, true);
    recordAppealOutcome(caseNumber, "DENIED", 0);
    endJusticeWithoutProsecution(caseNumber);

    assertThat(pathway).hasPassedInOrder("Task_RecordAppealOutcome", "Gateway_AppealEnded",
        "Gateway_CompensationDone", "End_CompensationAndJustice").isEnded();
    assertThat(pathway).hasNotPassed("Task_RecordDisbursement");
    assertThat(compensationEvents(caseNumber))
        .extracting(RecordedCompensationEvent::event, RecordedCompensationEvent::outcome,
            RecordedCompensationEvent::amount)
        .endsWith(tuple("APPEAL_DECISION", "DENIED", null));
  }

  @Test
  @DisplayName("R-COMPENSATION: the claim is due 30 days after its preparation starts, warned 7 days before")
  void claimDeadlineRunsThirtyDaysFromEligibility() {
    String caseNumber = newCaseNumber();
    cases.clockAt(START.plus(Duration.ofHours(3)));
    Instant taskStarted = cases.now();
    start(caseNumber, "F", "SEXUAL_ABUSE", "CONFIRMED_VICTIM");

    Clock clock = deadlines.ofCase(caseNumber).stream()
        .filter(candidate -> candidate.rule().equals("R-COMPENSATION")).findFirst().orElseThrow();
    assertThat(clock.elementId()).isEqualTo("Task_PrepareClaim");
    assertThat(clock.kind()).isEqualTo(DeadlineDeclaration.Kind.POLICY);
    assertThat(clock.startedAt()).isEqualTo(taskStarted);
    assertThat(clock.dueAt()).isEqualTo(taskStarted.plus(Duration.ofDays(30)));
    assertThat(clock.warningAt()).isEqualTo(taskStarted.plus(Duration.ofDays(23)));
    assertThat(clock.status()).isEqualTo(ClockStatus.RUNNING);
    assertThat(cases.task(caseNumber, "Task_PrepareClaim").getDueDate().toInstant())
        .isEqualTo(taskStarted.plus(Duration.ofDays(30)));

    cases.clockAt(taskStarted.plus(Duration.ofDays(12)));
    prepareClaim(caseNumber, 150_000);

    Clock met = deadlines.ofCase(caseNumber).stream()
        .filter(candidate -> candidate.rule().equals("R-COMPENSATION")).findFirst().orElseThrow();
    assertThat(met.status()).isEqualTo(ClockStatus.MET);
    assertThat(met.stoppedAt()).isEqualTo(taskStarted.plus(Duration.ofDays(12)).plus(Duration.ofHours(1)));
  }

  @Test
  @DisplayName("R-COMPENSATION: a claim prepared more than 30 days after eligibility breaches the deadline and the supervisor reviews it")
  void lateClaimBreachesThePolicyDeadline() {
    String caseNumber = newCaseNumber();
    start(caseNumber, "F", "SEXUAL_ABUSE", "CONFIRMED_VICTIM");

    cases.clockAt(START.plus(Duration.ofDays(31)));
    prepareClaim(caseNumber, 150_000);

    Clock breached = deadlines.ofCase(caseNumber).stream()
        .filter(candidate -> candidate.rule().equals("R-COMPENSATION")).findFirst().orElseThrow();
    assertThat(breached.status()).isEqualTo(ClockStatus.BREACHED);
    assertThat(breached.breachedAt()).isEqualTo(START.plus(Duration.ofDays(30)));
    cases.startOwedReviews(caseNumber);
    assertThat(cases.task(caseNumber, "Task_ReviewDeadlineBreach"))
        .hasCandidateGroup("supervisor-pb-lahore");
    cases.complete(caseNumber, "Task_ReviewDeadlineBreach", Map.of(
        "breachCause", "OTHER", "breachAction", "Legal aid lawyer assigned late; spoke to the bar"));
    assertThat(cases.instance(caseNumber, "compensation")).isWaitingAt("Task_FileClaim",
        "Task_RecordInvestigation");
  }

  @Test
  @DisplayName("R-LEGAL-AID: the claim is prepared with the legal aid lawyer; without recording the lawyer it cannot be completed")
  void claimIsPreparedWithTheLegalAidLawyer() {
    String caseNumber = newCaseNumber();
    ProcessInstance pathway = start(caseNumber, "F", "SEXUAL_ABUSE", "CONFIRMED_VICTIM");
    String taskId = cases.task(caseNumber, "Task_PrepareClaim").getId();

    assertThatThrownBy(() -> cases.complete(caseNumber, "Task_PrepareClaim", Map.of(
            "claimAmountRequested", 100_000)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("legalAidLawyerAssigned");
    assertThat(cases.task(caseNumber, "Task_PrepareClaim").getId()).isEqualTo(taskId);

    prepareClaim(caseNumber, 100_000);
    assertThat(pathway).isWaitingAt("Task_FileClaim", "Task_RecordInvestigation");
    assertThat(pathway).variables().containsEntry("legalAidLawyerAssigned", true);
  }

  @Test
  @DisplayName("R-PROSECUTION: investigation, prosecution, conviction and sentence are recorded per case")
  void convictionAndSentenceAreRecorded() {
    String caseNumber = newCaseNumber();
    ProcessInstance pathway = start(caseNumber, "M", "TRAFFICKING", "CONFIRMED_VICTIM");
    assertThat(cases.task(caseNumber, "Task_RecordInvestigation"))
        .hasCandidateGroup("cpo-pb-lahore");

    investigate(caseNumber, true, "FIA");
    prosecute(caseNumber, true);
    Instant verdictDate = recordVerdict(caseNumber, "CONVICTED");
    assertThat(pathway).isWaitingAt("Task_PrepareClaim", "Task_RecordSentence");
    later();
    cases.complete(caseNumber, "Task_RecordSentence", Map.of(
        "sentenceYears", 10, "fineAmount", 500_000));

    assertThat(pathway).hasPassedInOrder("Task_RecordInvestigation", "Task_RecordProsecution",
        "Task_RecordVerdict", "Task_RecordSentence", "Gateway_JusticeDone");
    assertThat(pathway).isWaitingAt("Task_PrepareClaim");
    assertThat(justiceEvents(caseNumber))
        .extracting(RecordedJusticeEvent::event, RecordedJusticeEvent::outcome,
            RecordedJusticeEvent::agency)
        .containsExactly(
            tuple("INVESTIGATION", "FIR_REGISTERED", "FIA"),
            tuple("PROSECUTION", "STARTED", "FIA"),
            tuple("VERDICT", "CONVICTED", "FIA"),
            tuple("SENTENCE", null, "FIA"));
    assertThat(justiceEvents(caseNumber).get(2).step().occurredAt()).isEqualTo(verdictDate);
    assertThat(justiceEvents(caseNumber)).allSatisfy(event -> {
      assertThat(event.step().province()).isEqualTo("PB");
      assertThat(event.step().district()).isEqualTo("Lahore");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"ACQUITTED", "WITHDRAWN"})
  @DisplayName("R-PROSECUTION: an acquittal or a withdrawal ends the criminal case without a sentence")
  void acquittalOrWithdrawalEndsWithoutSentence(String verdict) {
    String caseNumber = newCaseNumber();
    ProcessInstance pathway = start(caseNumber, "F", "CSAM", "CONFIRMED_VICTIM");

    investigate(caseNumber, true, "NCCIA");
    prosecute(caseNumber, true);
    recordVerdict(caseNumber, verdict);

    assertThat(pathway).hasPassed("Gateway_JusticeDone");
    assertThat(pathway).hasNotPassed("Task_RecordSentence");
    assertThat(pathway).isWaitingAt("Task_PrepareClaim");
    assertThat(justiceEvents(caseNumber))
        .extracting(RecordedJusticeEvent::event, RecordedJusticeEvent::outcome)
        .containsExactly(tuple("INVESTIGATION", "FIR_REGISTERED"),
            tuple("PROSECUTION", "STARTED"), tuple("VERDICT", verdict));
  }

  @Test
  @DisplayName("R-PROSECUTION: a case not prosecuted is recorded as such and asks for no verdict")
  void caseNotProsecutedAsksForNoVerdict() {
    String caseNumber = newCaseNumber();
    ProcessInstance pathway = start(caseNumber, "M", "FORCED_LABOUR", "CONFIRMED_VICTIM");

    investigate(caseNumber, false, null);
    prosecute(caseNumber, false);

    assertThat(pathway).hasPassed("Gateway_JusticeDone");
    assertThat(pathway).hasNotPassed("Task_RecordVerdict");
    assertThat(justiceEvents(caseNumber))
        .extracting(RecordedJusticeEvent::event, RecordedJusticeEvent::outcome,
            RecordedJusticeEvent::agency)
        .containsExactly(tuple("INVESTIGATION", "NO_FIR", null),
            tuple("PROSECUTION", "NOT_STARTED", null));
  }
}
