package pk.hifazat.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.area.AreaGroups;

/**
 * Every change made through the engine, by any door, is in the audit trail with who, when, the
 * case and the source address; of a variable only its name (R-NO-DISCLOSURE).
 */
@HifazatTest
class EngineChangesAuditTest {

  /** Reassigning is a supervisor's or an administrator's; the administrator holds every grant. */
  private static final String SUPERVISOR = "admin";
  private static final String OFFICER = "cpo.lahore.m";

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired ObjectMapper json;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @LocalServerPort int port;

  private RawHttp http;
  private String caseNumber;

  /** One audit entry as /api/audit answers it. */
  private record Entry(String user, String action, String detail, String address) {}

  @BeforeEach
  void aBoysCaseInLahore() throws Exception {
    http = new RawHttp(port);
    Instant custody = Instant.now().minus(Duration.ofHours(2));
    caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "M", "FORCED_LABOUR", custody, custody));
  }

  private List<Entry> trail(String query) throws Exception {
    JsonNode events = json.readTree(mvc.perform(get("/api/audit?" + query)
            .with(httpBasic("admin", CaseDriver.PASSWORD)))
        .andReturn().getResponse().getContentAsString());
    List<Entry> entries = new ArrayList<>();
    events.forEach(event -> entries.add(new Entry(event.path("user").asText(),
        event.path("action").asText(), event.path("detail").asText(),
        event.path("remoteAddress").asText(null))));
    return entries;
  }

  private List<Entry> caseTrail() throws Exception {
    return trail("caseNumber=" + caseNumber);
  }

  private RawHttp.Answer send(String method, String path, String user, String body)
      throws Exception {
    return http.send(method, path, user, body == null ? null : "application/json",
        body == null ? null : body.getBytes(UTF_8));
  }

  private static void assertDone(RawHttp.Answer answer, String what) {
    assertThat(answer.status()).as(what + ": " + answer).isBetween(200, 299);
  }

  private static boolean entry(List<Entry> trail, String user, String action, String... words) {
    return trail.stream().anyMatch(entry -> entry.user().equals(user)
        && entry.action().equals(action) && "127.0.0.1".equals(entry.address())
        && List.of(words).stream().allMatch(entry.detail()::contains));
  }

  @Test
  void aTaskChangingHandsThroughTheEngineRestApiLeavesWhoAndWhere() throws Exception {
    String task = cases.task(caseNumber, "Task_ArrangeProduction").getId();

    assertDone(send("POST", "/engine-rest/task/" + task + "/claim", OFFICER,
        "{\"userId\": \"" + OFFICER + "\"}"), "claim");
    assertDone(send("POST", "/engine-rest/task/" + task + "/delegate", SUPERVISOR,
        "{\"userId\": \"cpo.lahore.f\"}"), "delegate");
    assertDone(send("POST", "/engine-rest/task/" + task + "/assignee", SUPERVISOR,
        "{\"userId\": \"" + OFFICER + "\"}"), "assign");
    assertDone(send("POST", "/engine-rest/task/" + task + "/identity-links", SUPERVISOR,
        "{\"groupId\": \"supervisor-pb-lahore\", \"type\": \"candidate\"}"), "add candidates");

    List<Entry> trail = caseTrail();
    assertThat(entry(trail, OFFICER, "TASK_CHANGED", "Claim", "assignee", OFFICER, task))
        .as("claim in %s", trail).isTrue();
    assertThat(entry(trail, SUPERVISOR, "TASK_CHANGED", "Delegate", "cpo.lahore.f"))
        .as("delegation in %s", trail).isTrue();
    assertThat(entry(trail, SUPERVISOR, "TASK_CHANGED", "Assign", "cpo.lahore.f -> " + OFFICER))
        .as("assignment in %s", trail).isTrue();
    assertThat(entry(trail, SUPERVISOR, "TASK_CHANGED", "AddGroupLink", "supervisor-pb-lahore"))
        .as("candidate group in %s", trail).isTrue();
  }

  @Test
  void aVariableChangeNamesTheVariableButNeverItsValue() throws Exception {
    String task = cases.task(caseNumber, "Task_ArrangeProduction").getId();
    String instance = cases.task(caseNumber, "Task_ArrangeProduction").getProcessInstanceId();

    assertDone(send("PUT", "/engine-rest/task/" + task + "/localVariables/visitNote", OFFICER,
        "{\"value\": \"Met Ali Raza at his uncle's house\", \"type\": \"String\"}"),
        "task variable");
    assertDone(send("POST", "/engine-rest/process-instance/" + instance + "/variables", "admin",
        "{\"modifications\": {\"courtRoom\": {\"value\": \"Room 4, Sessions Court\","
            + " \"type\": \"String\"}}}"), "process variables");

    List<Entry> trail = caseTrail();
    assertThat(entry(trail, OFFICER, "VARIABLE_CHANGED", "SetVariable", "visitNote", task))
        .as("task variable in %s", trail).isTrue();
    assertThat(entry(trail, "admin", "VARIABLE_CHANGED", "courtRoom"))
        .as("process variable in %s", trail).isTrue();
    assertThat(trail).noneMatch(entry -> entry.detail().contains("Ali Raza")
        || entry.detail().contains("Room 4"));
  }

  @Test
  void jobOperationsThroughTheEngineRestApiAreAudited() throws Exception {
    Job timer = cases.timers(caseNumber, "courtProduction").stream()
        .filter(job -> job.getDuedate() != null).findFirst().orElseThrow();

    assertDone(send("PUT", "/engine-rest/job/" + timer.getId() + "/retries", "admin",
        "{\"retries\": 5}"), "retries");
    assertDone(send("PUT", "/engine-rest/job/" + timer.getId() + "/duedate", "admin",
        "{\"duedate\": \"2099-01-01T00:00:00.000+0000\"}"), "due date");
    assertDone(send("POST", "/engine-rest/job/" + timer.getId() + "/execute", "admin", null),
        "execute");

    List<Entry> trail = caseTrail();
    assertThat(entry(trail, "admin", "JOB_CHANGED", "SetJobRetries", "retries", "-> 5",
        timer.getId())).as("retries in %s", trail).isTrue();
    assertThat(entry(trail, "admin", "JOB_CHANGED", "SetDueDate", timer.getId()))
        .as("due date in %s", trail).isTrue();
    assertThat(entry(trail, "admin", "JOB_CHANGED", "Execute", timer.getId()))
        .as("execution in %s", trail).isTrue();
  }

  @Test
  void aTaskDueDateChangeIsAudited() throws Exception {
    // A task of no statute, the outcome of identification once the report is screened (a
    // statutory task's due date is the clock, and stays where it is).
    cases.screen(caseNumber, false);
    String task = cases.task(caseNumber, "Task_DecideIdentificationOutcome").getId();
    ObjectNode dto = (ObjectNode) json.readTree(
        send("GET", "/engine-rest/task/" + task, "admin", null).body());
    dto.put("due", "2099-02-03T04:05:06.000+0000");

    assertDone(send("PUT", "/engine-rest/task/" + task, "admin", dto.toString()), "due date");

    List<Entry> trail = trail("user=admin&action=TASK_CHANGED");
    assertThat(entry(trail, "admin", "TASK_CHANGED", "Update", "dueDate: null -> ", task))
        .as("due date in %s", trail).isTrue();
  }

  @Test
  void suspendingAndDeletingACaseThroughTheEngineRestApiAreAudited() throws Exception {
    String instance = cases.instance(caseNumber, "courtProduction").getId();

    assertDone(send("PUT", "/engine-rest/process-instance/" + instance + "/suspended", "admin",
        "{\"suspended\": true}"), "suspend");
    assertDone(send("PUT", "/engine-rest/process-instance/" + instance + "/suspended", "admin",
        "{\"suspended\": false}"), "activate");
    assertDone(send("DELETE", "/engine-rest/process-instance/" + instance, "admin", null),
        "delete");

    List<Entry> trail = caseTrail();
    assertThat(entry(trail, "admin", "PROCESS_CHANGED", "Suspend", "ProcessInstance", instance))
        .as("suspension in %s", trail).isTrue();
    assertThat(entry(trail, "admin", "PROCESS_CHANGED", "Activate", instance))
        .as("activation in %s", trail).isTrue();
    assertThat(entry(trail, "admin", "PROCESS_CHANGED", "Delete", instance))
        .as("deletion in %s", trail).isTrue();
  }

  @Test
  void aDeploymentThroughTheEngineRestApiIsAudited() throws Exception {
    String boundary = "----hifazat" + UUID.randomUUID();
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\naudit-check\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"triage.dmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n"
        + Files.readString(Path.of("processes/triage.dmn")) + "\r\n"
        + "--" + boundary + "--\r\n";
    RawHttp.Answer deployed = http.send("POST", "/engine-rest/deployment/create", "admin",
        "multipart/form-data; boundary=" + boundary, body.getBytes(UTF_8));
    assertDone(deployed, "deployment");
    String deployment = json.readTree(deployed.body()).path("id").asText();

    List<Entry> trail = trail("user=admin&action=DEPLOYMENT_CHANGED");
    assertThat(entry(trail, "admin", "DEPLOYMENT_CHANGED", "Create", deployment))
        .as("deployment in %s", trail).isTrue();
  }

  @Test
  void changesThroughTheJavaApiAreAuditedWithTheAuthenticatedUser() throws Exception {
    String task = cases.task(caseNumber, "Task_ArrangeProduction").getId();
    identityService.setAuthentication(SUPERVISOR, List.of(AreaGroups.ADMINISTRATORS));
    try {
      taskService.setAssignee(task, OFFICER);
      taskService.setVariableLocal(task, "Visit_Note", "Ali Raza was calm");
    } finally {
      identityService.clearAuthentication();
    }

    List<Entry> trail = caseTrail();
    assertThat(trail).anyMatch(entry -> entry.user().equals(SUPERVISOR)
        && entry.action().equals("TASK_CHANGED") && entry.detail().contains("-> " + OFFICER)
        && entry.address() == null);
    assertThat(trail).anyMatch(entry -> entry.user().equals(SUPERVISOR)
        && entry.action().equals("VARIABLE_CHANGED") && entry.detail().contains("Visit_Note"));
    assertThat(trail).noneMatch(entry -> entry.detail().contains("Ali Raza"));
  }
}
