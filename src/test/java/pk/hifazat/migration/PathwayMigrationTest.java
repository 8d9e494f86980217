package pk.hifazat.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static pk.hifazat.Reports.iso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.CaseHandover;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.TestModels;
import pk.hifazat.policy.PathwayVariants;

/**
 * Running cases stay on their version of a pathway until a policy editor migrates them, and
 * migration leaves every running deadline clock exactly as it was (issue #7; R-REFERRAL, a policy
 * deadline changed from 48 to 24 hours, and R-COURT-24H, a statute enforced by a model timer).
 */
@HifazatTest
class PathwayMigrationTest {

  private static final Instant IDENTIFIED = OffsetDateTime.parse("2026-11-20T10:00:00+05:00")
      .toInstant();
  private static final Instant CUSTODY = OffsetDateTime.parse("2026-11-20T08:00:00+05:00")
      .toInstant();
  private static final AtomicInteger CASES = new AtomicInteger(881000);
  private static final String ACKNOWLEDGE = "Task_AcknowledgeReferral";
  private static final String REFERRAL_48H =
      "<camunda:property name=\"sla.target\" value=\"PT48H\" />";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired CaseDriver cases;

  private PathwayVersions versions;

  @BeforeEach
  void setUp() {
    versions = new PathwayVersions(repositoryService, runtimeService, managementService, mvc,
        json, jdbc);
  }

  @AfterEach
  void cleanUp() {
    versions.cleanUp();
    ClockUtil.reset();
  }

  /** Starts a referral the way the case's call activity does, for a Lahore girl trafficked. */
  private ProcessInstance refer() {
    String caseNumber = versions.started("PB-2026-" + CASES.incrementAndGet());
    ProcessInstance referral = runtimeService.startProcessInstanceByKey("referral", caseNumber,
        CaseHandover.inLahore(caseNumber, "F", 14, "TRAFFICKING",
            IDENTIFIED.minus(Duration.ofHours(3))));
    cases.consentToReferrals(caseNumber); // R-CONSENT: the family agrees to every referral
    return referral;
  }

  /** A girl taken into protection in Lahore: her court production waits for its arrangement. */
  private ProcessInstance courtProductionOfAGirlInCustody() throws Exception {
    String caseNumber = versions.started(cases.report(Reports.inCustody("PB", "Lahore", "F",
        "SEXUAL_ABUSE", CUSTODY.plus(Duration.ofMinutes(30)), CUSTODY)));
    return cases.instance(caseNumber, "courtProduction");
  }

  private List<Task> acknowledgements(ProcessInstance referral) {
    return taskService.createTaskQuery().processInstanceId(referral.getId())
        .taskDefinitionKey(ACKNOWLEDGE).list();
  }

  /**
   * Migrates this test's cases only: other tests leave cases running on the same versions, and
   * a policy editor may move any subset of them.
   */
  private String migrate(String key, String from, String to, String... caseNumbers)
      throws Exception {
    Map<String, Object> request = new HashMap<>();
    request.put("from", from);
    request.put("to", to);
    request.put("caseNumbers", List.of(caseNumbers));
    JsonNode started = versions.body(versions.migrate(PathwayVersions.EDITOR, key, request), 202);
    return started.get("batchId").asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.path(field).asText())) {
        return item;
      }
    }
    throw new AssertionError("No item with " + field + " = " + value + " in " + array);
  }

  @Test
  @DisplayName("R-REFERRAL: 48 h changed to 24 h applies to new referrals; a running referral keeps"
      + " its 48-hour clock until migrated, and after it")
  void runningReferralKeepsItsFortyEightHourClockUntilMigrated() throws Exception {
    // given a referral sent under the 48-hour policy, and then the policy changed to 24 hours
    cases.clockAt(IDENTIFIED);
    ProcessInstance running = refer();
    String version1 = running.getProcessDefinitionId();
    List<Map<String, Object>> clocksBefore = versions.clockRows(running.getId());
    assertThat(clocksBefore).isNotEmpty().allSatisfy(clock -> {
      assertThat(clock.get("RULE_ID")).isEqualTo("R-REFERRAL");
      assertThat(instant(clock.get("DUE_AT"))).isEqualTo(IDENTIFIED.plus(Duration.ofHours(48)));
    });
    ProcessDefinition version2 = versions.deploy("referral.bpmn", PathwayVersions.changeOnce(
        PathwayVariants.committed("referral.bpmn"), REFERRAL_48H,
        "<camunda:property name=\"sla.target\" value=\"PT24H\" />"));

    // then a new referral takes the new version and its 24 hours; the running one keeps its own
    cases.clockAt(IDENTIFIED.plus(Duration.ofHours(1)));
    ProcessInstance fresh = refer();
    assertThat(fresh.getProcessDefinitionId()).isEqualTo(version2.getId());
    assertThat(versions.clockRows(fresh.getId())).isNotEmpty().allSatisfy(clock ->
        assertThat(instant(clock.get("DUE_AT"))).isEqualTo(IDENTIFIED.plus(Duration.ofHours(25))));
    assertThat(versions.definitionOf(running.getId())).isEqualTo(version1);
    assertThat(versions.clockRows(running.getId())).isEqualTo(clocksBefore);

    // when the policy editor asks what migrating would do
    JsonNode proposal = versions.proposal("referral", version1, null);

    // then it names the running case, where it waits, and the deadline change that spares it
    assertThat(proposal.get("target").get("id").asText()).isEqualTo(version2.getId());
    assertThat(proposal.get("migratable").asBoolean()).isTrue();
    assertThat(proposal.get("problems")).isEmpty();
    JsonNode move = find(proposal.get("cases"), "caseNumber", running.getBusinessKey());
    assertThat(move.get("processInstanceId").asText()).isEqualTo(running.getId());
    assertThat(move.get("waitingAt").findValuesAsText("activityId")).contains(ACKNOWLEDGE);
    assertThat(move.get("deadlines").findValuesAsText("dueAt"))
        .containsOnly(IDENTIFIED.plus(Duration.ofHours(48)).toString());
    assertThat(move.get("deadlines").findValuesAsText("agency")).contains("LEGAL_AID")
        .hasSize(clocksBefore.size());
    assertThat(proposal.get("cases").findValuesAsText("caseNumber"))
        .doesNotContain(fresh.getBusinessKey());
    List<String> mapped = new ArrayList<>();
    proposal.get("instructions").forEach(instruction -> {
      assertThat(instruction.get("updateEventTrigger").asBoolean()).isFalse();
      if (texts(instruction.get("sourceActivityIds")).equals(List.of(ACKNOWLEDGE))) {
        mapped.addAll(texts(instruction.get("targetActivityIds")));
      }
    });
    assertThat(mapped).containsExactly(ACKNOWLEDGE);
    JsonNode change = find(proposal.get("changes").get("deadlines"), "rule", "R-REFERRAL");
    assertThat(change.get("change").asText()).isEqualTo("CHANGED");
    assertThat(change.get("activityId").asText()).isEqualTo(ACKNOWLEDGE);
    assertThat(change.get("from").get("target").asText()).isEqualTo("PT48H");
    assertThat(change.get("to").get("target").asText()).isEqualTo("PT24H");
    assertThat(change.get("to").get("kind").asText()).isEqualTo("policy");
    assertThat(texts(change.get("casesWithRunningClock"))).contains(running.getBusinessKey());
    assertThat(change.get("effect").asText()).contains(" running clock(s) keep their due time");
    assertThat(proposal.get("changes").get("runningDeadlines").asText())
        .contains("keep their start, warning and due times")
        .contains("R-REFERRAL PT48H -> PT24H");

    // when it migrates
    String batchId = migrate("referral", version1, version2.getId(),
        running.getBusinessKey());
    assertThat(versions.body(versions.status(PathwayVersions.EDITOR, batchId), 200)
        .get("status").asText()).isEqualTo("RUNNING");
    versions.runBatch(batchId);

    // then the case runs on the new version with every clock row exactly as it was
    assertThat(versions.definitionOf(running.getId())).isEqualTo(version2.getId());
    assertThat(versions.clockRows(running.getId())).isEqualTo(clocksBefore);
    assertThat(acknowledgements(running)).allSatisfy(task -> assertThat(task.getDueDate())
        .isEqualTo(Date.from(IDENTIFIED.plus(Duration.ofHours(48)))));
    JsonNode status = versions.body(versions.status(PathwayVersions.EDITOR, batchId), 200);
    assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(status.get("jobs").get("failed").asInt()).isZero();
    assertThat(status.get("jobs").get("done").asInt())
        .isEqualTo(status.get("jobs").get("total").asInt()).isPositive();

    // and an answer 30 hours in, late under the new policy, meets the 48 hours it started with
    cases.clockAt(IDENTIFIED.plus(Duration.ofHours(30)));
    Task answered = acknowledgements(running).get(0);
    taskService.complete(answered.getId(), Map.of("referralDecision", "ACKNOWLEDGED"));
    Map<String, Object> met = jdbc.sql("select * from sla_clock where process_instance_id = ?"
            + " and stopped_at is not null").param(running.getId()).query().singleRow();
    assertThat(met.get("STATUS")).isEqualTo("MET");
    assertThat(met.get("ID")).isIn(clocksBefore.stream().map(row -> row.get("ID")).toList());
    assertThat(versions.clockRows(running.getId())).hasSameSizeAs(clocksBefore);

    // and the migration is in the audit trail: who, from, to, how many
    Map<String, Object> audited = jdbc.sql("select user_id, detail from audit_event"
            + " where action = 'PATHWAY_MIGRATED' and case_number is null and detail like ?")
        .param("%batch " + batchId).query().singleRow();
    assertThat(audited.get("USER_ID")).isEqualTo(PathwayVersions.EDITOR);
    assertThat((String) audited.get("DETAIL")).contains(version1).contains(version2.getId())
        .contains("1 case(s)");
    assertThat(jdbc.sql("select count(*) from audit_event where action = 'PATHWAY_MIGRATED'"
            + " and case_number = ?").param(running.getBusinessKey()).query(Long.class)
        .single()).isEqualTo(1L);
  }

  @Test
  @DisplayName("R-COURT-24H: a case migrated to a version with a renamed task keeps its clock,"
      + " and its 24-hour timer still fires at the same time")
  void migratedCaseKeepsItsClocksAndItsTimerStillFires() throws Exception {
    // given a girl in custody whose production is being arranged on the current version
    cases.clockAt(CUSTODY.plus(Duration.ofHours(2)));
    ProcessInstance production = courtProductionOfAGirlInCustody();
    String caseNumber = production.getBusinessKey();
    String version1 = production.getProcessDefinitionId();
    List<Map<String, Object>> clocksBefore = versions.clockRows(production.getId());
    Map<String, Date> timersBefore = new HashMap<>();
    cases.timers(caseNumber, "courtProduction")
        .forEach(timer -> timersBefore.put(timer.getId(), timer.getDuedate()));
    assertThat(timersBefore.values())
        .contains(Date.from(CUSTODY.plus(Duration.ofHours(24))));

    // and a version in which only the task's label changed
    ProcessDefinition version2 = versions.deploy("court-production.bpmn",
        PathwayVersions.changeOnce(PathwayVariants.committed("court-production.bpmn"),
            "name=\"Arrange production before the court\"",
            "name=\"Arrange the child's production before the court\""));

    // when the policy editor proposes the migration
    JsonNode proposal = versions.proposal("courtProduction", version1, version2.getId());

    // then the renamed task is shown with the case waiting at it, and no deadline changes
    assertThat(proposal.get("problems")).isEmpty();
    JsonNode renamed = find(proposal.get("changes").get("activities"), "activityId",
        "Task_ArrangeProduction");
    assertThat(renamed.get("change").asText()).isEqualTo("RENAMED");
    assertThat(renamed.get("to").asText())
        .isEqualTo("Arrange the child's production before the court");
    assertThat(texts(renamed.get("casesWaiting"))).contains(caseNumber);
    assertThat(proposal.get("changes").get("deadlines")).isEmpty();
    assertThat(find(proposal.get("cases"), "caseNumber", caseNumber).get("deadlines")
        .findValuesAsText("rule")).contains("R-COURT-24H");

    // when it migrates
    versions.runBatch(migrate("courtProduction", version1, version2.getId(), caseNumber));

    // then clocks and timers are exactly as they were, on the new version
    assertThat(versions.definitionOf(production.getId())).isEqualTo(version2.getId());
    assertThat(versions.clockRows(production.getId())).isEqualTo(clocksBefore);
    Map<String, Date> timersAfter = new HashMap<>();
    cases.timers(caseNumber, "courtProduction")
        .forEach(timer -> timersAfter.put(timer.getId(), timer.getDuedate()));
    assertThat(timersAfter).isEqualTo(timersBefore);
    assertThat(cases.task(caseNumber, "Task_ArrangeProduction").getName())
        .isEqualTo("Arrange production before the court");

    // when 24 hours have passed since custody
    cases.clockAt(CUSTODY.plus(Duration.ofHours(24)));
    cases.fireDueTimers(caseNumber);

    // then the breach is recorded at the due time, on the same clock, and the supervisor acts
    Map<String, Object> breached = versions.clockRows(production.getId()).stream()
        .filter(row -> "R-COURT-24H".equals(row.get("RULE_ID"))).findFirst().orElseThrow();
    assertThat(breached.get("ID")).isEqualTo(clocksBefore.stream()
        .filter(row -> "R-COURT-24H".equals(row.get("RULE_ID"))).findFirst().orElseThrow()
        .get("ID"));
    assertThat(breached.get("STATUS")).isEqualTo("BREACHED");
    assertThat(instant(breached.get("BREACHED_AT"))).isEqualTo(CUSTODY.plus(Duration.ofHours(24)));
    assertThat(cases.task(caseNumber, "Task_ReviewCourtBreach").getProcessDefinitionId())
        .isEqualTo(version2.getId());

    // and production on the new version stops the clock
    cases.clockAt(CUSTODY.plus(Duration.ofHours(26)));
    cases.complete(caseNumber, "Task_ArrangeProduction", Map.of(
        "productionCourt", "Guardian Judge, Lahore", "immediateProductionPossible", true));
    cases.complete(caseNumber, "Task_ProduceBeforeCourt", Map.of(
        "producedAt", iso(cases.now()), "productionCourt", "Guardian Judge, Lahore",
        "presidingOfficer", "Civil Judge"));
    JsonNode deadline = cases.deadline(caseNumber, "R-COURT-24H");
    assertThat(deadline.get("status").asText()).isEqualTo("BREACHED");
    assertThat(Instant.parse(deadline.get("metAt").asText()))
        .isEqualTo(CUSTODY.plus(Duration.ofHours(26)));
  }

  @Test
  @DisplayName("A version without the task a case waits at is refused, naming the task; nothing"
      + " migrates")
  void aPlanThatDropsTheActivityACaseWaitsAtIsRefusedNamingIt() throws Exception {
    // given a case waiting at Task_ArrangeProduction, and a version where that task has a new id
    cases.clockAt(CUSTODY.plus(Duration.ofHours(2)));
    ProcessInstance production = courtProductionOfAGirlInCustody();
    String version1 = production.getProcessDefinitionId();
    List<Map<String, Object>> clocksBefore = versions.clockRows(production.getId());
    ProcessDefinition version2 = versions.deploy("court-production.bpmn",
        PathwayVariants.committed("court-production.bpmn")
            .replace("Task_ArrangeProduction", "Task_ArrangeCourtProduction"));

    // when the policy editor proposes the migration
    JsonNode proposal = versions.proposal("courtProduction", version1, version2.getId());

    // then the problem names the task and the case it holds back
    assertThat(proposal.get("migratable").asBoolean()).isFalse();
    JsonNode problem = find(proposal.get("problems"), "activityId", "Task_ArrangeProduction");
    assertThat(problem.get("message").asText()).contains("Task_ArrangeProduction")
        .contains("cannot move").contains("'Task_ArrangeCourtProduction' with the same label");
    assertThat(texts(problem.get("cases"))).contains(production.getBusinessKey());
    assertThat(find(proposal.get("changes").get("activities"), "activityId",
        "Task_ArrangeProduction").get("change").asText()).isEqualTo("REMOVED");
    assertThat(find(proposal.get("changes").get("activities"), "activityId",
        "Task_ArrangeCourtProduction").get("change").asText()).isEqualTo("ADDED");

    // when it migrates anyway
    long batches = managementService.createBatchQuery().count();
    JsonNode refused = versions.body(versions.migrate(PathwayVersions.EDITOR, "courtProduction",
        Map.of("from", version1, "to", version2.getId())), 400);

    // then it is refused naming the task, and the case stays where it was with its clocks
    assertThat(refused.get("title").asText()).isEqualTo("Migration refused");
    assertThat(refused.get("detail").asText()).contains("Task_ArrangeProduction");
    assertThat(refused.get("problems").findValuesAsText("activityId"))
        .contains("Task_ArrangeProduction");
    assertThat(managementService.createBatchQuery().count()).isEqualTo(batches);
    assertThat(versions.definitionOf(production.getId())).isEqualTo(version1);
    assertThat(versions.clockRows(production.getId())).isEqualTo(clocksBefore);
    assertThat(jdbc.sql("select count(*) from audit_event where action = 'PATHWAY_MIGRATED'"
            + " and case_number = ?").param(production.getBusinessKey()).query(Long.class)
        .single()).isZero();
  }

  @Test
  @DisplayName("R-COURT-24H: a case that moves on to a dropped task before its batch runs stays on"
      + " its version with its clock, and the batch shows the failure")
  void aCaseThatMovesOnBeforeItsBatchRunsStaysOnItsVersion() throws Exception {
    // given a Sindh case at the magistrate's application, and a version renaming the next task
    cases.clockAt(CUSTODY.plus(Duration.ofHours(2)));
    String caseNumber = versions.started(cases.report(Reports.inCustody("SD", "Karachi South",
        "M", "EXPLOITATION_IN_PROSTITUTION", CUSTODY, CUSTODY)));
    ProcessInstance production = cases.instance(caseNumber, "courtProduction");
    String version1 = production.getProcessDefinitionId();
    ProcessDefinition version2 = versions.deploy("court-production.bpmn",
        PathwayVariants.committed("court-production.bpmn")
            .replace("Task_ArrangeProduction", "Task_ArrangeCourtProduction"));

    // when the migration is accepted while the case waits at a task both versions have
    String batchId = migrate("courtProduction", version1, version2.getId(), caseNumber);
    // and the case moves on to the renamed task before the batch runs
    cases.complete(caseNumber, "Task_ApplyToMagistrate", Map.of(
        "magistrateCourt", "Judicial Magistrate, Karachi South",
        "magistrateAppliedAt", iso(cases.now()), "magistrateCustodyGranted", true));
    List<Map<String, Object>> clocksBefore = versions.clockRows(production.getId());
    versions.runMigrationJobsToTheEnd(versions.seed(batchId));

    // then the case stays on its version, its clock untouched, and the batch says it failed
    assertThat(versions.definitionOf(production.getId())).isEqualTo(version1);
    assertThat(versions.clockRows(production.getId())).isEqualTo(clocksBefore);
    JsonNode status = versions.body(versions.status(PathwayVersions.EDITOR, batchId), 200);
    assertThat(status.get("status").asText()).isEqualTo("FAILED");
    assertThat(status.get("jobs").get("failed").asInt()).isEqualTo(1);
    assertThat(status.get("jobs").get("done").asInt()).isZero();
    assertThat(status.get("failures")).hasSize(1);
    assertThat(status.get("failures").get(0).asText()).contains("Task_ArrangeProduction");

    // and once an administrator gives the batch up, it reads as cancelled, not completed
    managementService.deleteBatch(batchId, false);
    assertThat(versions.body(versions.status(PathwayVersions.EDITOR, batchId), 200)
        .get("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  @DisplayName("R-REFERRAL: a referral migrated to a version whose task gained a deadline timer"
      + " keeps its clock, the timer takes the clock's time, and the answer stops the clock")
  void migratedReferralWhoseTaskGainedATimerStillStopsItsClock() throws Exception {
    // given a running referral, and a version that escalates a late acknowledgement itself
    cases.clockAt(IDENTIFIED);
    ProcessInstance running = refer();
    String version1 = running.getProcessDefinitionId();
    List<Map<String, Object>> clocksBefore = versions.clockRows(running.getId());
    ProcessDefinition version2 = versions.deploy("referral.bpmn", TestModels.drawn(
        PathwayVersions.changeOnce(PathwayVariants.committed("referral.bpmn"), "    </bpmn:subProcess>",
        """
              <bpmn:boundaryEvent id="Timer_ReferralDue" cancelActivity="false"
                  attachedToRef="Task_AcknowledgeReferral">
                <bpmn:outgoing>Flow_ReferralDue</bpmn:outgoing>
                <bpmn:timerEventDefinition id="TimerEventDefinition_ReferralDue">
                  <bpmn:timeDate xsi:type="bpmn:tFormalExpression"
                      >${deadlines.dueAt(execution, 'R-REFERRAL')}</bpmn:timeDate>
                </bpmn:timerEventDefinition>
              </bpmn:boundaryEvent>
              <bpmn:serviceTask id="Service_RecordReferralBreach" name="Record deadline breach"
                  camunda:delegateExpression="${recordDeadlineBreach}">
                <bpmn:extensionElements>
                  <camunda:inputOutput>
                    <camunda:inputParameter name="slaRule">R-REFERRAL</camunda:inputParameter>
                  </camunda:inputOutput>
                </bpmn:extensionElements>
                <bpmn:incoming>Flow_ReferralDue</bpmn:incoming>
                <bpmn:outgoing>Flow_ReferralBreachRecorded</bpmn:outgoing>
              </bpmn:serviceTask>
              <bpmn:endEvent id="End_ReferralBreachRecorded" name="Breach recorded">
                <bpmn:incoming>Flow_ReferralBreachRecorded</bpmn:incoming>
              </bpmn:endEvent>
              <bpmn:sequenceFlow id="Flow_ReferralDue" sourceRef="Timer_ReferralDue"
                  targetRef="Service_RecordReferralBreach" />
              <bpmn:sequenceFlow id="Flow_ReferralBreachRecorded"
                  sourceRef="Service_RecordReferralBreach" targetRef="End_ReferralBreachRecorded" />
            </bpmn:subProcess>""")));

    // when it is migrated
    versions.runBatch(migrate("referral", version1, version2.getId(),
        running.getBusinessKey()));

    // then no clock is added or changed in time, and each new timer takes its clock's due time
    List<Map<String, Object>> clocksAfter = versions.clockRows(running.getId());
    assertThat(clocksAfter).hasSameSizeAs(clocksBefore);
    for (int i = 0; i < clocksBefore.size(); i++) {
      Map<String, Object> before = new HashMap<>(clocksBefore.get(i));
      Map<String, Object> after = new HashMap<>(clocksAfter.get(i));
      // The task now runs on an execution of its own: the clock goes with it.
      before.remove("SCOPE_EXECUTION_ID");
      after.remove("SCOPE_EXECUTION_ID");
      assertThat(after).isEqualTo(before);
    }
    List<Task> tasks = acknowledgements(running);
    assertThat(clocksAfter.stream().map(row -> row.get("SCOPE_EXECUTION_ID")).toList())
        .containsExactlyInAnyOrderElementsOf(tasks.stream().map(Task::getExecutionId).toList());
    List<Job> timers = managementService.createJobQuery().processInstanceId(running.getId())
        .timers().list();
    assertThat(timers).hasSameSizeAs(tasks).allSatisfy(timer -> assertThat(timer.getDuedate())
        .isEqualTo(Date.from(IDENTIFIED.plus(Duration.ofHours(48)))));

    // when one agency answers
    cases.clockAt(IDENTIFIED.plus(Duration.ofHours(5)));
    Task answered = tasks.get(0);
    taskService.complete(answered.getId(), Map.of("referralDecision", "ACKNOWLEDGED"));

    // then its clock, and only its, is met
    Map<String, Object> met = versions.clockRows(running.getId()).stream()
        .filter(row -> row.get("STOPPED_AT") != null).findFirst().orElseThrow(
            () -> new AssertionError("The answer did not stop its clock"));
    assertThat(met.get("STATUS")).isEqualTo("MET");
    assertThat(met.get("SCOPE_EXECUTION_ID")).isEqualTo(answered.getExecutionId());
    assertThat(versions.clockRows(running.getId()).stream()
        .filter(row -> row.get("STOPPED_AT") == null)).hasSize(clocksBefore.size() - 1);
  }

  @Test
  @DisplayName("R-REFERRAL: a version that no longer declares a running deadline is refused,"
      + " naming the element: the clock would never stop")
  void aVersionThatDropsARunningDeadlineIsRefusedNamingTheElement() throws Exception {
    cases.clockAt(IDENTIFIED);
    ProcessInstance running = refer();
    String model = PathwayVariants.committed("referral.bpmn");
    String withoutDeadline = PathwayVersions.changeOnce(model, model.substring(
            model.indexOf("<camunda:property name=\"sla.rule\" value=\"R-REFERRAL\" />"),
            model.indexOf("<camunda:property name=\"sla.kind\" value=\"policy\" />")
                + "<camunda:property name=\"sla.kind\" value=\"policy\" />".length()),
        "<camunda:property name=\"hifazat.note\" value=\"no deadline\" />")
        .replace(" camunda:dueDate=\"${deadlines.dueAt(execution, 'R-REFERRAL')}\"", "");
    ProcessDefinition version2 = versions.deploy("referral.bpmn", withoutDeadline);

    JsonNode proposal = versions.proposal("referral", running.getProcessDefinitionId(),
        version2.getId());

    JsonNode problem = find(proposal.get("problems"), "activityId", ACKNOWLEDGE);
    assertThat(problem.get("message").asText()).contains("R-REFERRAL").contains("never stop");
    assertThat(texts(problem.get("cases"))).contains(running.getBusinessKey());
    JsonNode change = find(proposal.get("changes").get("deadlines"), "rule", "R-REFERRAL");
    assertThat(change.get("change").asText()).isEqualTo("REMOVED");
    versions.body(versions.migrate(PathwayVersions.EDITOR, "referral", Map.of(
        "from", running.getProcessDefinitionId(), "to", version2.getId())), 400);
    assertThat(versions.definitionOf(running.getId()))
        .isEqualTo(running.getProcessDefinitionId());
  }

  @Test
  @DisplayName("Only the cases named move; a case number not running on the version is refused")
  void onlyTheNamedCasesMove() throws Exception {
    cases.clockAt(IDENTIFIED);
    ProcessInstance first = refer();
    ProcessInstance second = refer();
    String version1 = first.getProcessDefinitionId();
    ProcessDefinition version2 = versions.deploy("referral.bpmn", PathwayVersions.changeOnce(
        PathwayVariants.committed("referral.bpmn"), REFERRAL_48H,
        "<camunda:property name=\"sla.target\" value=\"PT24H\" />"));

    JsonNode unknown = versions.body(versions.migrate(PathwayVersions.EDITOR, "referral",
        Map.of("from", version1, "caseNumbers", List.of("PB-2026-999999"))), 400);
    assertThat(unknown.get("errors").findValuesAsText("field")).containsExactly("caseNumbers[0]");

    JsonNode started = versions.body(versions.migrate(PathwayVersions.EDITOR, "referral",
        Map.of("from", version1, "caseNumbers", List.of(first.getBusinessKey()))), 202);
    assertThat(texts(started.get("cases"))).containsExactly(first.getBusinessKey());
    versions.runBatch(started.get("batchId").asText());

    assertThat(versions.definitionOf(first.getId())).isEqualTo(version2.getId());
    assertThat(versions.definitionOf(second.getId())).isEqualTo(version1);
  }

  private static Instant instant(Object column) {
    if (column instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (column instanceof java.sql.Timestamp time) {
      return time.toInstant();
    }
    throw new AssertionError("Not a time: " + column);
  }
}
