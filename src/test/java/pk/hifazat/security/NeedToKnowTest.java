package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.area.AreaGroups;

/**
 * Need to know (R-GIRL-FEMALE-CARE, R-NO-DISCLOSURE): a girl's case reaches only the engine's
 * readers of it through every door, and the child's own words only her officers and supervisors.
 */
@HifazatTest
class NeedToKnowTest {

  private static final String SCREENING_NOTES = "She was moved twice by the same man";
  private static final String CHILD_VIEWS = "Wants to stay with her aunt";
  private static final String WEBAPP = "/camunda/api/engine/engine/default";

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A Lahore girl in custody: production is running, its clock open. */
  private String girlInCustody() throws Exception {
    return girlInCustody(Instant.now());
  }

  private String girlInCustody(Instant now) throws Exception {
    Instant custody = now.minus(Duration.ofHours(1));
    return cases.report(Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING", custody, custody));
  }

  /** A Lahore girl screened, heard and referred: the agencies' focal points have her referrals. */
  private String girlReferred() throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "F", "FORCED_LABOUR",
        Instant.now().minus(Duration.ofHours(2))));
    Map<String, Object> screening = new HashMap<>();
    screening.put("immediateDanger", false);
    screening.put("interviewChildFriendly", true);
    screening.put("indicatorWorkingChild", true);
    screening.put("screeningNotes", SCREENING_NOTES);
    cases.complete(caseNumber, "Task_ScreenReport", screening);
    cases.complete(caseNumber, "Task_RecordChildViews",
        Map.of("childViewsSought", true, "childViews", CHILD_VIEWS));
    Map<String, Object> decision = new HashMap<>();
    decision.put("identificationOutcome", "CHILD_AT_RISK");
    decision.put("outcomeReason", "Her account of the kiln");
    decision.put("placementNeeded", false);
    decision.put("needsMedical", false);
    decision.put("needsPsychosocial", false);
    decision.put("needsShelter", false);
    decision.put("needsEducation", false);
    cases.complete(caseNumber, "Task_DecideIdentificationOutcome", decision);
    return caseNumber;
  }

  private Task policeReferral(String caseNumber) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_AcknowledgeReferral").taskCandidateGroup(
            AreaGroups.agency("POLICE", "PB", "Lahore")).singleResult();
  }

  private List<String> instanceIds(String caseNumber) {
    return historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list().stream()
        .map(HistoricProcessInstance::getId).toList();
  }

  private String caseInstance(String caseNumber) {
    return historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey("childProtectionCase")
        .singleResult().getId();
  }

  private int api(String user, String path) throws Exception {
    return mvc.perform(get(path).with(httpBasic(user, CaseDriver.PASSWORD))).andReturn()
        .getResponse().getStatus();
  }

  private String apiBody(String user, String path) throws Exception {
    return mvc.perform(get(path).with(httpBasic(user, CaseDriver.PASSWORD))).andReturn()
        .getResponse().getContentAsString();
  }

  private HttpResponse<String> engine(String user, String path) throws Exception {
    String basic = Base64.getEncoder().encodeToString(
        (user + ":" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + basic).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // Our API ---------------------------------------------------------------------------------

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: a male officer is told a girl's case does not exist, however he spells its number")
  void maleOfficerCannotOpenAGirlsCase() throws Exception {
    String caseNumber = girlInCustody();

    for (String spelling : List.of(caseNumber, caseNumber.toLowerCase(Locale.ROOT))) {
      assertThat(api("cpo.lahore.m", "/api/cases/" + spelling)).as(spelling).isEqualTo(404);
      assertThat(api("cpo.lahore.m", "/api/cases/" + spelling + "/identity")).as(spelling)
          .isEqualTo(404);
    }
    assertThat(api("cpo.lahore.f", "/api/cases/" + caseNumber)).isEqualTo(200);
    assertThat(api("supervisor.lahore", "/api/cases/" + caseNumber)).isEqualTo(200);
    assertThat(api("manager.punjab", "/api/cases/" + caseNumber)).isEqualTo(200);
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: a girl's deadlines are not in a male officer's clock or breach lists, by any filter")
  void maleOfficerListsNoneOfAGirlsClocks() throws Exception {
    String caseNumber = girlInCustody();
    String tomorrow = Instant.now().plus(Duration.ofDays(2)).toString();
    String lastWeek = Instant.now().minus(Duration.ofDays(7)).toString();

    for (String list : List.of("/api/sla/clocks", "/api/sla/clocks?caseNumber=" + caseNumber,
        "/api/sla/clocks?district=Lahore&rule=R-COURT-24H&limit=1000",
        "/api/sla/clocks?province=pb&status=RUNNING")) {
      assertThat(apiBody("cpo.lahore.m", list)).as(list).doesNotContain(caseNumber);
    }
    // Her readers find her, however many other cases the lists hold.
    String hers = "/api/sla/clocks?caseNumber=" + caseNumber;
    assertThat(apiBody("cpo.lahore.f", hers)).contains(caseNumber);
    assertThat(apiBody("supervisor.lahore", hers)).contains(caseNumber);
    // Once breached, her clock is in the breach lists of those who may read her case only.
    cases.clockAt(Instant.now().plus(Duration.ofHours(30)));
    String breaches = "/api/sla/breaches?from=" + lastWeek + "&to=" + tomorrow;
    assertThat(apiBody("cpo.lahore.m", breaches)).doesNotContain(caseNumber);
    assertThat(apiBody("cpo.lahore.m", breaches + "&caseNumber=" + caseNumber))
        .doesNotContain(caseNumber).contains("\"total\":0");
    assertThat(apiBody("cpo.lahore.f", breaches + "&caseNumber=" + caseNumber))
        .contains(caseNumber);
    assertThat(apiBody("supervisor.lahore", breaches + "&caseNumber=" + caseNumber))
        .contains(caseNumber);
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: the dashboard's oldest-open drill-down names a girl's case to her female officer, not to a male officer")
  void drillDownNamesAGirlsCaseOnlyToHerReaders() throws Exception {
    // Reported long ago, so that her tasks are the oldest open ones whatever else is open.
    cases.clockAt(Instant.now().minus(Duration.ofDays(400)));
    String caseNumber = girlInCustody(Instant.now().minus(Duration.ofDays(400)));
    ClockUtil.reset();

    for (String query : List.of("/api/bottlenecks", "/api/bottlenecks?groupBy=DISTRICT",
        "/api/bottlenecks?district=Lahore")) {
      assertThat(apiBody("cpo.lahore.m", query)).as(query).doesNotContain(caseNumber);
      assertThat(apiBody("cpo.lahore.f", query)).as(query).contains(caseNumber);
      assertThat(apiBody("supervisor.lahore", query)).as(query).contains(caseNumber);
    }
  }

  // The engine's doors ----------------------------------------------------------------------

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: a male officer finds neither a girl's instances nor her variables through the engine REST API")
  void maleOfficerReadsNothingOfAGirlsCaseThroughEngineRest() throws Exception {
    String caseNumber = girlReferred();
    String ids = String.join(",", instanceIds(caseNumber));

    for (String path : List.of("/engine-rest/process-instance?businessKey=" + caseNumber,
        "/engine-rest/variable-instance?processInstanceIdIn=" + ids,
        "/engine-rest/variable-instance?variableName=screeningNotes",
        "/engine-rest/history/variable-instance?processInstanceIdIn=" + ids,
        "/engine-rest/history/variable-instance?variableName=childViews",
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseNumber)) {
      HttpResponse<String> answer = engine("cpo.lahore.m", path);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      // Boys' cases of his district may be listed; nothing of hers.
      assertThat(instanceIds(caseNumber)).as(path).noneMatch(answer.body()::contains);
      assertThat(answer.body()).as(path).doesNotContain(caseNumber);
    }
    assertThat(engine("cpo.lahore.m", "/engine-rest/process-instance/" + caseInstance(caseNumber)
        + "/variables").statusCode()).isIn(403, 404);
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a focal point reads the referral on her task, never the screening notes or the child's words")
  void focalPointReadsOnlyWhatTheReferralNeeds() throws Exception {
    String caseNumber = girlReferred();
    Task referral = policeReferral(caseNumber);
    String ids = String.join(",", instanceIds(caseNumber));

    JsonNode taskVariables = json.readTree(engine("focal.police.lahore",
        "/engine-rest/task/" + referral.getId() + "/variables").body());
    assertThat(taskVariables.has("agency")).as(taskVariables.toString()).isTrue();
    for (String path : List.of("/engine-rest/task/" + referral.getId() + "/variables",
        "/engine-rest/task/" + referral.getId() + "/form-variables",
        "/engine-rest/variable-instance?processInstanceIdIn=" + ids,
        "/engine-rest/variable-instance?variableName=screeningNotes",
        "/engine-rest/history/variable-instance?processInstanceIdIn=" + ids,
        "/engine-rest/history/variable-instance?variableName=childViews",
        "/engine-rest/history/detail?processInstanceId=" + referral.getProcessInstanceId(),
        "/engine-rest/process-instance/" + referral.getProcessInstanceId() + "/variables",
        "/engine-rest/process-instance/" + caseInstance(caseNumber) + "/variables")) {
      String body = engine("focal.police.lahore", path).body();
      assertThat(body).as(path).doesNotContain(SCREENING_NOTES).doesNotContain(CHILD_VIEWS)
          .doesNotContain("screeningNotes").doesNotContain("childViews");
    }
  }

  @Test
  @DisplayName("R-REFERRAL: a focal point still completes her referral task in Tasklist")
  void focalPointCompletesHerReferralInTasklist() throws Exception {
    String caseNumber = girlReferred();
    Task referral = policeReferral(caseNumber);
    WebappSession tasklist = webapp("tasklist", "focal.police.lahore");

    String form = tasklist.get(WEBAPP + "/task/" + referral.getId() + "/form-variables").body();
    assertThat(form).doesNotContain(SCREENING_NOTES).doesNotContain(CHILD_VIEWS);
    HttpResponse<String> done = tasklist.send("POST", WEBAPP + "/task/" + referral.getId()
        + "/submit-form", "application/json", "{\"variables\": {\"referralDecision\": {\"value\": \"ACKNOWLEDGED\","
        + " \"type\": \"String\"}, \"declineReason\": {\"value\": null, \"type\": \"Null\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(referral.getId()).count()).isZero();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a manager follows a girl's case in Cockpit but reads none of its variables")
  void managerInCockpitReadsNoVariables() throws Exception {
    String caseNumber = girlReferred();
    String ids = String.join(",", instanceIds(caseNumber));
    WebappSession cockpit = webapp("cockpit", "manager.punjab");

    assertThat(cockpit.get(WEBAPP + "/process-instance?businessKey=" + caseNumber).body()).contains(caseInstance(caseNumber));
    for (String path : List.of("/variable-instance?processInstanceIdIn=" + ids,
        "/variable-instance?variableName=screeningNotes",
        "/history/variable-instance?processInstanceIdIn=" + ids,
        "/history/variable-instance?variableName=childViews",
        "/history/detail?processInstanceId=" + caseInstance(caseNumber))) {
      HttpResponse<String> answer = cockpit.get(WEBAPP + path);
      assertThat(answer.body()).as(path).isEqualTo("[]");
    }
    assertThat(cockpit.get(WEBAPP + "/process-instance/" + caseInstance(caseNumber)
        + "/variables").statusCode()).isEqualTo(403);
    assertThat(engine("manager.punjab", "/engine-rest/process-instance/"
        + caseInstance(caseNumber) + "/variables").statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: the girl's female officer and her supervisor still read the screening notes and her words")
  void herOfficerAndSupervisorReadEverything() throws Exception {
    String caseNumber = girlReferred();
    String ids = String.join(",", instanceIds(caseNumber));

    for (String user : List.of("cpo.lahore.f", "supervisor.lahore")) {
      String history = engine(user, "/engine-rest/history/variable-instance?processInstanceIdIn="
          + ids).body();
      assertThat(history).as(user).contains(SCREENING_NOTES).contains(CHILD_VIEWS);
    }
  }

  /** A browser's session with the webapp, logged in as the user. */
  private WebappSession webapp(String app, String user) throws Exception {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(app, user).statusCode()).as("%s logs into %s", user, app)
        .isEqualTo(200);
    return session;
  }
}
