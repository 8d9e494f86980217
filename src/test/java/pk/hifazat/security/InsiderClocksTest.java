package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.security.Doors.Answer;
import pk.hifazat.security.Doors.Door;

/**
 * A missed 24-hour production is escalated (R-COURT-24H), and nobody with an ordinary login can
 * stop that from happening: not by running the production timer early or again and again until
 * its retries are gone, not by pushing back its due date, suspending or deleting it, not by
 * moving the due date of the production task. And a timer that fails anyway is never silent.
 */
@HifazatTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiderClocksTest {

  private static final String PRODUCTION_TIMER = "Timer_Court24h";

  @LocalServerPort int port;
  @Autowired CaseDriver cases;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private Doors doors;
  private String caseNumber;
  private Job timer;

  @BeforeAll
  void anOfficerOfKarachi() {
    String karachi = AreaGroups.officers("SD", "Karachi South");
    if (identityService.createGroupQuery().groupId(karachi).count() == 0) {
      Group group = identityService.newGroup(karachi);
      group.setName("Child protection officers, Karachi South");
      identityService.saveGroup(group);
    }
    if (identityService.createUserQuery().userId("cpo.karachi").count() == 0) {
      User user = identityService.newUser("cpo.karachi");
      user.setPassword(CaseDriver.PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership("cpo.karachi", AreaGroups.OFFICERS);
      identityService.createMembership("cpo.karachi", karachi);
    }
  }

  /** A girl in custody since an hour ago: her production before a court is due in 23 hours. */
  @BeforeEach
  void aGirlWaitingForProduction() throws Exception {
    doors = doors == null ? new Doors(port) : doors;
    Instant now = cases.now();
    caseNumber = cases.report(Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING",
        now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofHours(1))));
    timer = productionTimer();
  }

  @AfterEach
  void theRealClock() {
    ClockUtil.reset();
  }

  static Stream<Arguments> jobOperations() {
    List<Arguments> rows = new ArrayList<>();
    rows.add(Arguments.of(Door.ENGINE_REST, "cpo.karachi", "POST", "/job/{job}/execute", null));
    rows.add(Arguments.of(Door.ENGINE_REST, "cpo.lahore.f", "POST", "/job/{job}/execute", null));
    rows.add(Arguments.of(Door.TASKLIST, "cpo.lahore.f", "POST", "/job/{job}/execute", null));
    rows.add(Arguments.of(Door.ENGINE_REST, "supervisor.lahore", "POST", "/job/{job}/execute",
        null));
    rows.add(Arguments.of(Door.COCKPIT, "manager.punjab", "POST", "/job/{job}/execute", null));
    rows.add(Arguments.of(Door.COCKPIT, "policy.editor", "POST", "/job/{job}/execute", null));
    for (Door door : List.of(Door.ENGINE_REST, Door.COCKPIT)) {
      String who = door == Door.COCKPIT ? "supervisor.lahore" : "cpo.lahore.f";
      rows.add(Arguments.of(door, who, "PUT", "/job/{job}/retries", "{\"retries\": 0}"));
      rows.add(Arguments.of(door, who, "POST", "/job/retries",
          "{\"jobIds\": [\"{job}\"], \"retries\": 0}"));
      rows.add(Arguments.of(door, who, "PUT", "/job/{job}/duedate",
          "{\"duedate\": \"2031-01-01T00:00:00.000+0500\"}"));
      rows.add(Arguments.of(door, who, "POST", "/job/{job}/duedate/recalculate", null));
      rows.add(Arguments.of(door, who, "PUT", "/job/{job}/suspended", "{\"suspended\": true}"));
      rows.add(Arguments.of(door, who, "PUT", "/job/{job}/priority", "{\"priority\": 0}"));
      rows.add(Arguments.of(door, who, "DELETE", "/job/{job}", null));
      rows.add(Arguments.of(door, who, "PUT", "/job-definition/{definition}/retries",
          "{\"retries\": 0}"));
      rows.add(Arguments.of(door, who, "PUT", "/job-definition/{definition}/suspended",
          "{\"suspended\": true, \"includeJobs\": true}"));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} as {1}: {2} {3}")
  @MethodSource("jobOperations")
  void nobodyButTheEngineRunsOrChangesAProductionTimer(Door door, String who, String method,
      String path, String body) throws Exception {
    String target = path.replace("{job}", timer.getId())
        .replace("{definition}", timer.getJobDefinitionId());
    String payload = body == null ? null : body.replace("{job}", timer.getId());

    // Five tries: a refusal that counted as a failure would spend the timer's three retries.
    for (int attempt = 1; attempt <= 5; attempt++) {
      Answer answer = doors.send(door, who, method, target, payload);
      assertThat(answer.status()).as("attempt %d: %s %s by %s through %s: %s", attempt, method,
          path, who, door, answer).isIn(403, 404);
    }

    assertUntouched();
  }

  static Stream<Arguments> javaJobOperations() {
    return Stream.of(
        Arguments.of("executeJob", (Consumer<Tamper>) t -> t.jobs().executeJob(t.job())),
        Arguments.of("setJobRetries 0", (Consumer<Tamper>) t -> t.jobs().setJobRetries(t.job(), 0)),
        Arguments.of("setJobDuedate next year", (Consumer<Tamper>) t ->
            t.jobs().setJobDuedate(t.job(), Date.from(Instant.now().plus(Duration.ofDays(365))))),
        Arguments.of("suspendJobById", (Consumer<Tamper>) t -> t.jobs().suspendJobById(t.job())),
        Arguments.of("deleteJob", (Consumer<Tamper>) t -> t.jobs().deleteJob(t.job())));
  }

  record Tamper(ManagementService jobs, String job) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("javaJobOperations")
  void theJavaApiLeavesTheTimerAlone(String what, Consumer<Tamper> tamper) {
    JavaApiDoor.as(identityService, "cpo.lahore.f", () -> {
      for (int attempt = 1; attempt <= 4; attempt++) {
        assertThatThrownBy(() -> tamper.accept(new Tamper(managementService, timer.getId())))
            .as(what).isInstanceOf(AuthorizationException.class);
      }
    });
    assertUntouched();
  }

  @Test
  void anAdministratorStillRunsAJobByHand() throws Exception {
    Answer answer = doors.basic("admin", "POST", "/engine-rest/job/" + warningTimer().getId()
        + "/execute", null);

    assertThat(answer.status()).as("the administrator runs the warning timer: %s", answer)
        .isEqualTo(204);
  }

  static Stream<Arguments> dueDateMoves() {
    return Stream.of(
        Arguments.of(Door.ENGINE_REST, "cpo.lahore.f"),
        Arguments.of(Door.TASKLIST, "cpo.lahore.f"),
        Arguments.of(Door.TASKLIST, "supervisor.lahore"),
        Arguments.of(Door.ENGINE_REST, "admin"));
  }

  /** The production task's due date is the R-COURT-24H clock's: nobody moves it. */
  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("dueDateMoves")
  void nobodyMovesTheDueDateOfTheProductionTask(Door door, String who) throws Exception {
    Task task = productionTask();
    taskService.claim(task.getId(), "cpo.lahore.f");
    ObjectNode body = json.createObjectNode()
        .put("name", task.getName())
        .put("priority", task.getPriority())
        .put("assignee", "cpo.lahore.f")
        .put("due", "2031-01-01T00:00:00.000+0500");

    Answer answer = doors.send(door, who, "PUT", "/task/" + task.getId(), body.toString());

    assertThat(answer.status()).as("%s through %s: %s", who, door, answer).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate())
        .isEqualTo(task.getDueDate());
  }

  @Test
  void theJavaApiDoesNotMoveTheProductionTaskEither() {
    Task task = productionTask();
    JavaApiDoor.as(identityService, "supervisor.lahore", () -> {
      Task changed = taskService.createTaskQuery().taskId(task.getId()).singleResult();
      changed.setDueDate(Date.from(Instant.now().plus(Duration.ofDays(30))));
      assertThatThrownBy(() -> taskService.saveTask(changed))
          .isInstanceOf(AuthorizationException.class);
    });
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate())
        .isEqualTo(task.getDueDate());
  }

  /**
   * The production timer fires 24 hours after custody and cannot record the breach (here: the
   * database refuses it); once its retries are spent the clock turns AT_RISK and the district's
   * supervisor has a review task, in the same transaction as the incident.
   */
  @Test
  void aProductionTimerThatFailsEscalatesToTheSupervisor() throws Exception {
    cases.clockAt(cases.now().plus(Duration.ofHours(24)));
    jdbc.sql("alter table sla_clock add constraint no_breach_recorded"
        + " check (status <> 'BREACHED') nocheck").update();
    try {
      // As the job executor would: run it until its retries are spent (bounded).
      for (int attempt = 1; attempt <= 6 && retriesLeft() > 0; attempt++) {
        assertThatThrownBy(() -> managementService.executeJob(timer.getId()))
            .as("attempt %d", attempt).isNotNull();
      }
    } finally {
      jdbc.sql("alter table sla_clock drop constraint no_breach_recorded").update();
    }

    assertThat(runtimeService.createIncidentQuery().configuration(timer.getId())
        .processInstanceId(timer.getProcessInstanceId()).count()).as("incident").isEqualTo(1);
    assertThat(jdbc.sql("select status from sla_clock where case_number = ? and rule_id = ?")
        .params(caseNumber, "R-COURT-24H").query(String.class).single()).isEqualTo("AT_RISK");
    Answer supervisorsList = doors.basic("supervisor.lahore", "GET",
        "/engine-rest/task?processInstanceBusinessKey=" + caseNumber
            + "&taskDefinitionKey=Task_ReviewDeadlineBreach", null);
    assertThat(json.readTree(supervisorsList.body())).as("supervisor's tasks: %s",
        supervisorsList).hasSize(1);
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ReviewDeadlineBreach").singleResult();
    assertThat(taskService.getVariable(review.getId(), "breachedRule")).isEqualTo("R-COURT-24H");
    assertThat((String) taskService.getVariable(review.getId(), "reviewReason"))
        .contains(PRODUCTION_TIMER);
  }

  // ---------------------------------------------------------------------------------------------

  private void assertUntouched() {
    Job now = managementService.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(now).as("the production timer still exists").isNotNull();
    assertThat(now.getRetries()).as("its retries").isEqualTo(timer.getRetries());
    assertThat(now.getDuedate()).as("its due date").isEqualTo(timer.getDuedate());
    assertThat(now.isSuspended()).as("suspended").isFalse();
    assertThat(now.getPriority()).as("its priority").isEqualTo(timer.getPriority());
    assertThat(runtimeService.createIncidentQuery()
        .processInstanceId(timer.getProcessInstanceId()).count()).as("incidents").isZero();
    assertThat(managementService.createJobDefinitionQuery()
        .jobDefinitionId(timer.getJobDefinitionId()).singleResult().isSuspended()).isFalse();
  }

  private int retriesLeft() {
    return managementService.createJobQuery().jobId(timer.getId()).singleResult().getRetries();
  }

  private Job productionTimer() {
    return job(PRODUCTION_TIMER);
  }

  private Job warningTimer() {
    return job("Timer_CourtWarning");
  }

  private Job job(String activity) {
    String instance = cases.instance(caseNumber, "courtProduction").getId();
    return managementService.createJobQuery().processInstanceId(instance).activityId(activity)
        .singleResult();
  }

  private Task productionTask() {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKeyIn("Task_ArrangeProduction", "Task_ProduceBeforeCourt",
            "Task_ApplyToMagistrate")
        .list().get(0);
  }
}
