package pk.hifazat.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * Every door has a body limit (413 with a problem body, whether the length is declared or the
 * body is sent in chunks), and the engine's failures answer as 4xx problems: two officers
 * completing one task get one 204 and one 409, a deployment without files is a 400. None of them
 * leaves a stack trace in the log.
 */
@HifazatTest
@ExtendWith(OutputCaptureExtension.class)
class EngineLimitsAndErrorsTest {

  private static final String ADMIN = "admin";
  private static final String JSON = "application/json";
  private static final String BOUNDARY = "----hifazat-boundary";
  private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired CaseDriver cases;

  private RawHttp http;
  private String caseNumber;

  @BeforeEach
  void setUp() {
    http = new RawHttp(port);
  }

  /** A boy's case just reported in Lahore: its screening is the task the doors are tried on. */
  private String screeningOfANewCase() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(2));
    caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "M", "FORCED_LABOUR", custody, custody));
    return cases.task(caseNumber, "Task_ScreenReport").getId();
  }

  /** The screening form filled in: no danger, no indicator, the child interviewed kindly. */
  private static String screening() {
    StringBuilder variables = new StringBuilder("\"immediateDanger\": {\"value\": false}");
    for (String indicator : List.of("indicatorMovedByThirdParty", "indicatorDocumentsHeld",
        "indicatorSexualExploitation", "indicatorOnlineAbuse", "indicatorWorkingChild",
        "indicatorMarriageArranged")) {
      variables.append(", \"").append(indicator).append("\": {\"value\": false}");
    }
    return "{\"variables\": {" + variables
        + ", \"interviewChildFriendly\": {\"value\": true}"
        + ", \"screeningNotes\": {\"value\": \"Interviewed with a counsellor present\"}}}";
  }

  private static void assertProblem(RawHttp.Answer answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
    assertThat(answer.body()).as(answer.toString()).contains("\"status\":" + status);
    assertThat(answer.body().length()).as("a short answer").isLessThan(4_000);
  }

  private static void assertNoStackTrace(CapturedOutput output) {
    assertThat(output.getAll()).doesNotContain("\tat org.").doesNotContain(" ERROR ");
  }

  private static byte[] variables(int size) {
    return ("{\"variables\": {\"screeningNotes\": {\"type\": \"String\", \"value\": \""
        + "a".repeat(size) + "\"}}}").getBytes(UTF_8);
  }

  private static byte[] multipart(String field, String fileName, int size) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field
        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(UTF_8));
    body.writeBytes("x".repeat(size).getBytes(UTF_8));
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(UTF_8));
    return body.toByteArray();
  }

  // ---------------------------------------------------------------------------------------------
  // Body limits, door by door

  record Door(String what, String method, String path, String contentType, int size) {}

  static Stream<Arguments> oversizedDoors() {
    List<Door> doors = List.of(
        new Door("task variables", "POST", "/engine-rest/task/{task}/variables", JSON, 300_000),
        new Door("task completion", "POST", "/engine-rest/task/{task}/complete", JSON, 300_000),
        new Door("task form submission", "POST", "/engine-rest/task/{task}/submit-form", JSON,
            300_000),
        new Door("one task variable", "PUT", "/engine-rest/task/{task}/variables/notes", JSON,
            300_000),
        new Door("process variables", "POST", "/engine-rest/process-instance/x/variables", JSON,
            300_000),
        new Door("process modification", "POST",
            "/engine-rest/process-instance/x/modification", JSON, 300_000),
        new Door("message correlation", "POST", "/engine-rest/message", JSON, 300_000),
        new Door("webapps' task completion", "POST",
            "/camunda/api/engine/engine/default/task/{task}/complete", JSON, 300_000),
        new Door("webapps' task variables", "POST",
            "/camunda/api/engine/engine/default/task/{task}/variables", JSON, 300_000),
        new Door("file variable", "POST", "/engine-rest/task/{task}/variables/scan/data",
            MULTIPART, 1_200_000),
        new Door("task attachment", "POST", "/engine-rest/task/{task}/attachment/create",
            MULTIPART, 1_200_000),
        new Door("engine deployment", "POST", "/engine-rest/deployment/create", MULTIPART,
            2_200_000),
        new Door("webapps' deployment", "POST",
            "/camunda/api/engine/engine/default/deployment/create", MULTIPART, 2_200_000),
        new Door("pathway deployment", "POST", "/api/pathways/deployments", MULTIPART,
            2_200_000),
        new Door("case report", "POST", "/api/cases", JSON, 600_000));
    List<Arguments> all = new ArrayList<>();
    for (Door door : doors) {
      all.add(Arguments.of(door.what() + ", length declared", door, false));
      all.add(Arguments.of(door.what() + ", sent in chunks", door, true));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oversizedDoors")
  void anOversizedBodyIsRefusedAtEveryDoor(String what, Door door, boolean chunked,
      CapturedOutput output) throws Exception {
    String task = screeningOfANewCase();
    Map<String, Object> before = taskService.getVariables(task);
    byte[] body = door.contentType().equals(MULTIPART)
        ? multipart("data", "scan.bpmn", door.size()) : variables(door.size());

    RawHttp.Answer answer = http.send(door.method(), door.path().replace("{task}", task), ADMIN,
        door.contentType(), body, chunked);

    assertProblem(answer, 413);
    assertThat(taskService.getVariables(task)).as("nothing stored").isEqualTo(before);
    assertThat(taskService.getTaskAttachments(task)).as("nothing attached").isEmpty();
    assertNoStackTrace(output);
  }

  @Test
  void aTaskFormWithinTheLimitIsStillCompleted() throws Exception {
    String task = screeningOfANewCase();
    // The form's answers in a body of 100 kB, sent in chunks.
    String form = screening();
    byte[] body = (form + " ".repeat(100_000 - form.length())).getBytes(UTF_8);

    RawHttp.Answer answer = http.send("POST", "/engine-rest/task/" + task + "/complete", ADMIN,
        JSON, body, true);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // Engine failures as problems

  @Test
  void twoOfficersCompletingOneTaskGetOneSuccessAndOneConflict(CapturedOutput output)
      throws Exception {
    String task = screeningOfANewCase();
    CountDownLatch start = new CountDownLatch(1);
    Callable<Integer> complete = () -> {
      start.await();
      return http.send("POST", "/engine-rest/task/" + task + "/complete", ADMIN, JSON,
          screening().getBytes(UTF_8)).status();
    };
    ExecutorService officers = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first = officers.submit(complete);
      Future<Integer> second = officers.submit(complete);
      start.countDown();

      assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(204, 409);
    } finally {
      officers.shutdownNow();
    }
    assertNoStackTrace(output);
  }

  @Test
  void completingATaskSomeoneElseCompletedIsAConflict(CapturedOutput output) throws Exception {
    String task = screeningOfANewCase();
    cases.screen(caseNumber, false);

    for (String path : List.of("/engine-rest/task/" + task + "/complete",
        "/engine-rest/task/" + task + "/submit-form")) {
      RawHttp.Answer answer = http.send("POST", path, ADMIN, JSON, "{}".getBytes(UTF_8));

      assertProblem(answer, 409);
      assertThat(answer.body()).contains("completed or deleted by someone else");
    }
    assertNoStackTrace(output);
  }

  /** A file sent without credentials is refused before anyone reads it, and quietly. */
  @Test
  void anAttachmentWithoutCredentialsIsRefusedWithoutAStackTrace(CapturedOutput output)
      throws Exception {
    for (String path : List.of("/engine-rest/task/no-such-task/attachment/create",
        "/engine-rest/task/no-such-task/variables/scan/data")) {
      RawHttp.Answer answer = http.send("POST", path, null, MULTIPART,
          multipart("content", "scan.pdf", 1024));
      assertThat(answer.status()).as(path).isEqualTo(401);
    }
    assertNoStackTrace(output);
  }

  @Test
  void completingATaskThatNeverExistedIsNotFound(CapturedOutput output) throws Exception {
    RawHttp.Answer answer = http.send("POST", "/engine-rest/task/no-such-task/complete", ADMIN,
        JSON, "{}".getBytes(UTF_8));

    assertProblem(answer, 404);
    assertNoStackTrace(output);
  }

  @Test
  void aDeploymentWithoutFilesIsABadRequest(CapturedOutput output) throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    byte[] onlyAName = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data;"
        + " name=\"deployment-name\"\r\n\r\nempty\r\n--" + BOUNDARY + "--\r\n").getBytes(UTF_8);

    String path = "/engine-rest/deployment/create";
    assertProblem(http.send("POST", path, ADMIN, MULTIPART, onlyAName), 400);
    assertProblem(http.send("POST", path, ADMIN, MULTIPART, new byte[0]), 400);

    // The same through the webapps' engine API, in an administrator's Cockpit session.
    WebappSession cockpit = new WebappSession(port, null);
    assertThat(cockpit.login("cockpit", ADMIN).statusCode()).isEqualTo(200);
    HttpResponse<String> webapp = cockpit.send("POST",
        "/camunda/api/engine/engine/default/deployment/create", MULTIPART, onlyAName);
    assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(400);
    assertThat(webapp.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertNoStackTrace(output);
  }

  @Test
  void aVariableOfAnUnknownTypeIsABadRequest(CapturedOutput output) throws Exception {
    String task = screeningOfANewCase();

    for (String variable : List.of("{\"type\": \"NoSuchType\", \"value\": \"x\"}",
        "{\"type\": \"Integer\", \"value\": \"Amina\"}",
        "{\"type\": \"Date\", \"value\": \"yesterday\"}")) {
      RawHttp.Answer answer = http.send("PUT", "/engine-rest/task/" + task + "/variables/age",
          ADMIN, JSON, variable.getBytes(UTF_8));

      assertProblem(answer, 400);
      assertThat(answer.body()).as("the value is not echoed").doesNotContain("Amina");
    }
    assertNoStackTrace(output);
  }
}
