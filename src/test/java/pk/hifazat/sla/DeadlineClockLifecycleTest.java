package pk.hifazat.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.TestModels;

/**
 * Every status change of a clock, recorded by the sweep without anybody looking, and the
 * supervisor told of a breach: a review task (the deadline breach review pathway) and an e-mail.
 */
@HifazatTest
class DeadlineClockLifecycleTest {

  private static final Instant REPORTED = OffsetDateTime.parse("2026-11-20T09:00:00+05:00")
      .toInstant();

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(
      new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @Autowired CaseDriver cases;
  @Autowired ClockRepository clocks;
  @Autowired DueClockSweeper sweeper;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void reportedThisMorning() {
    init(engine);
    cases.clockAt(REPORTED.plus(Duration.ofMinutes(10)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** The clock as stored, not as a reader would compute it: what the sweep recorded. */
  private Clock stored(String caseNumber, String rule) {
    return clocks.findByCase(caseNumber).stream().filter(clock -> clock.rule().equals(rule))
        .findFirst().orElseThrow();
  }

  private String boyNotYetInProtection() throws Exception {
    return cases.report(Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR", REPORTED));
  }

  @Test
  @DisplayName("R-ID-EARLY: RUNNING, then AT_RISK at the warning, then BREACHED at the due time, recorded by the sweep")
  void screeningClockRunsWarnsAndBreachesWithoutAnybodyLooking() throws Exception {
    String caseNumber = boyNotYetInProtection();
    assertThat(stored(caseNumber, "R-ID-EARLY").status()).isEqualTo(ClockStatus.RUNNING);

    cases.clockAt(REPORTED.plus(Duration.ofHours(18)));
    sweeper.sweep();
    Clock atRisk = stored(caseNumber, "R-ID-EARLY");
    assertThat(atRisk.status()).isEqualTo(ClockStatus.AT_RISK);
    assertThat(atRisk.atRiskAt()).isEqualTo(REPORTED.plus(Duration.ofHours(18)));

    cases.clockAt(REPORTED.plus(Duration.ofHours(24)).plusSeconds(5));
    sweeper.sweep();
    Clock breached = stored(caseNumber, "R-ID-EARLY");
    assertThat(breached.status()).isEqualTo(ClockStatus.BREACHED);
    assertThat(breached.breachedAt()).isEqualTo(REPORTED.plus(Duration.ofHours(24)));
    assertThat(breached.stoppedAt()).isNull();
  }

  @Test
  @DisplayName("R-ID-EARLY: a breach gives the district supervisor a review task and an e-mail")
  void breachNotifiesTheSupervisorWithATaskAndAnEmail() throws Exception {
    String caseNumber = boyNotYetInProtection();

    cases.clockAt(REPORTED.plus(Duration.ofHours(25)));
    sweeper.sweep();
    assertThat(cases.workOffOwedWork(caseNumber)).as("a review and an e-mail").isEqualTo(2);

    ProcessInstance review = cases.instance(caseNumber, BreachNotifier.REVIEW_PROCESS);
    assertThat(review).isWaitingAt("Task_ReviewDeadlineBreach");
    assertThat(cases.task(caseNumber, "Task_ReviewDeadlineBreach"))
        .hasCandidateGroup("supervisor-pb-lahore");
    assertThat(mail.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage message = Arrays.stream(mail.getReceivedMessages())
        .filter(received -> subject(received).contains(caseNumber)).findFirst().orElseThrow();
    assertThat(subject(message)).isEqualTo("Deadline missed: R-ID-EARLY in case " + caseNumber);
    assertThat(message.getAllRecipients()[0].toString())
        .isEqualTo("supervisor.lahore@hifazat.invalid");

    cases.complete(caseNumber, "Task_ReviewDeadlineBreach", Map.of(
        "breachCause", "REPORTED_LATE", "breachAction", "Officer sent to the kiln today"));
    assertThat(review).hasPassed("End_BreachReviewed").isEnded();
  }

  @Test
  @DisplayName("R-ID-EARLY: screening done in time stops the clock as MET")
  void screeningInTimeIsMet() throws Exception {
    String caseNumber = boyNotYetInProtection();
    cases.clockAt(REPORTED.plus(Duration.ofHours(3)));

    cases.screen(caseNumber, false);

    Clock met = stored(caseNumber, "R-ID-EARLY");
    assertThat(met.status()).isEqualTo(ClockStatus.MET);
    assertThat(met.stoppedAt()).isEqualTo(REPORTED.plus(Duration.ofHours(3)));
    assertThat(met.stopReason()).isEqualTo(Clock.StopReason.COMPLETED);
  }

  @Test
  @DisplayName("R-ID-EARLY: screening done late stops the clock as BREACHED, and the breach is told once")
  void screeningDoneLateStaysBreached() throws Exception {
    String caseNumber = boyNotYetInProtection();
    cases.clockAt(REPORTED.plus(Duration.ofHours(30)));

    cases.screen(caseNumber, false);
    sweeper.sweep();
    cases.workOffOwedWork(caseNumber);

    Clock late = stored(caseNumber, "R-ID-EARLY");
    assertThat(late.status()).isEqualTo(ClockStatus.BREACHED);
    assertThat(late.stoppedAt()).isEqualTo(REPORTED.plus(Duration.ofHours(30)));
    assertThat(cases.openTasks(caseNumber)).extracting(task -> task.getTaskDefinitionKey())
        .containsOnlyOnce("Task_ReviewDeadlineBreach");
  }

  @Test
  @DisplayName("R-COURT-24H: stopping a case stops its clocks, with the status they had")
  void stoppingACaseStopsItsClocks() throws Exception {
    String caseNumber = cases.report(Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE",
        REPORTED, REPORTED));

    runtimeService.deleteProcessInstance(
        cases.instance(caseNumber, "childProtectionCase").getId(), "Reported twice");

    Clock stopped = stored(caseNumber, "R-COURT-24H");
    assertThat(stopped.stoppedAt()).isNotNull();
    assertThat(stopped.stopReason()).isEqualTo(Clock.StopReason.CANCELLED);
    assertThat(stopped.status()).isEqualTo(ClockStatus.RUNNING);
    sweeper.sweep();
    cases.clockAt(REPORTED.plus(Duration.ofDays(2)));
    sweeper.sweep();
    assertThat(stored(caseNumber, "R-COURT-24H").status()).isEqualTo(ClockStatus.RUNNING);
  }

  /**
   * Two branches in parallel, each to its own end; the acknowledgement has its deadline, the other
   * branch none.
   */
  private static final String PARALLEL_BRANCHES = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Branches"
          targetNamespace="http://hifazat.pk/bpmn">
        <bpmn:process id="trialBranches" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="Start_Referred" name="Referred" />
          <bpmn:sequenceFlow id="Flow_Split" sourceRef="Start_Referred" targetRef="Gateway_Split" />
          <bpmn:parallelGateway id="Gateway_Split" />
          <bpmn:sequenceFlow id="Flow_ToAcknowledge" sourceRef="Gateway_Split"
              targetRef="Task_Acknowledge" />
          <bpmn:sequenceFlow id="Flow_ToViews" sourceRef="Gateway_Split"
              targetRef="Task_RecordViews" />
          <bpmn:userTask id="Task_Acknowledge" name="Acknowledge the referral"
              camunda:formRef="acknowledge-referral" camunda:formRefBinding="latest"
              camunda:candidateGroups="${childSex == 'F' ? femaleOfficersGroup : officersGroup}">
            <bpmn:extensionElements>
              <camunda:properties>
                <camunda:property name="sla.rule" value="R-REFERRAL" />
                <camunda:property name="sla.target" value="PT48H" />
                <camunda:property name="sla.kind" value="policy" />
              </camunda:properties>
            </bpmn:extensionElements>
          </bpmn:userTask>
          <bpmn:userTask id="Task_RecordViews" name="Record the child's views"
              camunda:formRef="record-child-views" camunda:formRefBinding="latest"
              camunda:candidateGroups="${childSex == 'F' ? femaleOfficersGroup : officersGroup}" />
          <bpmn:sequenceFlow id="Flow_Acknowledged" sourceRef="Task_Acknowledge"
              targetRef="End_Acknowledged" />
          <bpmn:endEvent id="End_Acknowledged" name="Acknowledged" />
          <bpmn:sequenceFlow id="Flow_ViewsRecorded" sourceRef="Task_RecordViews"
              targetRef="End_ViewsRecorded" />
          <bpmn:endEvent id="End_ViewsRecorded" name="Views recorded" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Test
  @DisplayName("R-REFERRAL: a deadline on one of two parallel branches stops when its task ends, even after the other branch ended first")
  void deadlineOnABranchStopsAfterTheOtherBranchEndedFirst() {
    var deployment = engine.getRepositoryService().createDeployment().name("parallel branches")
        .addString("trial-branches.bpmn", TestModels.drawn(PARALLEL_BRANCHES)).deploy();
    try {
      String caseNumber = "PB-2026-870901";
      ProcessInstance instance = runtimeService.startProcessInstanceByKey("trialBranches",
          caseNumber, Map.of("province", "PB", "district", "Lahore", "childSex", "M",
              "officersGroup", "cpo-pb-lahore", "femaleOfficersGroup", "cpo-pb-lahore-female"));
      var tasks = engine.getTaskService();

      // The other branch ends first: the engine carries the acknowledgement on another execution.
      tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKey("Task_RecordViews").singleResult().getId(),
          Map.of("childViewsSought", true, "childViews", "Wants to stay with her aunt"));
      cases.clockAt(REPORTED.plus(Duration.ofHours(5)));
      tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKey("Task_Acknowledge").singleResult().getId(),
          Map.of("referralDecision", "ACKNOWLEDGED"));

      assertThat(instance).isEnded();
      Clock met = stored(caseNumber, "R-REFERRAL");
      assertThat(met.status()).isEqualTo(ClockStatus.MET);
      assertThat(met.stoppedAt()).isEqualTo(REPORTED.plus(Duration.ofHours(5)));
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
