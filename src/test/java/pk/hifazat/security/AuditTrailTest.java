package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/** Every read of a child's identity and every change to a case leaves who, when, what and where. */
@HifazatTest
class AuditTrailTest {

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("R-NO-DISCLOSURE: identity reads and writes, case reads and task completions are audited for the administrator")
  void identityReadsAndCaseChangesAreAudited() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(2));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", custody, custody));
    mvc.perform(put("/api/cases/" + caseNumber + "/identity")
            .with(httpBasic("cpo.lahore.f", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": \"Test Child\", \"parents\": [\"Test Mother\"],"
                + " \"address\": \"Street 1, Lahore\"}"))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/cases/" + caseNumber + "/identity")
            .with(httpBasic("supervisor.lahore", "demo")))
        .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Test Child"));
    mvc.perform(get("/api/cases/" + caseNumber).with(httpBasic("manager.punjab", "demo")))
        .andExpect(status().isOk());
    cases.complete(caseNumber, "Task_ArrangeProduction", Map.of(
        "productionCourt", "Guardian Judge, Lahore", "immediateProductionPossible", true));

    JsonNode trail = json.readTree(mvc.perform(get("/api/audit?caseNumber=" + caseNumber)
            .with(httpBasic("admin", "demo")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    List<String> entries = new ArrayList<>();
    trail.forEach(event -> entries.add(event.get("user").asText() + " " + event.get("action")
        .asText()));
    assertThat(entries).contains("admin CASE_REGISTERED", "cpo.lahore.f IDENTITY_WRITTEN",
        "supervisor.lahore IDENTITY_READ", "manager.punjab CASE_READ");
    assertThat(entries).anyMatch(entry -> entry.endsWith("TASK_COMPLETED"));
    trail.forEach(event -> {
      assertThat(event.get("occurredAt").asText()).isNotBlank();
      if (event.get("action").asText().startsWith("IDENTITY")) {
        assertThat(event.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
      }
    });
    assertThat(jdbc.sql("select ciphertext from child_identity where case_number = ?")
        .param(caseNumber).query(String.class).single()).doesNotContain("Test Child");
  }

  @Test
  void nobodyButTheDistrictReadsTheIdentityAndNobodyButAdministratorsReadsTheTrail()
      throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(2));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "M", "FORCED_LABOUR", custody, custody));
    mvc.perform(put("/api/cases/" + caseNumber + "/identity")
            .with(httpBasic("cpo.lahore.m", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": \"Another Child\"}"))
        .andExpect(status().isNoContent());

    for (String outsider : List.of("manager.punjab", "policy.editor", "admin")) {
      mvc.perform(get("/api/cases/" + caseNumber + "/identity").with(httpBasic(outsider, "demo")))
          .andExpect(status().isNotFound());
    }
    mvc.perform(get("/api/audit").with(httpBasic("manager.punjab", "demo")))
        .andExpect(status().isForbidden());
    mvc.perform(put("/api/cases/" + caseNumber + "/identity")
            .with(httpBasic("cpo.lahore.m", "demo")).contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": \"Another Child\", \"photo\": \"bm90IGFuIGltYWdl\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("photo"));
  }
}
