package pk.hifazat.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.GirlsThenBoys;

/**
 * A list of deadline clocks names the cases its reader may read, however many of the first are
 * cases they may not (R-GIRL-FEMALE-CARE): the earliest clocks of the range are girls', and a
 * male officer is still listed the boys', up to the limit, in due order.
 */
@HifazatTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockListsNameReadableCasesTest {

  /** A month no other case of the suite falls in. */
  private static final Instant LONG_AGO = Instant.parse("2015-06-01T05:00:00Z");
  private static final String RANGE = "province=PB&district=Lahore&from=2015-05-31T00:00:00Z"
      + "&to=2015-06-30T00:00:00Z";

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired ObjectMapper json;

  private List<String> girls;
  private List<String> boys;

  /** Seven girls first, then three boys. Once. */
  @BeforeEach
  void reportLongAgo() throws Exception {
    if (girls == null) {
      GirlsThenBoys reported = GirlsThenBoys.reported(cases, LONG_AGO, 7, 3);
      girls = reported.girls();
      boys = reported.boys();
    }
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: behind seven girls' clocks a male officer is listed two boys'")
  void maleOfficerIsListedTheBoysBehindTheGirls() throws Exception {
    List<String> listed = caseNumbers("cpo.lahore.m", "/api/sla/clocks?limit=2&" + RANGE,
        "clocks");
    assertThat(listed).containsExactly(boys.get(0), boys.get(1));
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: a male officer's breaches name no girl, however many")
  void maleOfficersBreachesNameNoGirl() throws Exception {
    List<String> listed = caseNumbers("cpo.lahore.m", "/api/sla/breaches?limit=3&" + RANGE,
        "breaches");
    assertThat(listed).doesNotContainAnyElementsOf(girls).containsAll(boys);
  }

  @Test
  @DisplayName("a female officer is listed the earliest clocks, girls' and boys' alike")
  void femaleOfficerIsListedTheEarliest() throws Exception {
    List<String> listed = caseNumbers("cpo.lahore.f", "/api/sla/clocks?limit=8&" + RANGE,
        "clocks");
    assertThat(listed).hasSize(8).containsAll(girls.subList(0, 7));
  }

  private List<String> caseNumbers(String user, String url, String list) throws Exception {
    JsonNode answer = json.readTree(mvc.perform(get(url).with(httpBasic(user, CaseDriver.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    List<String> numbers = new ArrayList<>();
    answer.get(list).forEach(clock -> {
      if (!numbers.contains(clock.get("caseNumber").asText())) {
        numbers.add(clock.get("caseNumber").asText());
      }
    });
    return numbers;
  }
}
