package pk.hifazat.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

/**
 * R-CONSENT, R-VIEWS: a referral goes to an agency only with the child's and the guardian's
 * consent, or with what the law allows without it: an offence, to the police and the
 * investigating agencies. The referral says which.
 */
@HifazatTest
class ReferralConsentTest {

  private static final Instant IDENTIFIED = OffsetDateTime.parse("2026-11-21T10:00:00+05:00")
      .toInstant();
  private static final AtomicInteger CASES = new AtomicInteger(880000);
  private static final String ASK = "Task_ObtainReferralConsent";
  private static final String ACKNOWLEDGE = "Task_AcknowledgeReferral";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CaseDriver cases;
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

  /** A trafficked child identified in Lahore: police, FIA, legal aid and a social worker. */
  private ProcessInstance referTrafficking(String sex) {
    String caseNumber = "PB-2026-" + CASES.incrementAndGet();
    return runtimeService.startProcessInstanceByKey("referral", caseNumber,
        CaseHandover.inLahore(caseNumber, sex, 14, "TRAFFICKING",
            IDENTIFIED.minus(Duration.ofHours(3))));
  }

  private Task asked(ProcessInstance referral, String agency) {
    return taskService.createTaskQuery().processInstanceId(referral.getId())
        .taskDefinitionKey(ASK).list().stream()
        .filter(task -> agency.equals(taskService.getVariable(task.getId(), "agency")))
        .findFirst().orElseThrow(() -> new AssertionError("No consent asked for " + agency));
  }

  private List<String> agenciesAt(ProcessInstance referral, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(referral.getId())
        .taskDefinitionKey(taskKey).list().stream()
        .map(task -> (String) taskService.getVariable(task.getId(), "agency")).sorted().toList();
  }

  private void answer(ProcessInstance referral, String agency, String child, String guardian) {
    taskService.complete(asked(referral, agency).getId(), Map.of("childConsent", child,
        "guardianConsent", guardian, "consentShares", "CASE_FACTS"));
  }

  private Map<String, Object> referralRow(ProcessInstance referral, String agency) {
    return jdbc.sql("select sharing_basis, shared_facts from referral where case_number = ?"
            + " and agency = ?")
        .params(referral.getBusinessKey(), agency).query().singleRow();
  }

  private String consentOutcome(ProcessInstance referral, String agency) {
    return jdbc.sql("select outcome from referral_consent where case_number = ? and agency = ?")
        .params(referral.getBusinessKey(), agency).query(String.class).single();
  }

  @Test
  @DisplayName("R-CONSENT: without consent a referral waits with the task to ask for it; the police and FIA get the offence at once, recorded as sent by law")
  void referralWithoutConsentWaitsWhileThePoliceGetTheOffence() {
    ProcessInstance referral = referTrafficking("M");

    assertThat(agenciesAt(referral, ASK)).containsExactly("LEGAL_AID", "SOCIAL_WORKER");
    assertThat(agenciesAt(referral, ACKNOWLEDGE)).containsExactly("FIA", "POLICE");
    assertThat(referralRow(referral, "POLICE")).containsEntry("sharing_basis", "LAW")
        .containsEntry("shared_facts", "OFFENCE_FACTS");
    assertThat(referralRow(referral, "FIA")).containsEntry("sharing_basis", "LAW");
    assertThat(jdbc.sql("select count(*) from referral where case_number = ? and agency in"
        + " ('LEGAL_AID', 'SOCIAL_WORKER')").param(referral.getBusinessKey())
        .query(Long.class).single()).isZero();
    assertThat(consentOutcome(referral, "LEGAL_AID")).isEqualTo("PENDING");
    assertThat(taskService.getIdentityLinksForTask(asked(referral, "LEGAL_AID").getId()))
        .extracting(IdentityLink::getGroupId).contains("cpo-pb-lahore");
  }

  @Test
  @DisplayName("R-CONSENT, R-VIEWS: with the child's and the guardian's consent the referral goes out, with what they agreed may be shared; a child too young to be asked does not stop it")
  void referralWithConsentGoesOut() {
    ProcessInstance referral = referTrafficking("M");

    answer(referral, "LEGAL_AID", "GIVEN", "GIVEN");
    answer(referral, "SOCIAL_WORKER", "NOT_ASKED", "GIVEN");

    assertThat(agenciesAt(referral, ASK)).isEmpty();
    assertThat(agenciesAt(referral, ACKNOWLEDGE))
        .containsExactly("FIA", "LEGAL_AID", "POLICE", "SOCIAL_WORKER");
    assertThat(referralRow(referral, "LEGAL_AID")).containsEntry("sharing_basis", "CONSENT")
        .containsEntry("shared_facts", "CASE_FACTS");
    assertThat(referralRow(referral, "SOCIAL_WORKER")).containsEntry("sharing_basis", "CONSENT");
    assertThat(consentOutcome(referral, "LEGAL_AID")).isEqualTo("SHARED");
    Map<String, Object> consent = jdbc.sql("select child_consent, guardian_consent, recorded_by,"
            + " recorded_at from referral_consent where case_number = ? and agency = ?")
        .params(referral.getBusinessKey(), "SOCIAL_WORKER").query().singleRow();
    assertThat(consent).containsEntry("child_consent", "NOT_ASKED")
        .containsEntry("guardian_consent", "GIVEN");
    assertThat(consent.get("recorded_at")).isNotNull();
  }

  @Test
  @DisplayName("R-CONSENT, R-VIEWS: a refusal by the child or by the guardian withholds that referral and records why; the others go on")
  void refusalWithholdsTheReferral() {
    ProcessInstance referral = referTrafficking("F");

    answer(referral, "LEGAL_AID", "REFUSED", "GIVEN");
    answer(referral, "SOCIAL_WORKER", "GIVEN", "REFUSED");

    assertThat(agenciesAt(referral, ASK)).isEmpty();
    assertThat(agenciesAt(referral, ACKNOWLEDGE)).containsExactly("FIA", "POLICE");
    assertThat(consentOutcome(referral, "LEGAL_AID")).isEqualTo("WITHHELD");
    assertThat(consentOutcome(referral, "SOCIAL_WORKER")).isEqualTo("WITHHELD");
    assertThat(jdbc.sql("select shares from referral_consent where case_number = ?"
        + " and agency = 'LEGAL_AID'").param(referral.getBusinessKey()).query(String.class)
        .optional()).isEmpty();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(referral)
        .hasPassed("Service_WithholdReferral", "End_ReferralWithheld");
  }

  @Test
  @DisplayName("R-CONSENT, R-GIRL-FEMALE-CARE: a girl's consent is asked by her district's female officers only")
  void girlsConsentIsAskedByFemaleOfficers() {
    ProcessInstance referral = referTrafficking("F");
    assertThat(taskService.getIdentityLinksForTask(asked(referral, "SOCIAL_WORKER").getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("cpo-pb-lahore-female");
  }

  @Test
  @DisplayName("R-CONSENT: consent on record for an agency is not asked again when the case is referred to it again")
  void consentOnRecordIsNotAskedAgain() {
    ProcessInstance first = referTrafficking("M");
    answer(first, "LEGAL_AID", "GIVEN", "GIVEN");
    answer(first, "SOCIAL_WORKER", "GIVEN", "GIVEN");
    // The same case referred again (a reopened case calls the pathway anew).
    ProcessInstance again = runtimeService.startProcessInstanceByKey("referral",
        first.getBusinessKey(), CaseHandover.inLahore(first.getBusinessKey(), "M", 14,
            "TRAFFICKING", IDENTIFIED.minus(Duration.ofHours(3))));
    assertThat(agenciesAt(again, ASK)).isEmpty();
    assertThat(agenciesAt(again, ACKNOWLEDGE))
        .containsExactly("FIA", "LEGAL_AID", "POLICE", "SOCIAL_WORKER");
  }
}
