package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.security.Doors.Answer;
import pk.hifazat.security.Doors.Door;

/**
 * An insider with an ordinary login tries to move a girl's case into other hands
 * (R-GIRL-FEMALE-CARE): by changing the variables that route it, or by handing her task to a man,
 * another group or a focal point. Each attempt goes through every door (engine REST, Tasklist's
 * engine API with its session and XSRF token, the Java API) in several spellings, and must leave
 * the case exactly as it was.
 */
@HifazatTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiderRoutingTest {

  private static final String FEMALE_OFFICER = "cpo.lahore.f";
  private static final String COLLEAGUE = "cpo.lahore.f2";
  private static final String MALE_OFFICER = "cpo.lahore.m";
  private static final String SUPERVISOR = "supervisor.lahore";
  private static final String FEMALE_OFFICERS = AreaGroups.femaleOfficers("PB", "Lahore");

  @LocalServerPort int port;
  @Autowired CaseDriver cases;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired ObjectMapper json;

  private Doors doors;
  private String caseNumber;
  private Task screening;

  @BeforeAll
  void aSecondFemaleOfficer() {
    doors = new Doors(port);
    if (identityService.createUserQuery().userId(COLLEAGUE).count() == 0) {
      User user = identityService.newUser(COLLEAGUE);
      user.setFirstName("Zainab");
      user.setLastName("Officer (Lahore)");
      user.setPassword(CaseDriver.PASSWORD);
      identityService.saveUser(user);
      for (String group : List.of(AreaGroups.OFFICERS, AreaGroups.officers("PB", "Lahore"),
          FEMALE_OFFICERS)) {
        identityService.createMembership(COLLEAGUE, group);
      }
    }
  }

  /** A girl's case in Lahore whose screening task the female officer has taken. */
  @BeforeEach
  void aGirlsCaseInHerHands() throws Exception {
    Instant now = cases.now();
    caseNumber = cases.report(Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING",
        now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofHours(1))));
    screening = cases.task(caseNumber, "Task_ScreenReport");
    taskService.claim(screening.getId(), FEMALE_OFFICER);
  }

  // ---------------------------------------------------------------------------------------------
  // The routing variables

  static Stream<Arguments> variableWrites() {
    String m = "{\"value\": \"M\", \"type\": \"String\"}";
    String officers = "{\"value\": \"cpo-pb-lahore\", \"type\": \"String\"}";
    List<Arguments> rows = new ArrayList<>();
    for (Door door : List.of(Door.ENGINE_REST, Door.TASKLIST)) {
      rows.add(Arguments.of(door, "PUT", "/task/{task}/variables/childSex", m));
      rows.add(Arguments.of(door, "PUT", "/task/{task}/variables/ChildSex", m));
      rows.add(Arguments.of(door, "PUT", "/task/{task}/variables/%63hildSex", m));
      rows.add(Arguments.of(door, "PUT", "/task/{task}/localVariables/femaleOfficersGroup",
          officers));
      rows.add(Arguments.of(door, "PUT", "/task/{task}/variables/inProtection",
          "{\"value\": false, \"type\": \"Boolean\"}"));
      rows.add(Arguments.of(door, "POST", "/task/{task}/variables",
          "{\"modifications\": {\"district\": {\"value\": \"Karachi South\"}}}"));
      rows.add(Arguments.of(door, "POST", "/task/{task}/localVariables",
          "{\"modifications\": {\"SUPERVISORSGROUP\": " + officers + "}}"));
      rows.add(Arguments.of(door, "POST", "/task/{task}/variables",
          "{\"deletions\": [\"femaleOfficersGroup\"]}"));
      rows.add(Arguments.of(door, "DELETE", "/task/{task}/variables/officersGroup", null));
      rows.add(Arguments.of(door, "POST", "/task/{task}/complete",
          "{\"variables\": {\"femaleOfficersGroup\": " + officers + "}}"));
      rows.add(Arguments.of(door, "POST", "/task/{task}/submit-form",
          "{\"variables\": {\"childSex\": " + m + "}}"));
      rows.add(Arguments.of(door, "POST", "/task/{task}/resolve",
          "{\"variables\": {\"province\": {\"value\": \"SD\"}}}"));
      rows.add(Arguments.of(door, "PUT", "/process-instance/{instance}/variables/childSex", m));
      rows.add(Arguments.of(door, "POST", "/process-instance/{instance}/variables",
          "{\"modifications\": {\"caseNumber\": {\"value\": \"PB-2026-999999\"}}}"));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("variableWrites")
  void anOfficerCannotReRouteAGirlsCaseThroughTheEngine(Door door, String method, String path,
      String body) throws Exception {
    Map<String, Object> before = routing();

    Answer answer = doors.send(door, FEMALE_OFFICER, method, path
        .replace("{task}", screening.getId())
        .replace("{instance}", screening.getProcessInstanceId()), body);

    assertThat(answer.status()).as("%s %s through %s: %s", method, path, door, answer)
        .isIn(400, 403, 404);
    assertThat(routing()).as("the girl's routing after %s %s through %s", method, path, door)
        .isEqualTo(before);
    assertThat(taskService.createTaskQuery().taskId(screening.getId()).count())
        .as("her screening task is still open").isEqualTo(1);
    assertThat(candidateGroups(screening.getId())).containsExactly(FEMALE_OFFICERS);
  }

  static Stream<Arguments> javaVariableWrites() {
    return Stream.of(
        Arguments.of("TaskService.setVariable childSex", (Writer) (tasks, runtime, task) ->
            tasks.setVariable(task.getId(), "childSex", "M")),
        Arguments.of("TaskService.setVariableLocal district", (Writer) (tasks, runtime, task) ->
            tasks.setVariableLocal(task.getId(), "district", "Karachi South")),
        Arguments.of("TaskService.removeVariable femaleOfficersGroup",
            (Writer) (tasks, runtime, task) ->
                tasks.removeVariable(task.getId(), "femaleOfficersGroup")),
        Arguments.of("TaskService.complete with officersGroup", (Writer) (tasks, runtime, task) ->
            tasks.complete(task.getId(), Map.of("femaleOfficersGroup", "cpo-pb-lahore"))),
        Arguments.of("RuntimeService.setVariable childSex", (Writer) (tasks, runtime, task) ->
            runtime.setVariable(task.getExecutionId(), "childSex", "M")),
        Arguments.of("RuntimeService.setVariables inProtection",
            (Writer) (tasks, runtime, task) ->
                runtime.setVariables(task.getProcessInstanceId(), Map.of("inProtection", false))));
  }

  /** The Java API with the officer's authentication: the door our own code and plugins use. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("javaVariableWrites")
  void theJavaApiRefusesTheSameWrites(String what, Writer write) {
    Map<String, Object> before = routing();
    JavaApiDoor.as(identityService, FEMALE_OFFICER, () -> {
      assertThatThrownBy(() -> write.write(taskService, runtimeService, screening))
          .as(what).isInstanceOf(AuthorizationException.class);
    });
    assertThat(routing()).as(what).isEqualTo(before);
  }

  interface Writer {
    void write(TaskService tasks, RuntimeService runtime, Task task);
  }

  /**
   * A batch runs in the job executor with nobody authenticated; the variables it sets are still
   * the person's who created it, an administrator included.
   */
  @Test
  void aBatchCannotReRouteAGirlsCaseEither() throws Exception {
    Map<String, Object> before = routing();
    Answer batch = doors.basic("admin", "POST", "/engine-rest/process-instance/variables-async",
        "{\"processInstanceIds\": [\"" + screening.getProcessInstanceId() + "\"],"
            + " \"variables\": {\"childSex\": {\"value\": \"M\", \"type\": \"String\"}}}");
    assertThat(batch.status()).as("batch: %s", batch).isEqualTo(200);
    String batchId = json.readTree(batch.body()).path("id").asText();

    // Run the batch as the job executor would: its seed job, then the jobs it creates.
    for (int round = 0; round < 6; round++) {
      for (Job job : managementService.createJobQuery().executable().list().stream()
          .filter(job -> batchJob(job, batchId)).toList()) {
        try {
          managementService.executeJob(job.getId());
        } catch (RuntimeException refused) {
          // the refusal fails the batch's job, as it would in the job executor
        }
      }
    }

    assertThat(routing()).isEqualTo(before);
  }

  private boolean batchJob(Job job, String batchId) {
    if (job.getJobDefinitionId() == null) {
      return false;
    }
    JobDefinition definition = managementService.createJobDefinitionQuery()
        .jobDefinitionId(job.getJobDefinitionId()).singleResult();
    return definition != null && batchId.equals(definition.getJobConfiguration());
  }

  @Test
  void thePathwayStillSetsItsOwnRoutingVariables() {
    // The case's own code carries the routing into every sub-process it calls: the screening
    // task exists with the female officers as its only candidates, and the case is in custody.
    assertThat(candidateGroups(screening.getId())).containsExactly(FEMALE_OFFICERS);
    String theCase = runtimeService.createProcessInstanceQuery()
        .subProcessInstanceId(screening.getProcessInstanceId()).singleResult().getId();
    assertThat(runtimeService.getVariable(theCase, "inProtection")).isEqualTo(true);
  }

  // ---------------------------------------------------------------------------------------------
  // The task's hands

  static Stream<Arguments> handOvers() {
    List<Arguments> rows = new ArrayList<>();
    for (Door door : List.of(Door.ENGINE_REST, Door.TASKLIST)) {
      rows.add(Arguments.of(door, FEMALE_OFFICER, "POST", "/task/{task}/assignee",
          "{\"userId\": \"" + MALE_OFFICER + "\"}"));
      rows.add(Arguments.of(door, FEMALE_OFFICER, "POST", "/task/{task}/identity-links",
          "{\"userId\": \"" + MALE_OFFICER + "\", \"type\": \"assignee\"}"));
      rows.add(Arguments.of(door, FEMALE_OFFICER, "POST", "/task/{task}/delegate",
          "{\"userId\": \"focal.police.lahore\"}"));
      rows.add(Arguments.of(door, FEMALE_OFFICER, "POST", "/task/{task}/delegate",
          "{\"userId\": \"" + COLLEAGUE + "\"}"));
      rows.add(Arguments.of(door, FEMALE_OFFICER, "POST", "/task/{task}/identity-links",
          "{\"groupId\": \"cpo-pb-lahore\", \"type\": \"candidate\"}"));
      rows.add(Arguments.of(door, FEMALE_OFFICER, "POST", "/task/{task}/identity-links",
          "{\"userId\": \"" + MALE_OFFICER + "\", \"type\": \"candidate\"}"));
      rows.add(Arguments.of(door, FEMALE_OFFICER, "POST", "/task/{task}/identity-links",
          "{\"groupId\": \"cpo-sd-karachi-south\", \"type\": \"CANDIDATE\"}"));
      rows.add(Arguments.of(door, FEMALE_OFFICER, "POST", "/task/{task}/identity-links/delete",
          "{\"groupId\": \"" + FEMALE_OFFICERS + "\", \"type\": \"candidate\"}"));
      rows.add(Arguments.of(door, FEMALE_OFFICER, "POST", "/task/{task}/identity-links",
          "{\"userId\": \"" + MALE_OFFICER + "\", \"type\": \"owner\"}"));
      rows.add(Arguments.of(door, SUPERVISOR, "POST", "/task/{task}/assignee",
          "{\"userId\": \"" + MALE_OFFICER + "\"}"));
      rows.add(Arguments.of(door, SUPERVISOR, "POST", "/task/{task}/identity-links",
          "{\"groupId\": \"cpo-pb-lahore\", \"type\": \"candidate\"}"));
      rows.add(Arguments.of(door, SUPERVISOR, "POST", "/task/{task}/delegate",
          "{\"userId\": \"focal.police.lahore\"}"));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} as {1}: {2} {3} {4}")
  @MethodSource("handOvers")
  void aGirlsTaskNeverReachesAManOrAnotherGroup(Door door, String who, String method,
      String path, String body) throws Exception {
    Answer answer = doors.send(door, who, method, path.replace("{task}", screening.getId()),
        body);

    assertThat(answer.status()).as("%s: %s %s through %s: %s", who, method, path, door, answer)
        .isIn(400, 403, 404);
    Task task = taskService.createTaskQuery().taskId(screening.getId()).singleResult();
    assertThat(task.getAssignee()).isEqualTo(FEMALE_OFFICER);
    assertThat(task.getOwner()).isNull();
    assertThat(candidateGroups(task.getId())).containsExactly(FEMALE_OFFICERS);
    assertThat(candidateUsers(task.getId())).isEmpty();
    Answer mansList = doors.basic(MALE_OFFICER, "GET",
        "/engine-rest/task?processInstanceBusinessKey=" + caseNumber, null);
    assertThat(mansList.body()).as("the male officer's task list").doesNotContain(task.getId());
    Answer mansCompletion = doors.basic(MALE_OFFICER, "POST",
        "/engine-rest/task/" + task.getId() + "/complete", "{}");
    assertThat(mansCompletion.status()).isIn(403, 404);
  }

  @Test
  void anOfficerTakesAndGivesBackHerOwnTask() throws Exception {
    Answer unclaim = doors.send(Door.TASKLIST, FEMALE_OFFICER, "POST",
        "/task/" + screening.getId() + "/unclaim", null);
    Answer claim = doors.send(Door.ENGINE_REST, COLLEAGUE, "POST",
        "/task/" + screening.getId() + "/claim", "{\"userId\": \"" + COLLEAGUE + "\"}");

    assertThat(unclaim.status()).as("unclaim: %s", unclaim).isEqualTo(204);
    assertThat(claim.status()).as("claim: %s", claim).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(screening.getId()).singleResult()
        .getAssignee()).isEqualTo(COLLEAGUE);
  }

  @Test
  void anOfficerCannotTakeAColleaguesTaskOrHandHersOn() throws Exception {
    Answer takeOver = doors.send(Door.ENGINE_REST, COLLEAGUE, "POST",
        "/task/" + screening.getId() + "/assignee", "{\"userId\": \"" + COLLEAGUE + "\"}");
    Answer handOn = doors.send(Door.TASKLIST, FEMALE_OFFICER, "POST",
        "/task/" + screening.getId() + "/assignee", "{\"userId\": \"" + COLLEAGUE + "\"}");

    assertThat(takeOver.status()).as("take-over: %s", takeOver).isEqualTo(403);
    assertThat(handOn.status()).as("hand-on: %s", handOn).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(screening.getId()).singleResult()
        .getAssignee()).isEqualTo(FEMALE_OFFICER);
  }

  @Test
  void theSupervisorReassignsWithinTheGirlsFemaleOfficers() throws Exception {
    Answer reassign = doors.send(Door.TASKLIST, SUPERVISOR, "POST",
        "/task/" + screening.getId() + "/assignee", "{\"userId\": \"" + COLLEAGUE + "\"}");

    assertThat(reassign.status()).as("reassign: %s", reassign).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(screening.getId()).singleResult()
        .getAssignee()).isEqualTo(COLLEAGUE);
  }

  @Test
  void aDelegatedTaskGoesBackToItsOwner() throws Exception {
    Answer delegate = doors.send(Door.ENGINE_REST, SUPERVISOR, "POST",
        "/task/" + screening.getId() + "/delegate", "{\"userId\": \"" + COLLEAGUE + "\"}");
    assertThat(delegate.status()).as("delegate: %s", delegate).isEqualTo(204);

    taskService.resolveTask(screening.getId());

    Task task = taskService.createTaskQuery().taskId(screening.getId()).singleResult();
    assertThat(task.getAssignee()).isEqualTo(FEMALE_OFFICER);
  }

  static Stream<Arguments> javaHandOvers() {
    return Stream.of(
        Arguments.of("setAssignee to the male officer",
            (Consumer<Handover>) h -> h.tasks().setAssignee(h.task(), MALE_OFFICER)),
        Arguments.of("delegate to a focal point",
            (Consumer<Handover>) h -> h.tasks().delegateTask(h.task(), "focal.police.lahore")),
        Arguments.of("addCandidateGroup of all officers",
            (Consumer<Handover>) h -> h.tasks().addCandidateGroup(h.task(), "cpo-pb-lahore")),
        Arguments.of("addCandidateUser the male officer",
            (Consumer<Handover>) h -> h.tasks().addCandidateUser(h.task(), MALE_OFFICER)),
        Arguments.of("setOwner the male officer",
            (Consumer<Handover>) h -> h.tasks().setOwner(h.task(), MALE_OFFICER)),
        Arguments.of("saveTask with the male officer as assignee",
            (Consumer<Handover>) h -> {
              Task task = h.tasks().createTaskQuery().taskId(h.task()).singleResult();
              task.setAssignee(MALE_OFFICER);
              h.tasks().saveTask(task);
            }));
  }

  record Handover(TaskService tasks, String task) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("javaHandOvers")
  void theJavaApiKeepsAGirlsTaskInFemaleHands(String what, Consumer<Handover> attempt) {
    JavaApiDoor.as(identityService, FEMALE_OFFICER, () -> {
      assertThatThrownBy(() -> attempt.accept(new Handover(taskService, screening.getId())))
          .as(what).isInstanceOf(ProcessEngineException.class)
          .satisfies(refusal -> assertThat(refusal).isInstanceOf(AuthorizationException.class));
    });
    Task task = taskService.createTaskQuery().taskId(screening.getId()).singleResult();
    assertThat(task.getAssignee()).as(what).isEqualTo(FEMALE_OFFICER);
    assertThat(candidateGroups(task.getId())).as(what).containsExactly(FEMALE_OFFICERS);
    assertThat(candidateUsers(task.getId())).as(what).isEmpty();
  }

  @Test
  void nobodyClaimsAGirlsTaskForAMan() {
    taskService.setAssignee(screening.getId(), null);
    JavaApiDoor.as(identityService, FEMALE_OFFICER, () -> {
      assertThatThrownBy(() -> taskService.claim(screening.getId(), MALE_OFFICER))
          .isInstanceOf(AuthorizationException.class);
    });
    assertThat(taskService.createTaskQuery().taskId(screening.getId()).singleResult()
        .getAssignee()).isNull();
  }

  // ---------------------------------------------------------------------------------------------
  // What a task holder may store

  @Test
  void aTaskHolderCannotFillTheDatabaseThroughTheJavaApi() {
    JavaApiDoor.as(identityService, FEMALE_OFFICER, () -> {
      assertThatThrownBy(() -> taskService.setVariable(screening.getId(), "scan",
          new byte[2 * 1024 * 1024])).isInstanceOf(pk.hifazat.support.VariableTooLarge.class);
      assertThatThrownBy(() -> taskService.setVariableLocal(screening.getId(), "notes",
          "x".repeat(VariableSizes.MAX_TEXT + 1))).isInstanceOf(
          org.camunda.bpm.engine.BadUserRequestException.class);
      taskService.setVariableLocal(screening.getId(), "notes", "x".repeat(3000));
    });
    assertThat(taskService.getVariableLocal(screening.getId(), "scan")).isNull();
    assertThat((String) taskService.getVariableLocal(screening.getId(), "notes")).hasSize(3000);
  }

  @Test
  void aTaskHolderCannotStoreAnOverlongTextThroughEitherDoor() throws Exception {
    String body = "{\"value\": \"" + "y".repeat(VariableSizes.MAX_TEXT + 1)
        + "\", \"type\": \"String\"}";
    for (Door door : List.of(Door.ENGINE_REST, Door.TASKLIST)) {
      Answer answer = doors.send(door, FEMALE_OFFICER, "PUT",
          "/task/" + screening.getId() + "/localVariables/notes", body);
      assertThat(answer.status()).as("%s: %s", door, answer).isEqualTo(400);
    }
    assertThat(taskService.getVariableLocal(screening.getId(), "notes")).isNull();
  }

  // ---------------------------------------------------------------------------------------------

  /** Every routing variable of every process of the case, as the engine holds them. */
  private Map<String, Object> routing() {
    return runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(runtimeService.createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber).list().stream()
            .map(instance -> instance.getId()).toArray(String[]::new))
        .list().stream()
        .filter(variable -> RoutingVariables.isGuarded(variable.getName()))
        .collect(Collectors.toMap(
            variable -> variable.getProcessInstanceId() + "/" + variable.getExecutionId() + "/"
                + variable.getTaskId() + "/" + variable.getName(),
            variable -> String.valueOf(variable.getValue())));
  }

  private Set<String> candidateGroups(String taskId) {
    return links(taskId).stream().map(IdentityLink::getGroupId).filter(id -> id != null)
        .collect(Collectors.toSet());
  }

  private Set<String> candidateUsers(String taskId) {
    return links(taskId).stream().map(IdentityLink::getUserId).filter(id -> id != null)
        .collect(Collectors.toSet());
  }

  private List<IdentityLink> links(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
  }
}
