package pk.hifazat.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Blob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * R-NO-DISCLOSURE: while a case runs from intake to closure, the child's name appears in no log
 * line, no process or history variable, no error body and nowhere in the database in plain
 * text; the district's officer still reads it back.
 */
@HifazatTest
class NoNameLeaksTest {

  private static final String NAME = "Zarmeena Qadirbakhsh";
  private static final String MOTHER = "Rasheeda Qadirbakhsh";
  private static final String ADDRESS = "House 7, Gali Noorwali, Shadbagh, Lahore";
  /** Each of these alone identifies the child; none may show anywhere. */
  private static final List<String> IDENTIFYING = List.of(NAME, "Zarmeena", "Qadirbakhsh",
      MOTHER, "Rasheeda", ADDRESS, "Noorwali");
  private static final String OFFICER = "cpo.lahore.f";
  private static final String CANARY = "log capture of NoNameLeaksTest started";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseDriver cases;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final List<String> errorBodies = new ArrayList<>();
  private Logger root;
  private Logger application;
  private Level rootLevel;
  private Level applicationLevel;

  @BeforeEach
  void captureEveryLogLine() {
    ClockUtil.reset();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    application = context.getLogger("pk.hifazat");
    rootLevel = root.getLevel();
    applicationLevel = application.getLevel();
    root.setLevel(Level.INFO);
    application.setLevel(Level.DEBUG);
    captured.setContext(context);
    captured.start();
    root.addAppender(captured);
    LoggerFactory.getLogger(NoNameLeaksTest.class).debug(CANARY);
  }

  @AfterEach
  void stopCapturing() {
    root.detachAppender(captured);
    captured.stop();
    root.setLevel(rootLevel);
    application.setLevel(applicationLevel);
    ClockUtil.reset();
  }

  /** Performs the request and keeps the body of every error answer. */
  private MvcResult perform(MockHttpServletRequestBuilder request, int expectedStatus)
      throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    String body = result.getResponse().getContentAsString(UTF_8);
    if (result.getResponse().getStatus() >= 400) {
      errorBodies.add(result.getResponse().getStatus() + " " + body);
    }
    assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
    return result;
  }

  /** A task completion over the engine REST API that must be refused with 400. */
  private void completeOverEngineRest(String taskId, String body) throws Exception {
    RawHttp.Answer answer = new RawHttp(port).send("POST", "/engine-rest/task/" + taskId
        + "/complete", OFFICER, "application/json", body.getBytes(UTF_8));
    errorBodies.add(answer.status() + " " + answer.body());
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
  }

  private MockHttpServletRequestBuilder putIdentity(String caseNumber, String body) {
    return put("/api/cases/" + caseNumber + "/identity").with(httpBasic(OFFICER, "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private MockHttpServletRequestBuilder postReport(String body) {
    return post("/api/cases").with(httpBasic(OFFICER, "demo"))
        .contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a child's name is in no log line, variable, error body or plain database column from intake to closure")
  void childsNameNeverLeaksWhileTheCaseRuns() throws Exception {
    Instant reportedAt = Instant.now().minus(Duration.ofHours(1));
    String report = Reports.notInCustody("PB", "Lahore", "F", "TRAFFICKING", reportedAt);
    String caseNumber = cases.report(report);

    // The officer records who the child is.
    String identity = json.writeValueAsString(Map.of("name", NAME,
        "parents", List.of(MOTHER, "Ghulam Qadirbakhsh"), "address", ADDRESS));
    perform(putIdentity(caseNumber, identity), 204);

    // Requests that fail carry the name: in a bad identity field, or where it does not belong.
    perform(putIdentity(caseNumber, "{\"name\": \"" + NAME + " <b>\"}"), 400);
    perform(putIdentity(caseNumber, "{\"name\": \"" + NAME + "\", \"parents\": [\"" + MOTHER
        + " 2\"]}"), 400);
    perform(putIdentity(caseNumber, "{\"name\": \"" + (NAME + " ").repeat(10) + "\"}"), 400);
    perform(putIdentity(caseNumber, "{\"name\": \"" + NAME + "\", \"nickname\": \"" + NAME
        + "\"}"), 400);
    perform(putIdentity(caseNumber, "{\"name\": [\"" + NAME + "\"]}"), 400);
    perform(putIdentity(caseNumber, "{\"name\": \"" + NAME + "\", \"photo\": \""
        + Base64.getEncoder().encodeToString(NAME.getBytes(UTF_8)) + "\"}"), 400);
    perform(putIdentity(caseNumber, "{\"name\": \"" + NAME + "\""), 400);
    perform(postReport(report.replaceFirst("\\{", "{\"childName\": \"" + NAME + "\", ")), 400);
    perform(postReport(report.replace("\"nationality\": \"PK\"",
        "\"nationality\": \"PK\", \"religion\": \"" + NAME + ";\"")), 400);
    perform(postReport(report.replace("\"ageYears\": 12", "\"ageYears\": \"" + NAME + "\"")),
        400);
    perform(postReport(report.replace("\"district\": \"Lahore\"",
        "\"district\": \"" + NAME + "\"")), 400);
    perform(postReport("{\"childName\": \"" + NAME + "\", "), 400);
    // A caseworker types the name into the wrong task form fields (engine REST, real HTTP).
    String task = cases.task(caseNumber, "Task_ScreenReport").getId();
    completeOverEngineRest(task, "{\"variables\": {\"immediateDanger\": {\"value\": \""
        + NAME + "\", \"type\": \"Boolean\"}}}");
    completeOverEngineRest(task, "{\"variables\": {\"immediateDanger\": {\"value\": \""
        + NAME + "\", \"type\": \"String\"}, \"screeningNotes\": {\"value\": \""
        + (NAME + " ").repeat(200) + "\", \"type\": \"String\"}}}");
    completeOverEngineRest(task, "{\"variables\": {\"immediateDanger\": {\"value\": false,"
        + " \"type\": \"Boolean\"}, \"interviewChildFriendly\": {\"value\": \"" + NAME
        + "\", \"type\": \"String\"}}}");
    assertThat(cases.task(caseNumber, "Task_ScreenReport").getId()).isEqualTo(task);
    // Someone outside the district asks for it.
    perform(get("/api/cases/" + caseNumber + "/identity").with(httpBasic("admin", "demo")), 404);
    perform(get("/api/cases/" + caseNumber + "/identity")
        .with(httpBasic("manager.punjab", "demo")), 404);

    // The officer reads it back.
    JsonNode read = json.readTree(perform(get("/api/cases/" + caseNumber + "/identity")
        .with(httpBasic(OFFICER, "demo")), 200).getResponse().getContentAsString(UTF_8));
    assertThat(read.get("name").asText()).isEqualTo(NAME);

    // The case runs to its end: the girl is not taken into protection.
    assertThat(cases.caseFile(caseNumber).get("stage").asText()).isEqualTo("IDENTIFICATION");
    cases.closeAsNotACase(caseNumber);
    JsonNode file = cases.caseFile(caseNumber);
    assertThat(file.get("status").asText()).isEqualTo("CLOSED");
    assertThat(file.toString()).doesNotContain("Zarmeena").doesNotContain("Qadirbakhsh");

    // Still readable by the district after closure, and only there.
    read = json.readTree(perform(get("/api/cases/" + caseNumber + "/identity")
        .with(httpBasic(OFFICER, "demo")), 200).getResponse().getContentAsString(UTF_8));
    assertThat(read.get("name").asText()).isEqualTo(NAME);
    assertThat(read.get("parents").get(0).asText()).isEqualTo(MOTHER);
    assertThat(read.get("address").asText()).isEqualTo(ADDRESS);

    assertNoLogLineNamesTheChild();
    assertNoErrorBodyNamesTheChild();
    assertNoVariableNamesTheChild();
    assertIdentityIsEncrypted(caseNumber);
    assertNoDatabaseColumnNamesTheChild();
  }

  private static void assertFree(String where, String text) {
    if (text == null) {
      return;
    }
    for (String identifying : IDENTIFYING) {
      assertThat(text).as("%s names the child", where).doesNotContain(identifying);
    }
  }

  private void assertNoLogLineNamesTheChild() {
    List<ILoggingEvent> events = List.copyOf(captured.list);
    assertThat(events).as("the capture works: the canary line is among the captured lines")
        .anyMatch(event -> event.getFormattedMessage().equals(CANARY));
    for (ILoggingEvent event : events) {
      String where = "log line of " + event.getLoggerName() + " [" + event.getLevel() + "]";
      assertFree(where, event.getFormattedMessage());
      assertFree(where, String.valueOf(event.getMDCPropertyMap()));
      if (event.getThrowableProxy() != null) {
        assertFree(where, ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
  }

  private void assertNoErrorBodyNamesTheChild() {
    assertThat(errorBodies).hasSizeGreaterThanOrEqualTo(16);
    for (String body : errorBodies) {
      assertFree("error body " + body, body);
    }
  }

  private static String text(TypedValue value) {
    if (value == null) {
      return null;
    }
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return String.valueOf(value.getValue());
  }

  private void assertNoVariableNamesTheChild() {
    List<VariableInstance> runtime = runtimeService.createVariableInstanceQuery()
        .disableCustomObjectDeserialization().list();
    for (VariableInstance variable : runtime) {
      assertFree("runtime variable " + variable.getName(), text(variable.getTypedValue()));
    }
    List<HistoricVariableInstance> historic = historyService
        .createHistoricVariableInstanceQuery().disableCustomObjectDeserialization().list();
    assertThat(historic).isNotEmpty();
    for (HistoricVariableInstance variable : historic) {
      assertFree("historic variable " + variable.getName(), text(variable.getTypedValue()));
    }
    List<HistoricDetail> details = historyService.createHistoricDetailQuery()
        .disableCustomObjectDeserialization().list();
    assertThat(details).isNotEmpty();
    for (HistoricDetail detail : details) {
      if (detail instanceof HistoricVariableUpdate update) {
        assertFree("historic detail of " + update.getVariableName(),
            text(update.getTypedValue()));
      } else if (detail instanceof HistoricFormField field) {
        assertFree("historic form field " + field.getFieldId(),
            String.valueOf(field.getFieldValue()));
      }
    }
    for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery().list()) {
      assertFree("operation log " + entry.getOperationType(), entry.getOrgValue());
      assertFree("operation log " + entry.getOperationType(), entry.getNewValue());
    }
  }

  private void assertIdentityIsEncrypted(String caseNumber) {
    Map<String, Object> row = jdbc.sql(
            "select key_id, ciphertext, updated_by from child_identity where case_number = ?")
        .param(caseNumber).query().singleRow();
    String ciphertext = (String) row.get("ciphertext");
    assertThat(ciphertext).isNotBlank();
    assertFree("child_identity", row.toString());
    byte[] decoded = Base64.getDecoder().decode(ciphertext);
    assertFree("child_identity ciphertext, base64-decoded", new String(decoded, UTF_8));
  }

  /** Every text and binary column of every table: the name is nowhere in plain text. */
  private void assertNoDatabaseColumnNamesTheChild() throws Exception {
    List<Map<String, Object>> columns = jdbc.sql("""
            select table_schema, table_name, column_name, data_type
            from information_schema.columns
            where table_schema = 'PUBLIC'""").query().listOfRows();
    assertThat(columns).isNotEmpty();
    int searched = 0;
    for (Map<String, Object> column : columns) {
      String type = String.valueOf(column.get("DATA_TYPE"));
      String qualified = "\"" + column.get("TABLE_SCHEMA") + "\".\"" + column.get("TABLE_NAME")
          + "\"";
      String name = "\"" + column.get("COLUMN_NAME") + "\"";
      String where = column.get("TABLE_NAME") + "." + column.get("COLUMN_NAME");
      if (type.startsWith("CHARACTER")) {
        String anyIdentifying = String.join(" or ",
            IDENTIFYING.stream().map(identifying -> name + " like ?").toList());
        long hits = jdbc.sql("select count(*) from " + qualified + " where " + anyIdentifying)
            .params(IDENTIFYING.stream().map(identifying -> "%" + identifying + "%").toList())
            .query(Long.class).single();
        assertThat(hits).as("rows of %s holding one of %s", where, IDENTIFYING).isZero();
        searched++;
      } else if (type.startsWith("BINARY")) {
        for (Object value : jdbc.sql("select " + name + " from " + qualified)
            .query((rs, i) -> rs.getObject(1)).list()) {
          byte[] bytes = value instanceof Blob blob ? blob.getBytes(1, (int) blob.length())
              : (byte[]) value;
          if (bytes != null) {
            assertFree(where, new String(bytes, UTF_8));
          }
        }
        searched++;
      }
    }
    assertThat(searched).isGreaterThan(50);
  }
}
