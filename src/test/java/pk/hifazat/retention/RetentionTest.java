package pk.hifazat.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import pk.hifazat.retention.RetentionPolicy.RecordKind;

/** Each kind of a closed case's records is forgotten when its own period ends, unless held. */
@HifazatTest
class RetentionTest {

  private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
  private static final byte[] FIR = ("%PDF-1.4\n% FIR of the case\n%%EOF\n")
      .getBytes(StandardCharsets.ISO_8859_1);

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired RetentionSweep sweep;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  /** A case closed now, with an identity, a document, a note and a correction of the note. */
  private String closedCaseWithPapers(String name) throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR",
        Instant.now().minus(Duration.ofHours(1))));
    mvc.perform(put("/api/cases/" + caseNumber + "/identity")
            .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\"}"))
        .andExpect(status().isNoContent());
    mvc.perform(multipart("/api/cases/" + caseNumber + "/documents")
            .file(new MockMultipartFile("file", "fir.pdf", "application/pdf", FIR))
            .param("type", "FIR").with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD)))
        .andExpect(status().isCreated());
    JsonNode note = json.readTree(mvc.perform(post("/api/cases/" + caseNumber + "/notes")
            .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"text\": \"Visited the brick kiln\"}"))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    mvc.perform(post("/api/cases/" + caseNumber + "/notes")
            .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"text\": \"Visited the second kiln\", \"corrects\": \""
                + note.get("note").get("id").asText() + "\"}"))
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

  /** identity, documents (and the case's key), notes: how many rows of each are left. */
  private List<Integer> papers(String caseNumber) {
    return List.of(rows("child_identity", caseNumber), rows("case_document", caseNumber),
        rows("case_key", caseNumber), rows("case_note", caseNumber));
  }

  private void clockAfterClosure(Period period, Duration shift) {
    cases.clockAt(Instant.now().atZone(PAKISTAN).plus(period).toInstant().plus(shift));
  }

  private List<String> erasuresAudited(String caseNumber) throws Exception {
    JsonNode trail = json.readTree(mvc.perform(get("/api/audit?caseNumber=" + caseNumber)
            .with(httpBasic("admin", CaseDriver.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    List<String> erasures = new ArrayList<>();
    trail.forEach(event -> {
      if (event.get("action").asText().equals("RECORDS_ERASED")) {
        assertThat(event.get("user").isNull()).as("an erasure is done by nobody").isTrue();
        erasures.add(event.get("detail").asText());
      }
    });
    return erasures;
  }

  private int readFirstDocument(String caseNumber) throws Exception {
    JsonNode listed = json.readTree(mvc.perform(get("/api/cases/" + caseNumber + "/documents")
            .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    if (listed.isEmpty()) {
      return 404;
    }
    return mvc.perform(get("/api/cases/" + caseNumber + "/documents/"
            + listed.get(0).get("id").asText())
            .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD)))
        .andReturn().getResponse().getStatus();
  }

  private void hold(String caseNumber) throws Exception {
    mvc.perform(put("/api/cases/" + caseNumber + "/legal-hold")
            .with(httpBasic("supervisor.lahore", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"Trial of the accused still pending\"}"))
        .andExpect(status().isNoContent());
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: under the policy file, a closed case loses its identity and documents after five years and its notes after ten, each erasure audited; its year's statistics stay")
  void closedCaseLosesEachKindWhenThePolicyFileSays() throws Exception {
    String forgotten = closedCaseWithPapers("Forgotten Child");
    String year = forgotten.substring(3, 7);
    int closedBefore = closedCasesOf(year);
    JsonNode factsBefore = cases.caseFile(forgotten).get("child");

    // a day before five years, nothing is erased
    clockAfterClosure(Period.ofYears(5), Duration.ofDays(-1));
    sweep.sweep();
    assertThat(papers(forgotten)).containsExactly(1, 1, 1, 2);

    // a day after: identity, documents and the case's key go; the notes stay
    clockAfterClosure(Period.ofYears(5), Duration.ofDays(1));
    assertThat(sweep.sweep()).isGreaterThanOrEqualTo(2);
    assertThat(papers(forgotten)).containsExactly(0, 0, 0, 2);
    mvc.perform(get("/api/cases/" + forgotten + "/identity")
            .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD)))
        .andExpect(status().isNotFound());
    assertThat(erasuresAudited(forgotten)).hasSize(2)
        .anySatisfy(detail -> assertThat(detail).startsWith("identity (kept P5Y"))
        .anySatisfy(detail -> assertThat(detail).startsWith("documents (kept P5Y")
            .contains("1 document(s)"));
    // the next sweep (this node or another) erases nothing twice
    assertThat(sweep.sweep()).isZero();

    // ten years and a day: the notes go too
    clockAfterClosure(Period.ofYears(10), Duration.ofDays(1));
    assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
    assertThat(papers(forgotten)).containsExactly(0, 0, 0, 0);
    assertThat(erasuresAudited(forgotten)).hasSize(3)
        .anySatisfy(detail -> assertThat(detail).startsWith("notes (kept P10Y")
            .contains("2 note(s)"));

    // the statistics of its year keep their counts and the case file its facts
    assertThat(closedCasesOf(year)).isEqualTo(closedBefore);
    assertThat(cases.caseFile(forgotten).get("child")).isEqualTo(factsBefore);
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a paper attached after the case's papers were erased falls under the policy again and is erased in its turn")
  void paperAttachedAfterTheErasureIsErasedInItsTurn() throws Exception {
    String caseNumber = closedCaseWithPapers("Returning Child");
    clockAfterClosure(Period.ofYears(5), Duration.ofDays(1));
    sweep.sweep();
    assertThat(papers(caseNumber)).containsExactly(0, 0, 0, 2);

    mvc.perform(multipart("/api/cases/" + caseNumber + "/documents")
            .file(new MockMultipartFile("file", "order.pdf", "application/pdf", FIR))
            .param("type", "COURT_ORDER").with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD)))
        .andExpect(status().isCreated());
    assertThat(papers(caseNumber)).containsExactly(0, 1, 1, 2);

    sweep.sweep();
    assertThat(papers(caseNumber)).containsExactly(0, 0, 0, 2);
    assertThat(erasuresAudited(caseNumber))
        .filteredOn(detail -> detail.startsWith("documents")).hasSize(2);
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: each kind of record goes at its own period: the documents outlive the identity and stay readable until theirs ends")
  void eachKindOfRecordGoesAtItsOwnPeriod() throws Exception {
    String caseNumber = closedCaseWithPapers("Timed Child");
    Map<RecordKind, Period> periods = Map.of(RecordKind.IDENTITY, Period.ofYears(1),
        RecordKind.NOTES, Period.ofYears(2), RecordKind.DOCUMENTS, Period.ofYears(3));

    clockAfterClosure(Period.ofYears(1), Duration.ofDays(-1));
    sweep.sweep(periods);
    assertThat(papers(caseNumber)).containsExactly(1, 1, 1, 2);

    clockAfterClosure(Period.ofYears(1), Duration.ofDays(1));
    sweep.sweep(periods);
    assertThat(papers(caseNumber)).containsExactly(0, 1, 1, 2);
    // the identity was sealed with the installation's key: the case's key still opens the FIR
    assertThat(readFirstDocument(caseNumber)).isEqualTo(200);

    clockAfterClosure(Period.ofYears(2), Duration.ofDays(1));
    sweep.sweep(periods);
    assertThat(papers(caseNumber)).containsExactly(0, 1, 1, 0);
    assertThat(readFirstDocument(caseNumber)).isEqualTo(200);

    clockAfterClosure(Period.ofYears(3), Duration.ofDays(1));
    sweep.sweep(periods);
    assertThat(papers(caseNumber)).containsExactly(0, 0, 0, 0);
    assertThat(readFirstDocument(caseNumber)).isEqualTo(404);
    assertThat(erasuresAudited(caseNumber)).hasSize(3);
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a legal hold keeps every kind of record past its period, also one placed after the identity went; lifted, the rest goes at the next sweep")
  void legalHoldKeepsEverythingUntilLifted() throws Exception {
    String held = closedCaseWithPapers("Held Child");
    String heldLate = closedCaseWithPapers("Late Held Child");
    hold(held);

    clockAfterClosure(Period.ofYears(5), Duration.ofDays(1));
    sweep.sweep();
    assertThat(papers(heldLate)).containsExactly(0, 0, 0, 2);
    hold(heldLate);

    clockAfterClosure(Period.ofYears(30), Duration.ZERO);
    sweep.sweep();
    assertThat(papers(held)).containsExactly(1, 1, 1, 2);
    assertThat(papers(heldLate)).containsExactly(0, 0, 0, 2);
    mvc.perform(get("/api/cases/" + held + "/identity")
            .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD)))
        .andExpect(status().isOk());
    assertThat(readFirstDocument(held)).isEqualTo(200);
    assertThat(erasuresAudited(held)).isEmpty();

    for (String caseNumber : List.of(held, heldLate)) {
      mvc.perform(delete("/api/cases/" + caseNumber + "/legal-hold")
              .with(httpBasic("supervisor.lahore", CaseDriver.PASSWORD)))
          .andExpect(status().isNoContent());
    }
    sweep.sweep();
    assertThat(papers(held)).containsExactly(0, 0, 0, 0);
    assertThat(papers(heldLate)).containsExactly(0, 0, 0, 0);
    assertThat(erasuresAudited(held)).hasSize(3);
    assertThat(erasuresAudited(heldLate)).hasSize(3);
    // nothing left to hold
    mvc.perform(put("/api/cases/" + held + "/legal-hold")
            .with(httpBasic("supervisor.lahore", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Too late\"}"))
        .andExpect(status().isConflict());
  }

  @Test
  @DisplayName("Two nodes sweeping at once erase each case's kinds once, each erasure audited once")
  void twoNodesSweepingAtOnceEraseNothingTwice() throws Exception {
    List<String> closed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      closed.add(closedCaseWithPapers("Raced Child"));
    }
    clockAfterClosure(Period.ofYears(10), Duration.ofDays(1));
    Instant now = ClockUtil.getCurrentTime().toInstant();

    CyclicBarrier together = new CyclicBarrier(2);
    Callable<Integer> node = () -> {
      ClockUtil.setCurrentTime(java.util.Date.from(now));
      together.await();
      return sweep.sweep();
    };
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first = nodes.submit(node);
      Future<Integer> second = nodes.submit(node);
      // both finish without an error; between them they erased at least these cases' records
      assertThat(first.get() + second.get()).isGreaterThanOrEqualTo(3 * closed.size());
    } finally {
      nodes.shutdownNow();
    }
    for (String caseNumber : closed) {
      assertThat(papers(caseNumber)).containsExactly(0, 0, 0, 0);
      assertThat(rows("case_erasure", caseNumber)).isEqualTo(3);
      assertThat(erasuresAudited(caseNumber)).hasSize(3);
    }
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
