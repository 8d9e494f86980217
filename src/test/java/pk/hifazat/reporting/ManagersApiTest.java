package pk.hifazat.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/** What managers ask of deadlines and bottlenecks, and that each sees only their own area. */
@HifazatTest
class ManagersApiTest {

  private static final Instant CUSTODY = OffsetDateTime.parse("2026-10-01T08:00:00+05:00")
      .toInstant();

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ResultActions as(String user, String url) throws Exception {
    return mvc.perform(get(url).with(httpBasic(user, "demo")));
  }

  private JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  @Test
  @DisplayName("R-COURT-24H: managers list breached and at-risk production deadlines of their province")
  void managerListsBreachesOfTheProvince() throws Exception {
    cases.clockAt(CUSTODY.plus(Duration.ofHours(25)));
    String lahore = cases.report(Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE",
        CUSTODY, CUSTODY));
    String karachi = cases.report(Reports.inCustody("SD", "Karachi South", "F", "SEXUAL_ABUSE",
        CUSTODY, CUSTODY));

    as("manager.punjab", "/api/sla/clocks?status=BREACHED&rule=R-COURT-24H&limit=1000")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.clocks[*].caseNumber", hasItem(lahore)))
        .andExpect(jsonPath("$.clocks[*].caseNumber", not(hasItem(karachi))))
        .andExpect(jsonPath("$.clocks[*].province", everyItem(is("PB"))))
        .andExpect(jsonPath("$.clocks[*].status", everyItem(is("BREACHED"))));
    JsonNode breaches = read(as("manager.punjab", "/api/sla/breaches?from="
        + CUSTODY.minus(Duration.ofDays(1)) + "&to=" + CUSTODY.plus(Duration.ofDays(2))));
    assertThat(breaches.get("byRule").toString()).as(breaches.toString()).contains("R-COURT-24H");
    assertThat(breaches.get("byDay")).hasSize(4);
    assertThat(breaches.get("breaches").toString()).contains(lahore).doesNotContain(karachi);
    as("admin", "/api/sla/clocks?province=SD&status=BREACHED&limit=1000")
        .andExpect(jsonPath("$.clocks[*].caseNumber", hasItem(karachi)));
  }

  @Test
  void managerCannotAskForAnotherProvince() throws Exception {
    as("manager.punjab", "/api/sla/clocks?province=SD").andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403));
    as("manager.punjab", "/api/bottlenecks?province=SD").andExpect(status().isForbidden());
    as("supervisor.lahore", "/api/sla/breaches?district=Multan").andExpect(status().isForbidden());
    as("policy.editor", "/api/sla/clocks").andExpect(status().isForbidden());
    as("policy.editor", "/api/bottlenecks").andExpect(status().isOk());
    mvc.perform(get("/api/bottlenecks")).andExpect(status().isUnauthorized());
  }

  @Test
  void badQueryParametersAreNamed() throws Exception {
    as("manager.punjab", "/api/sla/clocks?status=LATE").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    as("manager.punjab", "/api/bottlenecks?from=yesterday").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
    as("manager.punjab", "/api/sla/breaches?from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z")
        .andExpect(status().isBadRequest());
    as("manager.punjab", "/api/sla/clocks?limit=100000").andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
  }

  @Test
  void meTellsTheUsersArea() throws Exception {
    as("manager.punjab", "/api/me").andExpect(jsonPath("$.scope").value("PROVINCE"))
        .andExpect(jsonPath("$.province").value("PB"));
    as("supervisor.lahore", "/api/me").andExpect(jsonPath("$.scope").value("DISTRICT"))
        .andExpect(jsonPath("$.district").value("Lahore"));
    as("admin", "/api/me").andExpect(jsonPath("$.scope").value("NATIONAL"));
  }

  @Test
  @DisplayName("Bottlenecks: waiting (created to claimed) and handling (claimed to completed) times, work in progress and lateness per activity")
  void bottlenecksMeasureWaitingAndHandlingPerActivity() throws Exception {
    Instant start = Instant.parse("2026-09-01T03:00:00Z");
    cases.clockAt(start);
    String district = "Multan";
    String first = cases.report(Reports.inCustody("PB", district, "M", "FORCED_LABOUR", start,
        start));
    String second = cases.report(Reports.inCustody("PB", district, "M", "FORCED_LABOUR", start,
        start));

    cases.clockAt(start.plus(Duration.ofHours(1)));
    taskService.claim(cases.task(first, "Task_ArrangeProduction").getId(), "cpo.lahore.m");
    cases.clockAt(start.plus(Duration.ofHours(3)));
    cases.complete(first, "Task_ArrangeProduction", Map.of(
        "productionCourt", "Guardian Judge, Multan", "immediateProductionPossible", true));

    String url = "/api/bottlenecks?district=" + district + "&from=" + start.minus(Duration.ofDays(1))
        + "&to=" + start.plus(Duration.ofDays(2));
    JsonNode activities = read(as("manager.punjab", url)).get("activities");
    JsonNode arrange = find(activities, "Task_ArrangeProduction");
    assertThat(arrange.get("workInProgress").asLong()).isEqualTo(1);
    assertThat(arrange.get("waitingSeconds").get("median").asDouble()).isEqualTo(3600.0);
    assertThat(arrange.get("handlingSeconds").get("median").asDouble()).isEqualTo(7200.0);
    assertThat(arrange.get("completionsPerDay").asDouble()).isEqualTo(round(1 / 3.0));
    assertThat(arrange.get("breachRate").asDouble()).isZero();
    assertThat(arrange.get("oldestOpen").get(0).get("caseNumber").asText()).isEqualTo(second);
    JsonNode produce = find(activities, "Task_ProduceBeforeCourt");
    assertThat(produce.get("workInProgress").asLong()).isEqualTo(1);
    assertThat(produce.get("activityName").asText()).isEqualTo("Produce the child before the court");

    cases.clockAt(start.plus(Duration.ofHours(30)));
    JsonNode late = find(read(as("manager.punjab", url)).get("activities"),
        "Task_ArrangeProduction");
    assertThat(late.get("overdueOpen").asLong()).isEqualTo(1);
    as("supervisor.lahore", "/api/bottlenecks?district=" + district)
        .andExpect(status().isForbidden());
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static JsonNode find(JsonNode activities, String activityId) {
    for (JsonNode activity : activities) {
      if (activity.get("activityId").asText().equals(activityId)) {
        return activity;
      }
    }
    throw new AssertionError("No activity " + activityId + " in " + activities);
  }
}
