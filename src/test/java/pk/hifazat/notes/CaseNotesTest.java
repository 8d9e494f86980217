package pk.hifazat.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/** Notes are signed and dated, never changed, corrected by new notes, and warn about names. */
@HifazatTest
class CaseNotesTest {

  @Autowired MockMvc mvc;
  @Autowired CaseDriver cases;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  private String boysCaseNamed(String identity) throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(2));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "M", "FORCED_LABOUR", custody, custody));
    if (identity != null) {
      mvc.perform(put("/api/cases/" + caseNumber + "/identity")
              .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD))
              .contentType(MediaType.APPLICATION_JSON).content(identity))
          .andExpect(status().isNoContent());
    }
    return caseNumber;
  }

  private JsonNode write(String user, String caseNumber, String body) throws Exception {
    return json.readTree(mvc.perform(post("/api/cases/" + caseNumber + "/notes")
            .with(httpBasic(user, CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString());
  }

  private static String note(String text) {
    return "{\"text\": \"" + text + "\"}";
  }

  @Test
  @DisplayName("A note is dated and signed by its writer, whatever the request says")
  void noteIsDatedAndSignedByItsWriter() throws Exception {
    String caseNumber = boysCaseNamed(null);
    JsonNode written = write("cpo.lahore.m", caseNumber, note("Visited the kiln with police"));
    assertThat(written.at("/note/writtenBy").asText()).isEqualTo("cpo.lahore.m");
    assertThat(written.at("/note/writtenAt").asText()).isNotBlank();
    assertThat(written.get("warnings")).isEmpty();
    write("supervisor.lahore", caseNumber, note("Discussed the plan with the officer"));
    // A signature or a date in the body is not the writer's to give.
    mvc.perform(post("/api/cases/" + caseNumber + "/notes")
            .with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"text\": \"x\", \"writtenBy\": \"supervisor.lahore\"}"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/cases/" + caseNumber + "/notes")
            .with(httpBasic("supervisor.lahore", CaseDriver.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].writtenBy").value("cpo.lahore.m"))
        .andExpect(jsonPath("$[1].writtenBy").value("supervisor.lahore"));
    for (String outsider : List.of("focal.police.lahore", "manager.punjab", "policy.editor",
        "admin")) {
      mvc.perform(get("/api/cases/" + caseNumber + "/notes")
              .with(httpBasic(outsider, CaseDriver.PASSWORD)))
          .andExpect(status().isNotFound());
    }
  }

  @Test
  @DisplayName("A note cannot be changed or deleted through any door; a correction is a new note naming it")
  void noteCannotBeChangedThroughAnyDoor() throws Exception {
    String caseNumber = boysCaseNamed(null);
    String id = write("cpo.lahore.m", caseNumber, note("Family visited on Monday"))
        .at("/note/id").asText();
    String changed = note("Family visited on Tuesday");
    String notes = "/api/cases/" + caseNumber + "/notes";
    List<MockHttpServletRequestBuilder> doors = List.of(
        put(notes + "/" + id), patch(notes + "/" + id), delete(notes + "/" + id),
        post(notes + "/" + id), put(notes), patch(notes), delete(notes),
        request(HttpMethod.PUT, notes + "/" + id.toUpperCase()),
        put(notes + "/" + id + "/"), delete(notes + "/" + id + ";x=y"),
        post(notes + "/" + id).header("X-HTTP-Method-Override", "PUT"),
        post(notes + "/" + id + "?_method=PUT"));
    for (MockHttpServletRequestBuilder door : doors) {
      int answer = mvc.perform(door.with(httpBasic("supervisor.lahore", CaseDriver.PASSWORD))
              .contentType(MediaType.APPLICATION_JSON).content(changed))
          .andReturn().getResponse().getStatus();
      assertThat(answer).isIn(400, 404, 405);
    }
    mvc.perform(put(notes + "/" + id).with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(changed))
        .andExpect(status().isMethodNotAllowed());
    mvc.perform(delete(notes + "/" + id).with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD)))
        .andExpect(status().isMethodNotAllowed());
    mvc.perform(patch(notes + "/" + id).with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(changed))
        .andExpect(status().isMethodNotAllowed());
    // A second note with the first one's id is a new note with its own id.
    JsonNode copy = write("cpo.lahore.m", caseNumber, "{\"text\": \"Family visited on Tuesday\","
        + " \"corrects\": \"" + id + "\"}");
    assertThat(copy.at("/note/id").asText()).isNotEqualTo(id);
    mvc.perform(get(notes + "/" + id).with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD)))
        .andExpect(jsonPath("$.text").value("Family visited on Monday"))
        .andExpect(jsonPath("$.correctedBy[0]").value(copy.at("/note/id").asText()));
    mvc.perform(post(notes).with(httpBasic("cpo.lahore.m", CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"text\": \"x\", \"corrects\": \"00000000-0000-0000-0000-000000000000\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("corrects"));
    assertThat(jdbc.sql("select body from case_note where case_number = ? order by written_at")
        .param(caseNumber).query(String.class).list())
        .contains("Family visited on Monday", "Family visited on Tuesday");
  }

  @Test
  @DisplayName("No statement changes a note; the only one that removes notes removes all of a closed case's, for retention, and no door that users reach calls it")
  void noStatementOfTheApplicationChangesOrDeletesANote() throws IOException {
    Pattern change = Pattern.compile("(?is)\\b(update|delete\\s+from|merge\\s+into|truncate"
        + "(\\s+table)?|drop\\s+table|alter\\s+table)\\s+\"?case_note\\b");
    Path erasure = Path.of("src/main/java/pk/hifazat/notes/NoteErasure.java");
    Path sweep = Path.of("src/main/java/pk/hifazat/retention/RetentionSweep.java");
    try (Stream<Path> sources = Files.walk(Path.of("src/main"))) {
      for (Path file : sources.filter(Files::isRegularFile)
          .filter(path -> path.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        if (file.equals(erasure)) {
          assertThat(change.matcher(source).results().map(found -> found.group()).toList())
              .containsExactly("delete from case_note");
          assertThat(source).contains("delete from case_note where case_number = ? and id not in\"");
        } else {
          assertThat(change.matcher(source).find()).as(file.toString()).isFalse();
          if (!file.equals(sweep)) {
            assertThat(source).as(file.toString()).doesNotContain("NoteErasure");
          }
        }
      }
    }
    assertThat(Stream.of(CaseNoteRepository.class.getDeclaredMethods())
        .filter(method -> !method.isSynthetic()).map(method -> method.getName()))
        .containsOnly("insert", "ofCase", "find");
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a note naming the child or a parent as recorded is saved with a warning that does not repeat the name")
  void nameWarningFiresOnTheRecordedName() throws Exception {
    String caseNumber = boysCaseNamed(
        "{\"name\": \"Bilal Ahmed\", \"parents\": [\"Rukhsana Bibi\"]}");
    for (String text : List.of("Met Bilal at the shelter", "BILAL was calm",
        "spoke with bilal-ahmed's teacher", "Mother (Rukhsana) attended",
        "Bílál seemed well", "Ｂｉｌａｌ answered", "ahmed, bilal: school enrolled")) {
      JsonNode written = write("cpo.lahore.m", caseNumber, note(text));
      assertThat(written.get("warnings")).as(text).hasSize(1);
      assertThat(written.get("warnings").get(0).asText()).doesNotContainIgnoringCase("bilal")
          .doesNotContainIgnoringCase("rukhsana");
    }
    for (String text : List.of("Met the child at the shelter", "Bilalpur school visited",
        "Travelled via Ahmedabad road")) {
      assertThat(write("cpo.lahore.m", caseNumber, note(text)).get("warnings")).as(text)
          .isEmpty();
    }
  }
}
