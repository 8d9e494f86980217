package pk.hifazat.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The whole country's figures, as a national manager (group manager-national) reads them, and
 * the province managers' figures that stay their province's.
 */
@HifazatTest
class NationalFiguresTest {

  private static final String NATIONAL = "manager.pakistan";

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired ObjectMapper json;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ResultActions as(String user, String url) throws Exception {
    return mvc.perform(get(url).with(httpBasic(user, CaseDriver.PASSWORD)));
  }

  private JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString());
  }

  @Test
  @DisplayName("R-COURT-24H: a national manager reads the breaches and bottlenecks of every province")
  void nationalManagerSeesTheWholeCountry() throws Exception {
    Instant custody = Instant.parse("2025-02-10T05:00:00Z");
    cases.clockAt(custody);
    String punjab = cases.report(Reports.inCustody("PB", "Faisalabad", "F", "SEXUAL_ABUSE",
        custody, custody));
    String sindh = cases.report(Reports.inCustody("SD", "Hyderabad", "M", "FORCED_LABOUR",
        custody, custody));
    cases.clockAt(custody.plus(Duration.ofHours(25)));
    String range = "from=" + custody.minus(Duration.ofDays(1)) + "&to="
        + custody.plus(Duration.ofDays(2));

    JsonNode country = read(as(NATIONAL, "/api/sla/breaches?" + range));
    assertThat(caseNumbers(country.get("breaches"))).contains(punjab, sindh);
    JsonNode punjabOnly = read(as(NATIONAL, "/api/sla/breaches?province=PB&" + range));
    assertThat(caseNumbers(punjabOnly.get("breaches"))).contains(punjab).doesNotContain(sindh);
    assertThat(country.get("total").asLong()).isGreaterThan(punjabOnly.get("total").asLong());

    as(NATIONAL, "/api/bottlenecks?groupBy=province&" + range)
        .andExpect(jsonPath("$.activities[*].province", hasItem("PB")))
        .andExpect(jsonPath("$.activities[*].province", hasItem("SD")));
    JsonNode open = read(as(NATIONAL, "/api/bottlenecks?" + range)).get("activities");
    List<String> named = new ArrayList<>();
    open.forEach(activity -> named.addAll(caseNumbers(activity.get("oldestOpen"))));
    assertThat(named).contains(punjab, sindh);
    as(NATIONAL, "/api/me").andExpect(jsonPath("$.scope").value("NATIONAL"));
  }

  @Test
  @DisplayName("A province manager's figures stay their province's, however the other is spelled")
  void provinceManagerStillSeesOnlyTheirProvince() throws Exception {
    for (String other : List.of("SD", "sd", "%20Sd%20", "KP")) {
      as("manager.punjab", "/api/bottlenecks?province=" + other)
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.status").value(403));
      as("manager.punjab", "/api/sla/breaches?province=" + other)
          .andExpect(status().isForbidden());
      as("manager.punjab", "/api/bottlenecks?groupBy=province&province=" + other)
          .andExpect(status().isForbidden());
    }
    Instant custody = Instant.parse("2025-03-10T05:00:00Z");
    cases.clockAt(custody);
    String sindh = cases.report(Reports.inCustody("SD", "Hyderabad", "M", "FORCED_LABOUR",
        custody, custody));
    cases.clockAt(custody.plus(Duration.ofHours(25)));
    String range = "from=" + custody.minus(Duration.ofDays(1)) + "&to="
        + custody.plus(Duration.ofDays(2));
    JsonNode punjab = read(as("manager.punjab", "/api/sla/breaches?" + range));
    assertThat(caseNumbers(punjab.get("breaches"))).doesNotContain(sindh);
    as("manager.punjab", "/api/bottlenecks?groupBy=province&" + range)
        .andExpect(jsonPath("$.activities[*].province", org.hamcrest.Matchers.everyItem(
            org.hamcrest.Matchers.is("PB"))));
  }

  @Test
  @DisplayName("R-COURT-24H: breaches are counted per calendar day in Pakistan, each day of the range listed")
  void breachesAreCountedPerPakistanDay() throws Exception {
    // Custody at 20:30 UTC: the 24 hours end at 01:30 on 3 April in Pakistan (UTC+5), still on
    // 2 April in UTC. Custody at 10:00 UTC: due at 15:00 on 2 April in Pakistan.
    Instant evening = Instant.parse("2025-04-01T20:30:00Z");
    Instant morning = Instant.parse("2025-04-01T10:00:00Z");
    cases.clockAt(evening);
    cases.report(Reports.inCustody("BA", "Quetta", "M", "FORCED_LABOUR", evening, evening));
    cases.report(Reports.inCustody("BA", "Quetta", "F", "SEXUAL_ABUSE", morning, morning));
    cases.clockAt(evening.plus(Duration.ofHours(30)));
    JsonNode breaches = read(as(NATIONAL, "/api/sla/breaches?province=BA&district=Quetta"
        + "&rule=R-COURT-24H&from=2025-04-01T19:00:00Z&to=2025-04-04T19:00:00Z"));
    assertThat(breaches.get("byDay").toString()).as(breaches.toString())
        .isEqualTo("[{\"day\":\"2025-04-02\",\"count\":1},{\"day\":\"2025-04-03\",\"count\":1},"
            + "{\"day\":\"2025-04-04\",\"count\":0}]");
    assertThat(breaches.get("total").asLong()).isEqualTo(2);
  }

  private static List<String> caseNumbers(JsonNode items) {
    List<String> numbers = new ArrayList<>();
    items.forEach(item -> numbers.add(item.get("caseNumber").asText()));
    return numbers;
  }
}
