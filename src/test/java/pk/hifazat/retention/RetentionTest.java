package pk.hifazat.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/** A closed case's identity and papers are forgotten when their period ends, unless held. */
@HifazatTest
class RetentionTest {

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired RetentionSweep sweep;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  private String closedCaseWithPapers(String name) throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR",
        Instant.now().minus(Duration.ofHours(1))));
    mvc.perform(put("/api/cases/" + caseNumber + "/identity")
            .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\"}"))
        .andExpect(status().isNoContent());
    mvc.perform(multipart("/api/cases/" + caseNumber + "/documents")
            .file(new MockMultipartFile("file", "fir.pdf", "application/pdf",
                ("%PDF-1.4\n% FIR\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1)))
            .param("type", "FIR").with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD)))
        .andExpect(status().isCreated());
    cases.closeAsNotACase(caseNumber);
    assertThat(cases.caseFile(caseNumber).get("status").asText()).isEqualTo("CLOSED");
    return caseNumber;
  }

  private int closedCasesOf(String year) {
    return jdbc.sql("select count(*) from case_file where case_number like ? and stage = 'CLOSED'")
        .param("PB-" + year + "-%").query(Integer.class).single();
  }

  private int rows(String table, String caseNumber) {
    return jdbc.sql("select count(*) from " + table + " where case_number = ?").param(caseNumber)
        .query(Integer.class).single();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a closed case past its period loses its identity and documents, its year's statistics stay and the audit records the erasure; a case on hold keeps them")
  void closedCasePastItsPeriodIsForgottenUnlessHeld() throws Exception {
    String forgotten = closedCaseWithPapers("Forgotten Child");
    String held = closedCaseWithPapers("Held Child");
    mvc.perform(put("/api/cases/" + held + "/legal-hold")
            .with(httpBasic("supervisor.lahore", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"Trial of the accused still pending\"}"))
        .andExpect(status().isNoContent());
    String year = forgotten.substring(3, 7);
    int closedBefore = closedCasesOf(year);
    JsonNode factsBefore = cases.caseFile(forgotten).get("child");

    // a day before the period ends, nothing is erased
    cases.clockAt(Instant.now().atZone(ZoneId.of("Asia/Karachi")).plusYears(5)
        .minusDays(1).toInstant());
    sweep.sweep();
    assertThat(rows("child_identity", forgotten)).isEqualTo(1);
    assertThat(rows("case_document", forgotten)).isEqualTo(1);

    cases.clockAt(Instant.now().atZone(ZoneId.of("Asia/Karachi")).plusYears(5)
        .plusDays(1).toInstant());
    assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);

    // forgotten: identity, documents and the case's key are gone, by every door
    assertThat(rows("child_identity", forgotten)).isZero();
    assertThat(rows("case_document", forgotten)).isZero();
    assertThat(rows("case_key", forgotten)).isZero();
    mvc.perform(get("/api/cases/" + forgotten + "/identity")
            .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD)))
        .andExpect(status().isNotFound());
    // the statistics of its year keep their counts and the case file its facts
    assertThat(closedCasesOf(year)).isEqualTo(closedBefore);
    assertThat(cases.caseFile(forgotten).get("child")).isEqualTo(factsBefore);
    // the audit records the erasure, by nobody
    JsonNode trail = json.readTree(mvc.perform(get("/api/audit?caseNumber=" + forgotten)
            .with(httpBasic("admin", CaseDriver.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    List<String> actions = new ArrayList<>();
    trail.forEach(event -> actions.add(event.get("action").asText()));
    assertThat(actions).containsOnlyOnce("RECORDS_ERASED");

    // held: everything kept, and a second sweep (another node) erases nothing twice
    assertThat(rows("child_identity", held)).isEqualTo(1);
    assertThat(rows("case_document", held)).isEqualTo(1);
    mvc.perform(get("/api/cases/" + held + "/identity")
            .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD)))
        .andExpect(status().isOk());
    assertThat(sweep.sweep()).isZero();

    // lifted: the held case goes at the next sweep
    mvc.perform(delete("/api/cases/" + held + "/legal-hold")
            .with(httpBasic("supervisor.lahore", CaseDriver.PASSWORD)))
        .andExpect(status().isNoContent());
    assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
    assertThat(rows("child_identity", held)).isZero();
  }

  @Test
  @DisplayName("Only the district's supervisor places a legal hold; a hold needs its reason")
  void onlyTheDistrictsSupervisorPlacesALegalHold() throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR",
        Instant.now().minus(Duration.ofHours(1))));
    String hold = "{\"reason\": \"Appeal pending\"}";
    mvc.perform(put("/api/cases/" + caseNumber + "/legal-hold")
            .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(hold))
        .andExpect(status().isForbidden());
    for (String outsider : List.of("manager.punjab", "admin", "policy.editor")) {
      mvc.perform(put("/api/cases/" + caseNumber + "/legal-hold")
              .with(httpBasic(outsider, CaseDriver.PASSWORD))
              .contentType(MediaType.APPLICATION_JSON).content(hold))
          .andExpect(status().isNotFound());
    }
    mvc.perform(put("/api/cases/" + caseNumber + "/legal-hold")
            .with(httpBasic("supervisor.lahore", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \" \"}"))
        .andExpect(status().isBadRequest());
    assertThat(rows("legal_hold", caseNumber)).isZero();
  }
}
