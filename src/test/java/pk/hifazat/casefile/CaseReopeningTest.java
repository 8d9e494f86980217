package pk.hifazat.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/** The same child reported again reopens their closed case under its number. */
@HifazatTest
class CaseReopeningTest {

  private static final Instant FIRST_REPORT = OffsetDateTime.parse("2026-11-10T09:00:00+05:00")
      .toInstant();
  private static final Instant SECOND_REPORT = FIRST_REPORT.plus(Duration.ofDays(5));
  private static final String CASE = "childProtectionCase";
  private static final String OFFICER = "cpo.lahore.m";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseDriver cases;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @BeforeEach
  void startAnHourAfterTheFirstReport() {
    cases.clockAt(FIRST_REPORT.plus(Duration.ofHours(1)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A boy's case in the district, screened, found not to be a case and closed. */
  private String closedCase(String district) throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", district, "M", "FORCED_LABOUR",
        FIRST_REPORT));
    Map<String, Object> screening = new HashMap<>();
    screening.put("immediateDanger", false);
    screening.put("interviewChildFriendly", true);
    cases.complete(caseNumber, "Task_ScreenReport", screening);
    closeAsNotACase(caseNumber);
    JsonNode file = cases.caseFile(caseNumber);
    assertThat(file.get("status").asText()).isEqualTo("CLOSED");
    assertThat(file.get("stage").asText()).isEqualTo("CLOSED");
    return caseNumber;
  }

  private void closeAsNotACase(String caseNumber) {
    cases.complete(caseNumber, "Task_DecideIdentificationOutcome", Map.of(
        "identificationOutcome", "NOT_A_CASE", "outcomeReason", "Child safe at home"));
    cases.complete(caseNumber, "Task_CloseCase", Map.of(
        "closureReason", "NOT_A_CASE", "closureNotes", "No concern found at screening"));
    cases.approveClosure(caseNumber);
  }

  /** The child reported again in Lahore, a week later, naming the earlier case. */
  private static String reportedAgain(String previousCaseNumber) {
    return Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR", SECOND_REPORT)
        .replaceFirst("\\{", "{\"previousCaseNumber\": \"" + previousCaseNumber + "\",");
  }

  private MvcResult post(String user, String body) throws Exception {
    cases.clockAt(SECOND_REPORT.plus(Duration.ofMinutes(20)));
    return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .post("/api/cases")
            .with(httpBasic(user, CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body))
        .andReturn();
  }

  private JsonNode body(MvcResult result) throws Exception {
    return json.readTree(result.getResponse().getContentAsString());
  }

  private long caseProcessesStarted(String caseNumber) {
    return historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey(CASE).count();
  }

  @Test
  @DisplayName("A child reported again reopens their closed case under the same number, with a new case process")
  void childReportedAgainReopensTheClosedCase() throws Exception {
    String caseNumber = closedCase("Lahore");
    String firstInstance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).processDefinitionKey(CASE).singleResult()
        .getId();

    MvcResult reopened = post(OFFICER, reportedAgain(caseNumber));

    assertThat(reopened.getResponse().getStatus())
        .as(reopened.getResponse().getContentAsString()).isEqualTo(201);
    assertThat(reopened.getResponse().getHeader("Location"))
        .isEqualTo("/api/cases/" + caseNumber);
    JsonNode answer = body(reopened);
    assertThat(answer.get("caseNumber").asText()).isEqualTo(caseNumber);
    String newInstance = answer.get("processInstanceId").asText();
    assertThat(newInstance).isNotEqualTo(firstInstance);
    ProcessInstance running = cases.instance(caseNumber, CASE);
    assertThat(running.getId()).isEqualTo(newInstance);
    assertThat(running.getBusinessKey()).isEqualTo(caseNumber);
    assertThat(caseProcessesStarted(caseNumber)).isEqualTo(2);
    assertThat(cases.instance(caseNumber, "identification").getBusinessKey())
        .isEqualTo(caseNumber);
    assertThat(cases.task(caseNumber, "Task_ScreenReport")).isNotNull();

    JsonNode file = cases.caseFile(caseNumber);
    assertThat(file.get("status").asText()).isEqualTo("OPEN");
    assertThat(file.get("stage").asText()).isEqualTo("IDENTIFICATION");
    assertThat(file.get("processInstanceId").asText()).isEqualTo(newInstance);

    JsonNode audit = json.readTree(mvc.perform(get("/api/audit")
            .param("caseNumber", caseNumber).param("action", "CASE_REOPENED")
            .with(httpBasic("admin", CaseDriver.PASSWORD)))
        .andReturn().getResponse().getContentAsString());
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get("user").asText()).isEqualTo(OFFICER);

    // the reopened case runs its pathway again and closes again
    Map<String, Object> screening = new HashMap<>();
    screening.put("immediateDanger", false);
    screening.put("interviewChildFriendly", true);
    cases.complete(caseNumber, "Task_ScreenReport", screening);
    closeAsNotACase(caseNumber);
    assertThat(cases.caseFile(caseNumber).get("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  @DisplayName("A case still open cannot be reopened: 409 problem, and nothing starts")
  void caseStillOpenIsNotReopened() throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR",
        FIRST_REPORT));

    MvcResult refused = post(OFFICER, reportedAgain(caseNumber));

    assertThat(refused.getResponse().getStatus()).isEqualTo(409);
    assertThat(refused.getResponse().getContentType())
        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JsonNode problem = body(refused);
    assertThat(problem.get("status").asInt()).isEqualTo(409);
    assertThat(problem.get("detail").asText()).contains(caseNumber).contains("still open");
    assertThat(caseProcessesStarted(caseNumber)).isOne();
  }

  @Test
  @DisplayName("An unknown previous case number is refused with 400 naming previousCaseNumber")
  void unknownPreviousCaseIsRefused() throws Exception {
    long casesBefore = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CASE).count();

    MvcResult refused = post(OFFICER, reportedAgain("PB-2019-999999"));

    assertThat(refused.getResponse().getStatus()).isEqualTo(400);
    assertThat(refused.getResponse().getContentType())
        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JsonNode problem = body(refused);
    assertThat(problem.get("errors")).hasSize(1);
    assertThat(problem.get("errors").get(0).get("field").asText())
        .isEqualTo("previousCaseNumber");
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CASE).count()).isEqualTo(casesBefore);
  }

  @Test
  @DisplayName("A closed case of another district is not reopened from this one: 400 naming previousCaseNumber")
  void caseOfAnotherDistrictIsRefused() throws Exception {
    String multanCase = closedCase("Multan");

    MvcResult byAdmin = post("admin", reportedAgain(multanCase));
    MvcResult byOfficer = post(OFFICER, reportedAgain(multanCase));

    assertThat(byAdmin.getResponse().getStatus()).isEqualTo(400);
    JsonNode problem = body(byAdmin);
    assertThat(problem.get("errors").get(0).get("field").asText())
        .isEqualTo("previousCaseNumber");
    assertThat(problem.get("errors").get(0).get("message").asText()).contains("Multan");
    assertThat(byOfficer.getResponse().getStatus()).isEqualTo(400);
    assertThat(body(byOfficer).get("errors").get(0).get("field").asText())
        .isEqualTo("previousCaseNumber");
    assertThat(caseProcessesStarted(multanCase)).isOne();
    assertThat(cases.caseFile(multanCase).get("status").asText()).isEqualTo("CLOSED");
  }
}
