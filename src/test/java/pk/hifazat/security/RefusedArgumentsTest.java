package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.security.Doors.Answer;
import pk.hifazat.security.Doors.Door;

/**
 * What the engine refuses with nothing but a plain engine exception (an object it has no
 * serializer for, Java serialization, a transient flag changed, a count below zero, an id that is
 * not an identifier, a value longer than its column, a message no pathway waits for) is the
 * caller's mistake, answered through every door as every other bad input (the engine REST API,
 * the webapps' engine API and Cockpit's own): 400 with a problem body, the value not echoed,
 * nothing recorded, and no error in the log.
 */
@HifazatTest
@ExtendWith(OutputCaptureExtension.class)
class RefusedArgumentsTest {

  @Autowired CaseDriver cases;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @LocalServerPort int port;

  private Doors doors;

  @BeforeEach
  void doors() {
    doors = new Doors(port);
  }

  private String screeningTask() throws Exception {
    String caseNumber = cases.report(
        Reports.notInCustody("PB", "Lahore", "F", "FORCED_LABOUR", Instant.now()));
    return cases.task(caseNumber, "Task_ScreenReport").getId();
  }

  /** An object value whose serialized form names the child, in the given format, if any. */
  private static String object(String format) {
    String info = format.isBlank() ? "{\"objectTypeName\": \"java.lang.String\"}"
        : "{\"objectTypeName\": \"java.util.HashMap\", \"serializationDataFormat\": \""
            + format + "\"}";
    return "{\"type\": \"Object\", \"value\": \"{\\\"name\\\": \\\"Amina\\\"}\", \"valueInfo\": "
        + info + "}";
  }

  @ParameterizedTest(name = "{0} as {1} through {2}")
  @CsvSource(delimiter = '|', value = {
      "application/json                      | variables/screeningNotes      | ENGINE_REST",
      "application/xml                       | localVariables/screeningNotes | TASKLIST",
      "text/plain                            | variables/screeningNotes      | TASKLIST",
      "'                                   ' | localVariables/screeningNotes | ENGINE_REST"})
  @DisplayName("An object in a format the engine has no serializer for is refused")
  void anObjectInAFormatTheEngineCannotStoreIsRefused(String format, String variable, String door,
      CapturedOutput log) throws Exception {
    String task = screeningTask();

    Answer answer = doors.send(Door.valueOf(door.strip()), "cpo.lahore.f", "PUT",
        "/task/" + task + "/" + variable.strip(), object(format.strip()));

    answer.assertBadInput("cannot store an object in this serialization format", log);
    assertThat(taskService.getVariable(task, "screeningNotes")).isNull();
  }

  @Test
  @DisplayName("A completion carrying an object in Java's serialization is refused, the task open")
  void aCompletionCarryingJavaSerializationIsRefused(CapturedOutput log) throws Exception {
    String task = screeningTask();

    Answer answer = doors.send(Door.TASKLIST, "cpo.lahore.f", "POST", "/task/" + task
        + "/complete", "{\"variables\": {\"screeningNotes\": "
        + object("application/x-java-serialized-object") + "}}");

    answer.assertBadInput("ENGINE-17007", log);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    assertThat(taskService.getVariable(task, "screeningNotes")).isNull();
  }

  @ParameterizedTest(name = "through {0}")
  @CsvSource({"TASKLIST", "ENGINE_REST"})
  @DisplayName("A form submitted with an object the engine cannot store is refused, the task open")
  void aFormSubmittedWithAnObjectTheEngineCannotStoreIsRefused(String door, CapturedOutput log)
      throws Exception {
    String task = screeningTask();

    Answer answer = doors.send(Door.valueOf(door), "cpo.lahore.f", "POST", "/task/" + task
        + "/submit-form", "{\"variables\": {\"screeningNotes\": "
        + object("application/json") + "}}");

    answer.assertBadInput("cannot store an object in this serialization format", log);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    assertThat(taskService.getVariable(task, "screeningNotes")).isNull();
  }

  @Test
  @DisplayName("A stored variable sent again as transient is refused, its value kept")
  void aStoredVariableSentAgainAsTransientIsRefused(CapturedOutput log) throws Exception {
    String task = screeningTask();
    String path = "/task/" + task + "/localVariables/screeningNotes";
    assertThat(doors.send(Door.ENGINE_REST, "cpo.lahore.f", "PUT", path,
        "{\"type\": \"String\", \"value\": \"seen at the shelter\"}").status()).isEqualTo(204);

    Answer answer = doors.send(Door.ENGINE_REST, "cpo.lahore.f", "PUT", path,
        "{\"type\": \"String\", \"value\": \"Amina\", \"valueInfo\": {\"transient\": true}}");

    answer.assertBadInput("ENGINE-17006", log);
    assertThat(taskService.getVariableLocal(task, "screeningNotes"))
        .isEqualTo("seen at the shelter");
  }

  @ParameterizedTest(name = "{0} through {1}")
  @CsvSource(delimiter = '|', value = {
      "/task?firstResult=-1                     | ENGINE_REST | firstResult",
      "/task?maxResults=-20                     | TASKLIST    | maxResults",
      "/history/task?firstResult=0&maxResults=-1 | COCKPIT    | maxResults",
      "/process-instance?firstResult=-10        | COCKPIT     | firstResult",
      "/task/count?firstResult=-2               | ENGINE_REST | firstResult"})
  @DisplayName("A list asked from a negative place or for a negative number is refused")
  void aListAskedFromANegativePlaceIsRefused(String path, String door, String parameter,
      CapturedOutput log) throws Exception {
    String user = door.strip().equals("COCKPIT") ? "supervisor.lahore" : "cpo.lahore.f";

    Answer answer = doors.send(Door.valueOf(door.strip()), user, "GET", path.strip(), null);

    answer.assertBadInput("Query parameter '" + parameter.strip() + "' counts from 0", log);
  }

  @ParameterizedTest(name = "{0} {1} through Cockpit's own API")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "GET  | /process-instance?firstResult=-1 |                            | 'firstResult' counts",
      "POST | /process-instance?maxResults=-5  | {}                         | 'maxResults' counts",
      "POST | /incident?firstResult=many       | {}                         | 'firstResult' is not",
      "POST | /process-instance                | {\"businessKey\": \"Amina   | not valid JSON",
      "POST | /process-instance                | {\"variables\": \"Amina\"}   | at 'variables'",
      "POST | /process-instance                | {\"startedAfter\": \"Amina\"}"
          + "                                                       | at 'startedAfter'"})
  @DisplayName("Cockpit's own API answers bad input as the engine's does")
  void cockpitsOwnApiAnswersBadInputAsTheEnginesDoes(String method, String path, String body,
      String words, CapturedOutput log) throws Exception {
    Answer answer = doors.send(Door.COCKPIT_PLUGINS, "supervisor.lahore", method.strip(),
        path.strip(), body == null ? null : body.strip());

    answer.assertBadInput(words.strip(), log);
  }

  @ParameterizedTest(name = "{0} through {1}")
  @CsvSource(delimiter = '|', value = {
      "a worker asking for fewer than no tasks | ENGINE_REST | /external-task/fetchAndLock"
          + " | {\"workerId\": \"w1\", \"maxTasks\": -1, \"topics\": [{\"topicName\": \"t\","
          + " \"lockDuration\": 1000}]}  | maxResults is not greater than or equal to 0",
      "a lock that ends before it starts       | ENGINE_REST | /external-task/fetchAndLock"
          + " | {\"workerId\": \"w1\", \"maxTasks\": 1, \"topics\": [{\"topicName\": \"t\","
          + " \"lockDuration\": 0}]}  | lockTime is not greater than 0",
      "a user id with a space                  | ADMIN       | /user/create"
          + " | {\"profile\": {\"id\": \"amina khan\", \"firstName\": \"A\", \"lastName\": \"K\"},"
          + " \"credentials\": {\"password\": \"Long-enough-pass-1\"}}"
          + " | not a valid resource identifier",
      "a group id with a slash                 | ENGINE_REST | /group/create"
          + " | {\"id\": \"lahore/officers\", \"name\": \"Officers\", \"type\": \"WORKFLOW\"}"
          + " | not a valid resource identifier"})
  @DisplayName("An argument the engine's checks refuse is the caller's mistake")
  void anArgumentTheEnginesChecksRefuseIsRefused(String what, String door, String path,
      String body, String words, CapturedOutput log) throws Exception {
    Answer answer = doors.send(Door.valueOf(door.strip()), "admin", "POST", path.strip(),
        body.strip());

    answer.assertBadInput(words.strip(), log);
    assertThat(identityService.createUserQuery().userId("amina khan").count()).isZero();
    assertThat(identityService.createGroupQuery().groupId("lahore/officers").count()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a message nobody waits for      | {\"messageName\": \"childFound\"}",
      "one carrying the child's name   | {\"messageName\": \"childFound\", \"processVariables\":"
          + " {\"childName\": {\"value\": \"Amina\", \"type\": \"String\"}}}",
      "one for a case that is not open | {\"messageName\": \"childFound\","
          + " \"businessKey\": \"PB-2026-999999\"}"})
  @DisplayName("A message no pathway waits for is refused, and is no error of ours")
  void aMessageNoPathwayWaitsForIsRefused(String what, String body, CapturedOutput log)
      throws Exception {
    Answer answer = doors.send(Door.ENGINE_REST, "admin", "POST", "/message", body.strip());

    answer.assertBadInput("Cannot correlate message", log);
  }

  @ParameterizedTest(name = "through {0}")
  @CsvSource({"ENGINE_REST", "ADMIN"})
  @DisplayName("A user id longer than the database keeps is refused, and no user made")
  void aUserIdLongerThanTheDatabaseKeepsIsRefused(String door) throws Exception {
    String id = "amina" + "x".repeat(300);

    Answer answer = doors.send(Door.valueOf(door), "admin", "POST", "/user/create",
        "{\"profile\": {\"id\": \"" + id + "\", \"firstName\": \"A\", \"lastName\": \"K\"},"
            + " \"credentials\": {\"password\": \"Long-enough-pass-1\"}}");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.body()).contains("\"type\":\"ValueTooLong\"", "longer than the database")
        .doesNotContain("amina");
    assertThat(identityService.createUserQuery().userId(id).count()).isZero();
  }
}
