package pk.hifazat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Drives cases the way users do: reports through the API, tasks and timers through the engine. */
public class CaseDriver {

  public static final String PASSWORD = "demo";
  private static final String OUTBOX = "hifazat-owed-work";
  private static final String REVIEW = "deadline-breach-review\n";

  private final MockMvc mvc;
  private final ObjectMapper json;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final JdbcClient jdbc;

  public CaseDriver(MockMvc mvc, ObjectMapper json, TaskService taskService,
      RuntimeService runtimeService, ManagementService managementService, JdbcClient jdbc) {
    this.mvc = mvc;
    this.json = json;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.jdbc = jdbc;
  }

  /** Sets the engine's clock (and so every deadline's idea of now). */
  public void clockAt(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Registers a report from anywhere in the country and answers its case number. */
  public String report(String body) throws Exception {
    MvcResult result = mvc.perform(post("/api/cases")
            .with(httpBasic("admin", PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body))
        .andReturn();
    if (result.getResponse().getStatus() != 201) {
      throw new AssertionError("Report refused with " + result.getResponse().getStatus() + ": "
          + result.getResponse().getContentAsString());
    }
    return json.readTree(result.getResponse().getContentAsString()).get("caseNumber").asText();
  }

  /**
   * Attaches a paper of the given type (AGE_REPORT, COURT_ORDER, ...) to a Lahore case the way
   * an officer does, before the task that asks for it; answers the document's id.
   */
  public String attach(String caseNumber, String documentType) throws Exception {
    MvcResult result = mvc.perform(multipart("/api/cases/" + caseNumber + "/documents")
            .file(new MockMultipartFile("file", "paper.pdf", "application/pdf",
                ("%PDF-1.4\n% " + documentType + "\n%%EOF\n")
                    .getBytes(StandardCharsets.ISO_8859_1)))
            .param("type", documentType).with(httpBasic("supervisor.lahore", PASSWORD)))
        .andReturn();
    if (result.getResponse().getStatus() != 201) {
      throw new AssertionError("Document refused with " + result.getResponse().getStatus()
          + ": " + result.getResponse().getContentAsString());
    }
    return json.readTree(result.getResponse().getContentAsString()).get("id").asText();
  }

  /**
   * A paper on record for a pathway started on its own, without a case file to attach it to
   * through the API: stored as the documents module stores it (content not needed here).
   */
  public String paperOnRecord(String caseNumber, String documentType) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            insert into case_document (id, case_number, document_type, media_type, size_bytes,
              content, uploaded_at, uploaded_by) values (?, ?, ?, 'application/pdf', 1, ?, ?,
              'cpo.lahore.f')""")
        .params(id, caseNumber, documentType, new byte[] {0},
            pk.hifazat.support.SqlTimes.toColumn(now()))
        .update();
    return id;
  }

  public JsonNode caseFile(String caseNumber) throws Exception {
    MvcResult result = mvc.perform(get("/api/cases/" + caseNumber)
            .with(httpBasic("admin", PASSWORD)))
        .andReturn();
    return json.readTree(result.getResponse().getContentAsString());
  }

  public JsonNode deadline(String caseNumber, String rule) throws Exception {
    for (JsonNode deadline : caseFile(caseNumber).get("deadlines")) {
      if (deadline.get("rule").asText().equals(rule)) {
        return deadline;
      }
    }
    throw new AssertionError("Case " + caseNumber + " has no deadline " + rule);
  }

  public List<Task> openTasks(String caseNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
  }

  public Task task(String caseNumber, String taskDefinitionKey) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    if (task == null) {
      throw new AssertionError("Case " + caseNumber + " has no open task " + taskDefinitionKey
          + "; open: " + openTasks(caseNumber).stream().map(Task::getTaskDefinitionKey).toList());
    }
    return task;
  }

  public void complete(String caseNumber, String taskDefinitionKey, Map<String, Object> variables) {
    taskService.complete(task(caseNumber, taskDefinitionKey).getId(), variables);
  }

  /** Screening (R-ID-EARLY): the listed indicators observed, the child interviewed kindly. */
  public void screen(String caseNumber, boolean immediateDanger, String... indicators) {
    Map<String, Object> screening = new java.util.HashMap<>();
    screening.put("immediateDanger", immediateDanger);
    for (String indicator : new String[] {"indicatorMovedByThirdParty", "indicatorDocumentsHeld",
        "indicatorSexualExploitation", "indicatorOnlineAbuse", "indicatorWorkingChild",
        "indicatorMarriageArranged"}) {
      screening.put(indicator, List.of(indicators).contains(indicator));
    }
    screening.put("interviewChildFriendly", true);
    screening.put("screeningNotes", "Interviewed with a counsellor present");
    complete(caseNumber, "Task_ScreenReport", screening);
  }

  /** A report found to be no case: screened, no concern, outcome decided, case closed. */
  public void closeAsNotACase(String caseNumber) {
    screen(caseNumber, false);
    // A report about a listed offence is triaged urgent: the child's views come first (R-VIEWS).
    if (taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_RecordChildViews").count() > 0) {
      complete(caseNumber, "Task_RecordChildViews", Map.of(
          "childViewsSought", true, "childViews", "Wants to stay at home"));
    }
    Map<String, Object> decision = new java.util.HashMap<>();
    decision.put("identificationOutcome", "NOT_A_CASE");
    decision.put("outcomeReason", "The child is safe at home");
    decision.put("placementNeeded", false);
    complete(caseNumber, "Task_DecideIdentificationOutcome", decision);
    complete(caseNumber, "Task_CloseCase", Map.of(
        "closureReason", "NOT_A_CASE", "closureNotes", "Screened: no indication of exploitation"));
    approveClosure(caseNumber);
  }

  /**
   * R-CONSENT: the child and the guardian agree to share with every agency whose referral waits
   * for their consent, also those the referrals are routed on to while this runs.
   */
  public int consentToReferrals(String caseNumber) {
    int given = 0;
    for (List<Task> asked = consentAsked(caseNumber); !asked.isEmpty();
        asked = consentAsked(caseNumber)) {
      taskService.complete(asked.get(0).getId(), Map.of("childConsent", "GIVEN",
          "guardianConsent", "GIVEN", "consentShares", "CASE_FACTS_MEDICAL"));
      given++;
    }
    return given;
  }

  private List<Task> consentAsked(String caseNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_ObtainReferralConsent").list();
  }

  /** The district's supervisor approves the closure the officer asked for (R-CLOSURE-APPROVAL). */
  public void approveClosure(String caseNumber) {
    complete(caseNumber, "Task_ApproveClosure", Map.of("closureDecision", "APPROVED"));
  }

  /** The process instance of the case that runs the given process (the case or a called one). */
  public ProcessInstance instance(String caseNumber, String processDefinitionKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(processDefinitionKey).singleResult();
  }

  /** Executes every job of the case that is due at the engine's current time. */
  public int fireDueTimers(String caseNumber) {
    int fired = 0;
    // One at a time: a job may delete others (a timer ending a sub-process removes its timers).
    for (List<Job> due = dueJobs(caseNumber); !due.isEmpty(); due = dueJobs(caseNumber)) {
      managementService.executeJob(due.get(0).getId());
      fired++;
    }
    return fired;
  }

  private List<Job> dueJobs(String caseNumber) {
    List<Job> ofInstances = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list().stream()
        .flatMap(instance -> managementService.createJobQuery()
            .processInstanceId(instance.getId()).executable().list().stream())
        .toList();
    // A breach's review continues the case's pathway; its e-mail is left to the mail tests.
    return ofInstances.isEmpty() ? owedWork(caseNumber, REVIEW) : ofInstances;
  }

  /** Starts the reviews the case's recorded breaches owe, as a node's job executor would. */
  public int startOwedReviews(String caseNumber) {
    return workOff(caseNumber, REVIEW);
  }

  /** Does all the work the case's committed facts owe: reviews, e-mails; the jobs run. */
  public int workOffOwedWork(String caseNumber) {
    return workOff(caseNumber, "");
  }

  private int workOff(String caseNumber, String kind) {
    int done = 0;
    for (List<Job> owed = owedWork(caseNumber, kind); !owed.isEmpty();
        owed = owedWork(caseNumber, kind)) {
      managementService.executeJob(owed.get(0).getId());
      done++;
    }
    return done;
  }

  /** The case's owed work of a kind ("" for any) that is due: outbox jobs naming the case. */
  public List<Job> owedWork(String caseNumber, String kind) {
    return managementService.createJobQuery().executable().list().stream()
        .filter(job -> job instanceof JobEntity entity
            && OUTBOX.equals(entity.getJobHandlerType())
            && entity.getJobHandlerConfigurationRaw().startsWith(kind)
            && entity.getJobHandlerConfigurationRaw().contains(
                "\"caseNumber\":\"" + caseNumber + "\""))
        .toList();
  }

  public List<Job> timers(String caseNumber, String processDefinitionKey) {
    return managementService.createJobQuery()
        .processInstanceId(instance(caseNumber, processDefinitionKey).getId())
        .timers()
        .list();
  }
}
