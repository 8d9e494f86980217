package pk.hifazat.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * Hostile input: oversized bodies, deeply nested JSON, SQL and script injection in every free-text
 * field, XML external entities and entity expansion in an uploaded BPMN or DMN, invalid UTF-8.
 * Each is refused with a clear error (or, where a value is legitimately accepted, stored verbatim
 * and never executed), nothing is stored, and the service keeps answering.
 */
@HifazatTest
class HostileInputTest {

  private static final int FIVE_MB = 5 * 1024 * 1024;
  private static final int DEEP = 10_000;
  private static final String JSON_UTF8 = "application/json;charset=UTF-8";
  private static final String OFFICER = "cpo.lahore.f";
  private static final String VALID_IDENTITY = """
      {"name": "Amina Bibi", "parents": ["Saima Bibi"], "address": "House 7, Shadbagh, Lahore"}
      """;

  /** SQL, script and expression injection, each tried in every free-text field. */
  private static final List<String> HOSTILE_TEXT = List.of(
      "x'; DROP TABLE case_file; --",
      "' OR '1'='1",
      "Robert') OR ('1' LIKE '1",
      "1 UNION SELECT ciphertext FROM child_identity",
      "'; DELETE FROM ACT_ID_USER; --",
      "x' AND 1=(SELECT COUNT(*) FROM child_identity) --",
      "<script>alert(1)</script>",
      "\"><img src=x onerror=alert(1)>",
      "javascript:alert(document.cookie)",
      "${execution.setVariable('childSex', 'M')}",
      "#{7*7}",
      "{{7*7}}",
      "Islam\u0000'; DROP TABLE case_file",
      "Punjabi\r\nX-Injected: yes",
      "Sindhi\u202E<lmth>");

  /** Listens for the engine reaching out for an external entity or DTD: it must never. */
  private static HttpServer outOfBand;
  private static final AtomicInteger OUT_OF_BAND_REQUESTS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired CaseDriver cases;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  private RawHttp http;

  @BeforeAll
  static void listenForOutOfBandFetches() throws Exception {
    outOfBand = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    outOfBand.createContext("/", exchange -> {
      OUT_OF_BAND_REQUESTS.incrementAndGet();
      byte[] answer = "<!ENTITY leak 'fetched'>".getBytes(UTF_8);
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    outOfBand.start();
  }

  @AfterAll
  static void stopListening() {
    outOfBand.stop(0);
  }

  @BeforeEach
  void setUp() {
    ClockUtil.reset();
    http = new RawHttp(port);
  }

  // ---------------------------------------------------------------------------------------------
  // What is checked around every hostile request

  record Counts(long instances, long historicInstances, long caseFiles, long identities,
      long auditEvents, long deployments, long processDefinitions, long decisionDefinitions) {}

  private Counts counts() {
    return new Counts(
        runtimeService.createProcessInstanceQuery().count(),
        historyService.createHistoricProcessInstanceQuery().count(),
        jdbc.sql("select count(*) from case_file").query(Long.class).single(),
        jdbc.sql("select count(*) from child_identity").query(Long.class).single(),
        // Refused logins and refused pathway changes are recorded on purpose.
        jdbc.sql("select count(*) from audit_event"
                + " where action not in ('LOGIN_FAILED', 'PATHWAY_REFUSED')")
            .query(Long.class).single(),
        repositoryService.createDeploymentQuery().count(),
        repositoryService.createProcessDefinitionQuery().count(),
        repositoryService.createDecisionDefinitionQuery().count());
  }

  /** The tables an injection would aim at are all still there, and so is the administrator. */
  private void tablesStillExist() {
    for (String table : List.of("case_file", "case_number_counter", "child_identity",
        "audit_event", "sla_clock", "task_fact", "ACT_RU_EXECUTION", "ACT_RU_VARIABLE",
        "ACT_HI_PROCINST", "ACT_ID_USER", "ACT_RE_DEPLOYMENT")) {
      assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single())
          .as("table %s", table).isNotNull();
    }
    assertThat(identityService.createUserQuery().userId("admin").count()).isOne();
    assertThat(identityService.createUserQuery().userId(OFFICER).count()).isOne();
  }

  /** Health answers 200 quickly, and a valid report over real HTTP still opens a case. */
  private void serviceStillAnswers() throws Exception {
    RawHttp.Answer health = http.get("/actuator/health", null);
    assertThat(health.status()).as("health: %s", health).isEqualTo(200);
    assertThat(health.took()).as("health answered in").isLessThan(Duration.ofSeconds(5));
    RawHttp.Answer created = http.send("POST", "/api/cases", OFFICER, JSON_UTF8,
        validReport().getBytes(UTF_8));
    assertThat(created.status()).as("a valid report afterwards: %s", created).isEqualTo(201);
    assertThat(created.took()).as("a valid report answered in").isLessThan(Duration.ofSeconds(10));
  }

  private static String validReport() {
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    return Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING", hourAgo,
        hourAgo.minus(Duration.ofMinutes(30)));
  }

  /** A girl's case in Lahore, registered as partner systems do, with a valid identity. */
  private String lahoreCaseWithIdentity() throws Exception {
    String caseNumber = cases.report(validReport());
    int status = mvc.perform(put("/api/cases/" + caseNumber + "/identity")
            .with(httpBasic(OFFICER, CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(VALID_IDENTITY))
        .andReturn().getResponse().getStatus();
    assertThat(status).as("a valid identity is recorded").isEqualTo(204);
    return caseNumber;
  }

  private String ciphertext(String caseNumber) {
    return jdbc.sql("select ciphertext from child_identity where case_number = ?")
        .param(caseNumber).query(String.class).single();
  }

  private static void assertClearRefusal(RawHttp.Answer answer) {
    assertThat(answer.status()).as("a 5 MB body must be refused: %s", answer).isIn(400, 413);
    if (answer.status() == 400) {
      assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
      assertThat(answer.body()).contains("\"status\":400");
    }
    // A short, clear answer: the hostile body is not echoed back.
    assertThat(answer.body().length()).as(answer.toString()).isLessThan(4_000);
  }

  // ---------------------------------------------------------------------------------------------
  // Oversized bodies, over real HTTP

  static Stream<Arguments> oversizedReports() {
    String report = validReport();
    String pad = "a".repeat(FIVE_MB);
    StringBuilder offences = new StringBuilder("\"TRAFFICKING\"");
    while (offences.length() < FIVE_MB) {
      offences.append(", \"TRAFFICKING\"");
    }
    return Stream.of(
        Arguments.of("5 MB in a free-text field",
            report.replace("\"Islam\"", "\"" + pad + "\"")),
        Arguments.of("5 MB in the district", report.replace("\"Lahore\"", "\"" + pad + "\"")),
        Arguments.of("5 MB in an unknown field",
            report.replaceFirst("\\{", "{\"padding\": \"" + pad + "\", ")),
        Arguments.of("5 MB of offence types",
            report.replace("[\"TRAFFICKING\"]", "[" + offences + "]")),
        Arguments.of("a valid report padded with 5 MB of spaces",
            report.replaceFirst("\\{", "{" + " ".repeat(FIVE_MB))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oversizedReports")
  @DisplayName("POST /api/cases: an oversized body is refused with 400 or 413 and opens no case")
  void oversizedReportIsRefused(String what, String body) throws Exception {
    Counts before = counts();

    RawHttp.Answer answer = http.send("POST", "/api/cases", OFFICER, JSON_UTF8,
        body.getBytes(UTF_8));

    assertClearRefusal(answer);
    assertThat(counts()).isEqualTo(before);
    serviceStillAnswers();
  }

  static Stream<Arguments> oversizedIdentities() {
    String pad = "a".repeat(FIVE_MB);
    return Stream.of(
        Arguments.of("5 MB name", "{\"name\": \"" + pad + "\"}"),
        Arguments.of("5 MB address", "{\"name\": \"Amina Bibi\", \"address\": \"" + pad + "\"}"),
        Arguments.of("5 MB photo",
            "{\"name\": \"Amina Bibi\", \"photo\": \"/9j/" + "A".repeat(FIVE_MB) + "\"}"),
        Arguments.of("a valid identity padded with 5 MB of spaces",
            "{" + " ".repeat(FIVE_MB) + "\"name\": \"Amina Bibi\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oversizedIdentities")
  @DisplayName("PUT /api/cases/{n}/identity: an oversized body is refused and the identity is unchanged")
  void oversizedIdentityIsRefused(String what, String body) throws Exception {
    String caseNumber = lahoreCaseWithIdentity();
    String stored = ciphertext(caseNumber);
    Counts before = counts();

    RawHttp.Answer answer = http.send("PUT", "/api/cases/" + caseNumber + "/identity", OFFICER,
        JSON_UTF8, body.getBytes(UTF_8));

    assertClearRefusal(answer);
    assertThat(ciphertext(caseNumber)).as("the stored identity").isEqualTo(stored);
    assertThat(counts()).isEqualTo(before);
    serviceStillAnswers();
  }

  // ---------------------------------------------------------------------------------------------
  // Deeply nested JSON

  private static String nestedArrays(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static String nestedObjects(int depth) {
    return "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth);
  }

  static Stream<Arguments> nestedReports() {
    String report = validReport();
    return Stream.of(
        Arguments.of("nested arrays in the district",
            report.replace("\"Lahore\"", nestedArrays(DEEP))),
        Arguments.of("nested objects in the religion",
            report.replace("\"Islam\"", nestedObjects(DEEP))),
        Arguments.of("nested arrays in the offence types",
            report.replace("[\"TRAFFICKING\"]", nestedArrays(DEEP))),
        Arguments.of("nested objects in the custody",
            report.replaceFirst("\"custody\": \\{", "\"custody\": {\"x\": " + nestedObjects(DEEP)
                + ", ")),
        Arguments.of("nested objects in an unknown field",
            report.replaceFirst("\\{", "{\"extra\": " + nestedObjects(DEEP) + ", ")),
        Arguments.of("nested arrays as the whole body", nestedArrays(DEEP)),
        Arguments.of("nested objects as the whole body", nestedObjects(DEEP)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nestedReports")
  @DisplayName("POST /api/cases: 10,000 levels of nesting answer 400 and open no case")
  void deeplyNestedReportIsRefused(String what, String body) throws Exception {
    Counts before = counts();

    MvcResult result = mvc.perform(post("/api/cases")
            .with(httpBasic(OFFICER, CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andReturn();

    String answer = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(answer).isEqualTo(400);
    assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(answer.length()).isLessThan(4_000);
    assertThat(counts()).isEqualTo(before);
    serviceStillAnswers();
  }

  static Stream<Arguments> nestedIdentities() {
    return Stream.of(
        Arguments.of("nested objects in the name", "{\"name\": " + nestedObjects(DEEP) + "}"),
        Arguments.of("nested arrays in the parents",
            "{\"name\": \"Amina Bibi\", \"parents\": " + nestedArrays(DEEP) + "}"),
        Arguments.of("nested arrays in an unknown field",
            "{\"name\": \"Amina Bibi\", \"extra\": " + nestedArrays(DEEP) + "}"),
        Arguments.of("nested arrays as the whole body", nestedArrays(DEEP)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nestedIdentities")
  @DisplayName("PUT /api/cases/{n}/identity: 10,000 levels of nesting answer 400 and change nothing")
  void deeplyNestedIdentityIsRefused(String what, String body) throws Exception {
    String caseNumber = lahoreCaseWithIdentity();
    String stored = ciphertext(caseNumber);
    Counts before = counts();

    MvcResult result = mvc.perform(put("/api/cases/" + caseNumber + "/identity")
            .with(httpBasic(OFFICER, CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andReturn();

    String answer = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).as(answer).isEqualTo(400);
    assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(ciphertext(caseNumber)).isEqualTo(stored);
    assertThat(counts()).isEqualTo(before);
    serviceStillAnswers();
  }

  // ---------------------------------------------------------------------------------------------
  // Injection in every free-text field

  static Stream<Arguments> injectedReports() {
    List<Arguments> all = new ArrayList<>();
    for (String field : List.of("district", "child.religion", "child.ethnicity",
        "child.socioeconomicStatus")) {
      for (String payload : HOSTILE_TEXT) {
        all.add(Arguments.of(field, payload));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("injectedReports")
  @DisplayName("POST /api/cases: injection in a free-text field is refused naming it, or stored verbatim")
  void injectionInReportIsRefusedOrStoredVerbatim(String field, String payload) throws Exception {
    ObjectNode report = (ObjectNode) json.readTree(validReport());
    String component = field.substring(field.indexOf('.') + 1);
    (field.startsWith("child.") ? (ObjectNode) report.get("child") : report).put(component,
        payload);
    Counts before = counts();

    MvcResult result = mvc.perform(post("/api/cases")
            .with(httpBasic(OFFICER, CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(report)))
        .andReturn();

    int status = result.getResponse().getStatus();
    String answer = result.getResponse().getContentAsString();
    assertThat(status).as(answer).isIn(201, 400);
    if (status == 400) {
      assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
      assertThat(json.readTree(answer).path("errors").findValuesAsText("field"))
          .as(answer).contains(field);
      assertThat(answer).as("the refused value is not echoed").doesNotContain(payload);
      assertThat(counts()).isEqualTo(before);
    } else {
      // Accepted: stored exactly as sent, and nothing else happened.
      String caseNumber = json.readTree(answer).get("caseNumber").asText();
      String column = switch (component) {
        case "socioeconomicStatus" -> "socioeconomic_status";
        default -> component;
      };
      assertThat(jdbc.sql("select " + column + " from case_file where case_number = ?")
          .param(caseNumber).query(String.class).single()).isEqualTo(payload);
      MvcResult read = mvc.perform(get("/api/cases/" + caseNumber)
          .with(httpBasic(OFFICER, CaseDriver.PASSWORD))).andReturn();
      assertThat(read.getResponse().getContentType()).startsWith("application/json");
      assertThat(json.readTree(read.getResponse().getContentAsString())
          .at("/" + field.replace('.', '/')).asText()).isEqualTo(payload);
      Counts after = counts();
      assertThat(after.caseFiles()).isEqualTo(before.caseFiles() + 1);
      assertThat(after.identities()).isEqualTo(before.identities());
      assertThat(after.deployments()).isEqualTo(before.deployments());
    }
    tablesStillExist();
    serviceStillAnswers();
  }

  static Stream<Arguments> injectedIdentities() {
    List<Arguments> all = new ArrayList<>();
    for (String field : List.of("name", "parents[0]", "address")) {
      for (String payload : HOSTILE_TEXT) {
        all.add(Arguments.of(field, payload));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("injectedIdentities")
  @DisplayName("PUT /api/cases/{n}/identity: injection is refused naming the field, or stored verbatim")
  void injectionInIdentityIsRefusedOrStoredVerbatim(String field, String payload)
      throws Exception {
    String caseNumber = lahoreCaseWithIdentity();
    String stored = ciphertext(caseNumber);
    ObjectNode identity = (ObjectNode) json.readTree(VALID_IDENTITY);
    if (field.equals("parents[0]")) {
      identity.putArray("parents").add(payload);
    } else {
      identity.put(field, payload);
    }
    Counts before = counts();

    MvcResult result = mvc.perform(put("/api/cases/" + caseNumber + "/identity")
            .with(httpBasic(OFFICER, CaseDriver.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(identity)))
        .andReturn();

    int status = result.getResponse().getStatus();
    String answer = result.getResponse().getContentAsString();
    assertThat(status).as(answer).isIn(204, 400);
    if (status == 400) {
      assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
      assertThat(json.readTree(answer).path("errors").findValuesAsText("field"))
          .as(answer).contains(field);
      assertThat(answer).as("the refused value is not echoed").doesNotContain(payload);
      assertThat(ciphertext(caseNumber)).as("the stored identity").isEqualTo(stored);
      assertThat(counts()).isEqualTo(before);
    } else {
      MvcResult read = mvc.perform(get("/api/cases/" + caseNumber + "/identity")
          .with(httpBasic(OFFICER, CaseDriver.PASSWORD))).andReturn();
      assertThat(read.getResponse().getStatus()).isEqualTo(200);
      assertThat(read.getResponse().getContentType()).startsWith("application/json");
      JsonNode back = json.readTree(read.getResponse().getContentAsString());
      JsonNode value = field.equals("parents[0]") ? back.path("parents").path(0) : back.path(field);
      assertThat(value.asText()).isEqualTo(payload);
      assertThat(ciphertext(caseNumber)).doesNotContain(payload);
    }
    tablesStillExist();
    serviceStillAnswers();
  }

  // ---------------------------------------------------------------------------------------------
  // Invalid UTF-8, as raw bytes over real HTTP

  static Stream<Arguments> invalidUtf8() {
    return Stream.of(
        Arguments.of("a lone continuation byte", new byte[] {(byte) 0x80}),
        Arguments.of("a byte that is never UTF-8", new byte[] {(byte) 0xFF}),
        Arguments.of("a truncated three-byte sequence", new byte[] {(byte) 0xE2, (byte) 0x82}),
        Arguments.of("a Latin-1 e-acute", new byte[] {(byte) 0xE9}),
        Arguments.of("an overlong encoding of 'a'", new byte[] {(byte) 0xC1, (byte) 0xA1}),
        Arguments.of("an overlong encoding of '<'", new byte[] {(byte) 0xC0, (byte) 0xBC}),
        Arguments.of("a three-byte overlong encoding of 'a'",
            new byte[] {(byte) 0xE0, (byte) 0x81, (byte) 0xA1}),
        Arguments.of("an encoded UTF-16 surrogate",
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
        Arguments.of("a code point above U+10FFFF",
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
  }

  /** The text with the bytes put in after the first occurrence of {@code after}. */
  private static byte[] splice(String text, String after, byte[] bytes) {
    int at = text.indexOf(after) + after.length();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.substring(0, at).getBytes(UTF_8));
    out.writeBytes(bytes);
    out.writeBytes(text.substring(at).getBytes(UTF_8));
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  @DisplayName("POST /api/cases: invalid UTF-8 in a free-text field answers 400 and opens no case")
  void invalidUtf8ReportIsRefused(String what, byte[] bytes) throws Exception {
    Counts before = counts();

    RawHttp.Answer answer = http.send("POST", "/api/cases", OFFICER, JSON_UTF8,
        splice(validReport(), "\"Isl", bytes));

    assertThat(answer.status()).as("a body that is not UTF-8 must be refused: %s", answer)
        .isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(counts()).isEqualTo(before);
    serviceStillAnswers();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  @DisplayName("PUT /api/cases/{n}/identity: invalid UTF-8 in the name answers 400 and changes nothing")
  void invalidUtf8IdentityIsRefused(String what, byte[] bytes) throws Exception {
    String caseNumber = lahoreCaseWithIdentity();
    String stored = ciphertext(caseNumber);
    Counts before = counts();

    RawHttp.Answer answer = http.send("PUT", "/api/cases/" + caseNumber + "/identity", OFFICER,
        JSON_UTF8, splice("{\"name\": \"Amina Bibi\", \"address\": \"Lahore\"}", "\"Am", bytes));

    assertThat(answer.status()).as("a body that is not UTF-8 must be refused: %s", answer)
        .isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(ciphertext(caseNumber)).isEqualTo(stored);
    assertThat(counts()).isEqualTo(before);
    serviceStillAnswers();
  }

  // ---------------------------------------------------------------------------------------------
  // Uploaded models: external entities and entity expansion

  private static final String LISTENER = "{LISTENER}";

  private static String bpmn(String doctype, String id, String text) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        %s
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" \
        xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" \
        xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" \
        xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_%s" \
        targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%s" name="Hostile" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:documentation>%s</bpmn:documentation>
            <bpmn:startEvent id="Start" name="Started" />
            <bpmn:sequenceFlow id="Flow" sourceRef="Start" targetRef="End" />
            <bpmn:endEvent id="End" name="Ended" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram">
            <bpmndi:BPMNPlane id="Plane" bpmnElement="%s">
              <bpmndi:BPMNShape id="Start_di" bpmnElement="Start">
                <dc:Bounds x="100" y="100" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="End_di" bpmnElement="End">
                <dc:Bounds x="200" y="100" width="36" height="36" />
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_di" bpmnElement="Flow">
                <di:waypoint x="136" y="118" />
                <di:waypoint x="200" y="118" />
              </bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.formatted(doctype, id, id, text, id);
  }

  private static String dmn(String doctype, String id, String text) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        %s
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" \
        xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_%s" name="Hostile" \
        namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="%s" name="Hostile" camunda:historyTimeToLive="P1D">
            <description>%s</description>
            <decisionTable id="Table_1">
              <input id="Input_1">
                <inputExpression id="InputExpression_1" typeRef="string"><text>province</text></inputExpression>
              </input>
              <output id="Output_1" name="note" typeRef="string" />
              <rule id="Rule_1">
                <inputEntry id="InputEntry_1"><text>"PB"</text></inputEntry>
                <outputEntry id="OutputEntry_1"><text>"%s"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(doctype, id, id, text, text);
  }

  private static String billionLaughs() {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE definitions [\n  <!ENTITY lol0 \"lol\">\n");
    for (int level = 1; level <= 9; level++) {
      doctype.append("  <!ENTITY lol").append(level).append(" \"")
          .append(("&lol" + (level - 1) + ";").repeat(10)).append("\">\n");
    }
    return doctype.append("]>").toString();
  }

  private static final String[][] HOSTILE_DOCTYPES = {
      {"an external entity reading /etc/passwd",
          "<!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;"},
      {"an external entity fetched over HTTP",
          "<!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"http://127.0.0.1:" + LISTENER
              + "/entity\">]>", "&xxe;"},
      {"an external parameter entity",
          "<!DOCTYPE definitions [<!ENTITY % remote SYSTEM \"http://127.0.0.1:" + LISTENER
              + "/parameter\"> %remote;]>", "harmless"},
      {"an external DTD",
          "<!DOCTYPE definitions SYSTEM \"http://127.0.0.1:" + LISTENER + "/external.dtd\">",
          "harmless"},
      {"billion laughs", billionLaughs(), "&lol9;"},
      {"quadratic blow-up",
          "<!DOCTYPE definitions [<!ENTITY a \"" + "a".repeat(50_000) + "\">]>",
          "&a;".repeat(50_000)}};

  static Stream<Arguments> hostileModels() {
    List<Arguments> all = new ArrayList<>();
    for (String[] hostile : HOSTILE_DOCTYPES) {
      all.add(Arguments.of("BPMN with " + hostile[0], "hostile.bpmn",
          bpmn(hostile[1], "hostileProcess", hostile[2])));
      all.add(Arguments.of("DMN with " + hostile[0], "hostile.dmn",
          dmn(hostile[1], "hostileDecision", hostile[2])));
    }
    return all.stream();
  }

  private RawHttp.Answer deploy(String deploymentName, String fileName, String model)
      throws Exception {
    String boundary = "----hifazat" + UUID.randomUUID();
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + deploymentName + "\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-source\"\r\n\r\n"
        + "hostile-input-test\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n"
        + model + "\r\n"
        + "--" + boundary + "--\r\n";
    return http.send("POST", "/engine-rest/deployment/create", "admin",
        "multipart/form-data; boundary=" + boundary, body.getBytes(UTF_8));
  }

  private static List<String> passwdLines() throws Exception {
    Path passwd = Path.of("/etc/passwd");
    List<String> lines = new ArrayList<>(List.of("root:x:0:0", "root:*:0:0", "/bin/bash",
        "/usr/sbin/nologin"));
    if (Files.isReadable(passwd)) {
      Files.readAllLines(passwd).stream().filter(line -> line.length() > 8).forEach(lines::add);
    }
    return lines;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileModels")
  @DisplayName("POST /engine-rest/deployment/create: XXE and entity expansion are refused, nothing is deployed")
  void hostileModelIsRefusedAndNothingDeployed(String what, String fileName, String model)
      throws Exception {
    int fetchesBefore = OUT_OF_BAND_REQUESTS.get();
    String deploymentName = "hostile-" + UUID.randomUUID();
    Counts before = counts();

    RawHttp.Answer answer = deploy(deploymentName, fileName,
        model.replace(LISTENER, String.valueOf(outOfBand.getAddress().getPort())));

    assertThat(answer.status())
        .as("a refused upload is the client's error (4xx), not a server error: %s", answer)
        .isBetween(400, 499);
    assertThat(answer.took()).as("refused in").isLessThan(Duration.ofSeconds(10));
    for (String line : passwdLines()) {
      assertThat(answer.body()).as("the answer leaks /etc/passwd").doesNotContain(line);
    }
    assertThat(answer.body()).doesNotContain("lollollollollol").doesNotContain("aaaaaaaaaaaaaaaa");
    assertThat(repositoryService.createDeploymentQuery().deploymentName(deploymentName).count())
        .isZero();
    assertThat(counts()).isEqualTo(before);
    assertThat(OUT_OF_BAND_REQUESTS.get()).as("requests the parser sent out")
        .isEqualTo(fetchesBefore);
    serviceStillAnswers();
  }

  @Test
  @DisplayName("Control: the same models without the hostile DOCTYPE deploy, so the refusals above are the entities'")
  void sameModelsWithoutDoctypeDeploy() throws Exception {
    for (String[] model : List.of(
        new String[] {"harmless.bpmn", bpmn("", "harmlessProcess", "harmless")},
        new String[] {"harmless.dmn", dmn("", "harmlessDecision", "harmless")})) {
      String deploymentName = "harmless-" + UUID.randomUUID();
      long deployments = repositoryService.createDeploymentQuery().count();

      RawHttp.Answer answer = deploy(deploymentName, model[0], model[1]);

      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      Deployment deployment = repositoryService.createDeploymentQuery()
          .deploymentName(deploymentName).singleResult();
      assertThat(deployment).isNotNull();
      assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments + 1);
      repositoryService.deleteDeployment(deployment.getId(), true);
      assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }
  }
}
