package pk.hifazat.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/** The papers of a case: typed, checked to be what they say, encrypted, read by few, audited. */
@HifazatTest
@ExtendWith(OutputCaptureExtension.class)
class CaseDocumentsTest {

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  private String girlsCase() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(2));
    return cases.report(Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING", custody, custody));
  }

  private ResultActions upload(String user, String caseNumber, String type, String name,
      String contentType, byte[] bytes) throws Exception {
    return mvc.perform(multipart("/api/cases/" + caseNumber + "/documents")
        .file(new MockMultipartFile("file", name, contentType, bytes))
        .param("type", type)
        .with(httpBasic(user, CaseDriver.PASSWORD)));
  }

  private String attached(String user, String caseNumber, String type, String name,
      String contentType, byte[] bytes) throws Exception {
    var response = upload(user, caseNumber, type, name, contentType, bytes).andReturn()
        .getResponse();
    assertThat(response.getStatus()).as(name + ": " + response.getContentAsString())
        .isEqualTo(201);
    JsonNode view = json.readTree(response.getContentAsString());
    assertThat(view.get("type").asText()).isEqualTo(type);
    return view.get("id").asText();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: each type of paper is attached by the girl's officer and read back by her district's officer and supervisor")
  void eachTypeOfPaperIsAttachedAndReadBackByTheDistrict() throws Exception {
    String caseNumber = girlsCase();
    String[][] papers = {
        {"FIR", "fir.pdf", "application/pdf"},
        {"MEDICAL_REPORT", "medico-legal.JPG", "image/jpeg"},
        {"AGE_REPORT", "age report.pdf", "application/octet-stream"},
        {"COURT_ORDER", "order.png", "image/png"},
        {"CONSENT", "consent.jpeg", "IMAGE/JPEG"},
        {"OTHER", "note.PDF", "Application/PDF"}};
    for (String[] paper : papers) {
      byte[] bytes = switch (paper[1].substring(paper[1].lastIndexOf('.') + 1).toLowerCase()) {
        case "pdf" -> Papers.pdf("paper " + paper[0]);
        case "png" -> Papers.png("paper " + paper[0]);
        default -> Papers.jpeg("paper " + paper[0]);
      };
      String id = attached("cpo.lahore.f", caseNumber, paper[0], paper[1], paper[2], bytes);
      for (String reader : List.of("cpo.lahore.f", "supervisor.lahore")) {
        mvc.perform(get("/api/cases/" + caseNumber + "/documents/" + id)
                .with(httpBasic(reader, CaseDriver.PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition",
                org.hamcrest.Matchers.startsWith("attachment")))
            .andExpect(content().bytes(bytes));
      }
    }
    mvc.perform(get("/api/cases/" + caseNumber + "/documents")
            .with(httpBasic("supervisor.lahore", CaseDriver.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(papers.length))
        .andExpect(jsonPath("$[0].uploadedBy").value("cpo.lahore.f"));
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE, R-GIRL-FEMALE-CARE: nobody outside the girl's female officers and her supervisor attaches, lists or reads her papers")
  void outsidersNeitherAttachListNorReadTheCasesPapers() throws Exception {
    String caseNumber = girlsCase();
    String id = attached("supervisor.lahore", caseNumber, "COURT_ORDER", "order.pdf",
        "application/pdf", Papers.pdf("custody order"));
    for (String outsider : List.of("cpo.lahore.m", "manager.punjab", "policy.editor", "admin",
        "focal.police.lahore")) {
      upload(outsider, caseNumber, "FIR", "fir.pdf", "application/pdf", Papers.pdf("fir"))
          .andExpect(status().isNotFound());
      mvc.perform(get("/api/cases/" + caseNumber + "/documents")
              .with(httpBasic(outsider, CaseDriver.PASSWORD)))
          .andExpect(status().isNotFound());
      mvc.perform(get("/api/cases/" + caseNumber + "/documents/" + id)
              .with(httpBasic(outsider, CaseDriver.PASSWORD)))
          .andExpect(status().isNotFound());
    }
    assertThat(jdbc.sql("select count(*) from case_document where case_number = ?")
        .param(caseNumber).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a file whose content is not what its name or type says is refused")
  void fileWhoseContentIsNotItsTypeIsRefused() throws Exception {
    String caseNumber = girlsCase();
    byte[] pdf = Papers.pdf("report");
    byte[] truncated = Arrays.copyOf(pdf, pdf.length - 8);
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] pdfInHtml = ("<html>" + new String(pdf, StandardCharsets.ISO_8859_1))
        .getBytes(StandardCharsets.ISO_8859_1);
    Object[][] refused = {
        {"report.png", "image/png", pdf},
        {"report.pdf", "image/png", pdf},
        {"report.pdf.exe", "application/pdf", pdf},
        {"report", "application/pdf", pdf},
        {"report.pdf", "application/pdf", truncated},
        {"page.pdf", "application/pdf", html},
        {"page.pdf", "text/html", pdfInHtml},
        {"photo.jpg", "image/jpeg", Papers.png("photo")},
        {"photo.png", "image/png", Papers.jpeg("photo")},
        {"photo.jpg", "image/jpeg", Arrays.copyOf(Papers.jpeg("photo"), 10)},
        {"photo.jpg", "text/html", Papers.jpeg("photo")}};
    for (Object[] file : refused) {
      upload("cpo.lahore.f", caseNumber, "MEDICAL_REPORT", (String) file[0], (String) file[1],
          (byte[]) file[2])
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value("file"));
    }
    upload("cpo.lahore.f", caseNumber, "MEDICAL_REPORT", "empty.pdf", "application/pdf",
        new byte[0])
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    for (String type : List.of("fir", "PASSPORT", "", "FIR;OTHER")) {
      upload("cpo.lahore.f", caseNumber, type, "fir.pdf", "application/pdf", pdf)
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    assertThat(jdbc.sql("select count(*) from case_document where case_number = ?")
        .param(caseNumber).query(Integer.class).single()).isZero();
  }

  @Test
  @DisplayName("A paper over the size limit is refused and nothing is kept")
  void paperOverTheSizeLimitIsRefused() throws Exception {
    String caseNumber = girlsCase();
    byte[] big = Papers.pdf("x".repeat(1024 * 1024));
    upload("cpo.lahore.f", caseNumber, "FIR", "fir.pdf", "application/pdf", big)
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    byte[] justUnder = Papers.pdf("x".repeat(1000 * 1024));
    upload("cpo.lahore.f", caseNumber, "FIR", "fir.pdf", "application/pdf", justUnder)
        .andExpect(status().isCreated());
    assertThat(jdbc.sql("select count(*) from case_document where case_number = ?")
        .param(caseNumber).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a paper is encrypted in the database and its ciphertext does not open on another case")
  void paperIsUnreadableInTheDatabase() throws Exception {
    String caseNumber = girlsCase();
    String marker = "Medico-legal findings of Test Child";
    attached("cpo.lahore.f", caseNumber, "MEDICAL_REPORT", "mlr.pdf", "application/pdf",
        Papers.pdf(marker));
    byte[] stored = jdbc.sql("select content from case_document where case_number = ?")
        .param(caseNumber).query(byte[].class).single();
    String asText = new String(stored, StandardCharsets.ISO_8859_1);
    assertThat(asText).doesNotContain(marker).doesNotContain("Test Child")
        .doesNotContain("%PDF");
    assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("Test Child");
    byte[] key = jdbc.sql("select wrapped_key from case_key where case_number = ?")
        .param(caseNumber).query(byte[].class).single();
    assertThat(key).hasSizeGreaterThan(32);

    // The ciphertext moved onto another case of the same district does not open there.
    String other = girlsCase();
    String otherId = attached("cpo.lahore.f", other, "OTHER", "other.pdf", "application/pdf",
        Papers.pdf("another paper"));
    jdbc.sql("update case_document set content = ? where id = ?").params(stored, otherId)
        .update();
    mvc.perform(get("/api/cases/" + other + "/documents/" + otherId)
            .with(httpBasic("cpo.lahore.f", CaseDriver.PASSWORD)))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(content().string(org.hamcrest.Matchers.not(
            org.hamcrest.Matchers.containsString(marker))));
  }

  @Test
  @DisplayName("A stored paper changed in the database answers a problem (our failure, 500), logged once without a stack trace, and is neither served nor audited as read")
  void tamperedPaperAnswersAProblemLoggedOnce(CapturedOutput output) throws Exception {
    String caseNumber = girlsCase();
    String marker = "Court order about Tampered Child";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(attached("cpo.lahore.f", caseNumber, "COURT_ORDER", "order.pdf",
          "application/pdf", Papers.pdf(marker)));
    }
    byte[] stored = jdbc.sql("select content from case_document where id = ?")
        .param(ids.get(0)).query(byte[].class).single();
    byte[] flipped = stored.clone();
    flipped[flipped.length / 2] ^= 0x01;
    byte[] truncated = Arrays.copyOf(stored, stored.length - 1);
    byte[] tooShort = {1, 2, 3};
    List<byte[]> tampered = List.of(flipped, truncated, tooShort);
    for (int i = 0; i < 3; i++) {
      jdbc.sql("update case_document set content = ? where id = ?")
          .params(tampered.get(i), ids.get(i)).update();
    }
    int logged = count(output.getAll(), "fails its integrity check");

    for (String id : ids) {
      mvc.perform(get("/api/cases/" + caseNumber + "/documents/" + id)
              .with(httpBasic("supervisor.lahore", CaseDriver.PASSWORD)))
          .andExpect(status().isInternalServerError())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.title").value("Document unreadable"))
          .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(id)));
    }
    String log = output.getAll();
    assertThat(count(log, "fails its integrity check") - logged).isEqualTo(ids.size());
    for (String id : ids) {
      assertThat(count(log, "Document " + id + " of case " + caseNumber
          + " fails its integrity check")).isOne();
    }
    assertThat(log).doesNotContain("SealBroken").doesNotContain(marker);
    JsonNode trail = json.readTree(mvc.perform(get("/api/audit?caseNumber=" + caseNumber)
            .with(httpBasic("admin", CaseDriver.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    trail.forEach(event -> assertThat(event.get("action").asText()).isNotEqualTo("DOCUMENT_READ"));
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  @Test
  @DisplayName("A PDF carrying active content (scripts, launch actions, embedded files), however its names are spelt or hidden, is refused at upload; a plain one with an ordinary open action is kept")
  void pdfCarryingActiveContentIsRefused() throws Exception {
    String caseNumber = girlsCase();
    List<String> active = List.of(
        "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>",
        "/AA << /O << /S /JS /JS <6170702e616c657274283129> >> >>",
        "/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>",
        "/OpenAction<</S/javascript/js(app.alert(1))>>",
        "/OpenAction << /S /Launch /F (cmd.exe) >>",
        "/OpenAction << /S /L#61unch /Win << /F (calc.exe) >> >>",
        "/Names << /EmbeddedFiles << /Names [(a.exe) 3 0 R] >> >>",
        "/Type /EmbeddedFile",
        "/RichMedia 4 0 R",
        "/Encrypt 5 0 R");
    for (String entry : active) {
      upload("cpo.lahore.f", caseNumber, "COURT_ORDER", "order.pdf", "application/pdf",
          pdfWith(entry, null))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value("file"))
          .andExpect(jsonPath("$.errors[0].message").value(
              org.hamcrest.Matchers.containsString("active content")));
    }
    // hidden in a compressed object stream
    upload("cpo.lahore.f", caseNumber, "COURT_ORDER", "order.pdf", "application/pdf",
        pdfWith("/Pages 2 0 R", "<< /S /JavaScript /JS (app.alert(1)) >>"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    assertThat(jdbc.sql("select count(*) from case_document where case_number = ?")
        .param(caseNumber).query(Integer.class).single()).isZero();

    // an ordinary PDF: opens at its first page, text in a compressed stream
    attached("cpo.lahore.f", caseNumber, "COURT_ORDER", "order.pdf", "application/pdf",
        pdfWith("/OpenAction [3 0 R /Fit]", "BT /F1 12 Tf (Custody to the institution) Tj ET"));
  }

  /** A PDF whose catalogue carries the entry, with one Flate-compressed stream if given. */
  private static byte[] pdfWith(String catalogEntry, String compressed) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(("%PDF-1.7\n1 0 obj << /Type /Catalog " + catalogEntry + " >> endobj\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    if (compressed != null) {
      java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
      try (var deflater = new java.util.zip.DeflaterOutputStream(deflated)) {
        deflater.write(compressed.getBytes(StandardCharsets.ISO_8859_1));
      }
      out.writeBytes(("2 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length "
          + deflated.size() + " >>\nstream\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes(deflated.toByteArray());
      out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.writeBytes("trailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: every read of a paper is audited with the reader and the paper")
  void everyReadOfAPaperIsAudited() throws Exception {
    String caseNumber = girlsCase();
    String id = attached("cpo.lahore.f", caseNumber, "AGE_REPORT", "age.png", "image/png",
        Papers.png("age report"));
    for (String reader : List.of("supervisor.lahore", "cpo.lahore.f", "supervisor.lahore")) {
      mvc.perform(get("/api/cases/" + caseNumber + "/documents/" + id)
              .with(httpBasic(reader, CaseDriver.PASSWORD)))
          .andExpect(status().isOk());
    }
    JsonNode trail = json.readTree(mvc.perform(get("/api/audit?caseNumber=" + caseNumber)
            .with(httpBasic("admin", CaseDriver.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    List<String> entries = new ArrayList<>();
    trail.forEach(event -> entries.add(event.get("user").asText() + " "
        + event.get("action").asText() + " " + event.get("detail").asText()));
    assertThat(entries).contains("cpo.lahore.f DOCUMENT_ATTACHED AGE_REPORT " + id);
    assertThat(entries).filteredOn(entry -> entry.contains("DOCUMENT_READ AGE_REPORT " + id))
        .containsExactlyInAnyOrder("supervisor.lahore DOCUMENT_READ AGE_REPORT " + id,
            "cpo.lahore.f DOCUMENT_READ AGE_REPORT " + id,
            "supervisor.lahore DOCUMENT_READ AGE_REPORT " + id);
  }
}
