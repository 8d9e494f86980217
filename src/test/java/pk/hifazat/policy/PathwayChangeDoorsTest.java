package pk.hifazat.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.CaseHandover;
import pk.hifazat.HifazatTest;
import pk.hifazat.sla.Clock;
import pk.hifazat.sla.DeadlineClocks;

/**
 * A pathway change goes live only through the checks, whatever door it comes through: the policy
 * API's dry run and deployment, the engine's REST API that Camunda Modeler deploys with, and the
 * engine's Java API. (The processes/ folder at start-up: PathwayFoldersTest.)
 */
@HifazatTest
class PathwayChangeDoorsTest {

  private static final String EDITOR = "policy.editor";
  private static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DeadlineClocks deadlines;
  @Autowired PathwayDeploymentRecords records;
  @Autowired CaseDriver cases;
  @LocalServerPort int port;

  private final List<String> deployed = new ArrayList<>();

  @AfterEach
  void removeWhatWasDeployed() {
    // Other tests start cases on the latest versions: leave them as committed.
    deployed.forEach(id -> repositoryService.deleteDeployment(id, true));
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  /** A refused change, what it must be refused for, and where. */
  record Refusal(String file, String model, String element, String rule) {}

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(Named.of("R-COURT-24H: production without its statutory timer",
            new Refusal("court-production.bpmn", PathwayVariants.productionWithoutItsStatutoryTimer(),
                "SubProcess_Production", "statutory-deadline"))),
        Arguments.of(Named.of("R-COURT-24H: production within 48 hours",
            new Refusal("court-production.bpmn", PathwayVariants.productionWithin48Hours(),
                "SubProcess_Production", "statutory-deadline"))),
        Arguments.of(Named.of("R-REVIEW-3M: the intervention plan reviewed twice a year",
            new Refusal("placement.bpmn", PathwayVariants.placementReviewedTwiceAYear(),
                "Timer_QuarterlyReview", "statutory-deadline"))),
        Arguments.of(Named.of("A user task whose form does not exist",
            new Refusal("court-production.bpmn", PathwayVariants.productionWithAMissingForm(),
                "Task_RecordCourtOrder", "form-exists"))),
        Arguments.of(Named.of("A model that is not well-formed XML",
            new Refusal("court-production.bpmn", PathwayVariants.productionThatIsNotWellFormed(),
                "line ", "xml"))),
        Arguments.of(Named.of("A decision table the DMN engine refuses: two outputs of one name",
            new Refusal("sharing-basis.dmn", PathwayVariants.sharingBasisWithTwoOutputsOfOneName(),
                "Output_SharedFacts", "engine"))),
        Arguments.of(Named.of("R-GIRL-FEMALE-CARE: a girl's task for any officer",
            new Refusal("court-production.bpmn",
                PathwayVariants.productionWithAGirlsTaskForAnyOfficer(), "Task_RecordCourtOrder",
                "girls-tasks-female-only"))));
  }

  private static MockMultipartFile file(String name, String content) {
    return new MockMultipartFile("files", name, "application/xml",
        content.getBytes(StandardCharsets.UTF_8));
  }

  private long versions() {
    return repositoryService.createProcessDefinitionQuery().count();
  }

  private JsonNode dryRun(String user, MockMultipartFile... files) throws Exception {
    var request = multipart("/api/pathways/checks");
    for (MockMultipartFile file : files) {
      request.file(file);
    }
    request.with(httpBasic(user, CaseDriver.PASSWORD));
    return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString());
  }

  private org.springframework.mock.web.MockHttpServletResponse deployThroughApi(
      MockMultipartFile... files) throws Exception {
    var request = multipart("/api/pathways/deployments");
    for (MockMultipartFile file : files) {
      request.file(file);
    }
    request.with(httpBasic(EDITOR, CaseDriver.PASSWORD));
    return mvc.perform(request).andReturn().getResponse();
  }

  /** The engine REST API's deployment, as Camunda Modeler sends it. */
  private HttpResponse<String> deployThroughEngineRest(String file, String model)
      throws Exception {
    String boundary = "----hifazat" + UUID.randomUUID();
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmodeler change\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + file + "\"; filename=\"" + file + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n"
        + "--" + boundary + "--\r\n";
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/engine-rest/deployment/create"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (EDITOR + ":" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static boolean names(JsonNode findings, Refusal refusal) {
    for (JsonNode finding : findings) {
      if (finding.path("rule").asText().equals(refusal.rule())
          && finding.path("element").asText().startsWith(refusal.element())
          && finding.path("severity").asText().equals("ERROR")) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  @DisplayName("A bad change is refused through every door, naming the element, and nothing is deployed")
  void badChangeIsRefusedThroughEveryDoorNamingTheElement(Refusal refusal) throws Exception {
    long before = versions();
    long deployments = repositoryService.createDeploymentQuery().count();

    JsonNode check = dryRun(EDITOR, file(refusal.file(), refusal.model()));
    assertThat(check.path("accepted").asBoolean()).isFalse();
    assertThat(names(check.path("findings"), refusal)).as(check.toPrettyString()).isTrue();

    var api = deployThroughApi(file(refusal.file(), refusal.model()));
    assertThat(api.getStatus()).isEqualTo(400);
    assertThat(api.getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = json.readTree(api.getContentAsString());
    assertThat(problem.path("title").asText()).isEqualTo("Pathway change refused");
    assertThat(names(problem.path("findings"), refusal)).as(problem.toPrettyString()).isTrue();
    assertThat(problem.path("detail").asText()).contains(refusal.element());

    HttpResponse<String> engineRest = deployThroughEngineRest(refusal.file(), refusal.model());
    assertThat(engineRest.statusCode()).as(engineRest.body()).isEqualTo(400);
    assertThat(engineRest.body()).contains(refusal.element()).contains(refusal.rule());

    assertThatThrownBy(() -> repositoryService.createDeployment().name("java change")
        .addString(refusal.file(), refusal.model()).deploy())
        .isInstanceOfSatisfying(PathwayRefused.class, refused ->
            assertThat(refused.findings()).anyMatch(finding -> finding.refuses()
                && finding.rule().equals(refusal.rule())
                && String.valueOf(finding.element()).startsWith(refusal.element())));

    assertThat(versions()).isEqualTo(before);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(records.newestFirst(3)).allSatisfy(record -> {
      assertThat(record.outcome()).isEqualTo(PathwayDeploymentRecord.Outcome.REFUSED);
      assertThat(record.findings()).anyMatch(finding -> finding.rule().equals(refusal.rule()));
    });
  }

  @Test
  @DisplayName("R-REFERRAL: a policy deadline moved from 48 to 24 hours is accepted and new referrals are due in 24 hours; a running one keeps 48")
  void policyDeadlineShortenedIsAcceptedAndNewCasesUseIt() throws Exception {
    cases.clockAt(NOW);
    ProcessInstance running = refer("PB-2026-990001");
    Clock runningClock = referralClock(running);
    assertThat(runningClock.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(48)));

    JsonNode check = dryRun(EDITOR, file("referral.bpmn",
        PathwayVariants.referralAcknowledgedWithin24Hours()));
    assertThat(check.path("accepted").asBoolean()).as(check.toPrettyString()).isTrue();
    assertThat(check.path("changes").toString())
        .contains("Task_AcknowledgeReferral").contains("PT48H").contains("PT24H");

    var answer = deployThroughApi(file("referral.bpmn",
        PathwayVariants.referralAcknowledgedWithin24Hours()));
    assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
    JsonNode record = json.readTree(answer.getContentAsString());
    deployed.add(record.path("deploymentId").asText());
    assertThat(record.path("deployedBy").asText()).isEqualTo(EDITOR);
    assertThat(record.path("door").asText()).isEqualTo("POLICY_API");
    assertThat(record.path("changes").toString())
        .contains("Task_AcknowledgeReferral").contains("CHANGED")
        .contains("deadline R-REFERRAL PT48H (policy");

    ProcessInstance fresh = refer("PB-2026-990002");
    assertThat(referralClock(fresh).dueAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(referralClock(running)).isEqualTo(runningClock);

    JsonNode history = json.readTree(mvc.perform(get("/api/pathways/deployments")
            .with(httpBasic(EDITOR, CaseDriver.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    assertThat(history.findValuesAsText("deploymentId"))
        .contains(record.path("deploymentId").asText());
  }

  @Test
  @DisplayName("A dry run deploys nothing, even for a change it accepts")
  void dryRunDeploysNothing() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();

    JsonNode check = dryRun(EDITOR, file("referral.bpmn",
        PathwayVariants.referralAcknowledgedWithin24Hours()));

    assertThat(check.path("accepted").asBoolean()).isTrue();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  @DisplayName("Files that are not a pathway are refused with a problem naming each file")
  void filesThatAreNotAPathwayAreRefused() throws Exception {
    var answer = mvc.perform(multipart("/api/pathways/checks")
            .file(new MockMultipartFile("files", "notes.txt", "text/plain", new byte[] {1}))
            .file(new MockMultipartFile("files", "case.bpmn", "application/xml",
                new byte[] {(byte) 0xC3, (byte) 0x28}))
            .with(httpBasic(EDITOR, CaseDriver.PASSWORD)))
        .andExpect(status().isBadRequest()).andReturn().getResponse();
    JsonNode problem = json.readTree(answer.getContentAsString());
    assertThat(problem.path("errors").toString()).contains("notes.txt").contains("case.bpmn")
        .contains("UTF-8");

    mvc.perform(multipart("/api/pathways/deployments")
            .with(httpBasic(EDITOR, CaseDriver.PASSWORD)))
        .andExpect(status().isBadRequest());
  }

  @Test
  @DisplayName("Through the engine, a file that is not a pathway (a CMMN case) is refused, not deployed unchecked")
  void engineDeploymentOfAnotherKindOfFileIsRefused() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();

    HttpResponse<String> answer = deployThroughEngineRest("case.cmmn",
        "<definitions xmlns=\"http://www.omg.org/spec/CMMN/20151109/MODEL\" />");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("case.cmmn").contains("file-type");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  @DisplayName("Only policy editors and administrators change pathways")
  void onlyPolicyEditorsChangePathways() throws Exception {
    for (String user : List.of("manager.punjab", "cpo.lahore.f", "supervisor.lahore")) {
      mvc.perform(multipart("/api/pathways/checks")
              .file(file("referral.bpmn", PathwayVariants.committed("referral.bpmn")))
              .with(httpBasic(user, CaseDriver.PASSWORD)))
          .andExpect(status().isForbidden());
      mvc.perform(get("/api/pathways").with(httpBasic(user, CaseDriver.PASSWORD)))
          .andExpect(status().isForbidden());
    }
    mvc.perform(get("/api/pathways").with(httpBasic("admin", CaseDriver.PASSWORD)))
        .andExpect(status().isOk());
  }

  @Test
  @DisplayName("Each pathway's versions are listed with the cases running on them and where they wait")
  void pathwaysAreListedWithTheirVersionsAndWaitingCases() throws Exception {
    cases.clockAt(NOW);
    ProcessInstance referral = refer("PB-2026-990003");

    JsonNode pathways = json.readTree(mvc.perform(get("/api/pathways")
            .with(httpBasic(EDITOR, CaseDriver.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    JsonNode referralPathway = null;
    for (JsonNode pathway : pathways) {
      if (pathway.path("key").asText().equals("referral")) {
        referralPathway = pathway;
      }
    }
    assertThat(referralPathway).isNotNull();
    assertThat(referralPathway.path("kind").asText()).isEqualTo("process");
    JsonNode latest = referralPathway.path("versions").get(0);
    assertThat(latest.path("id").asText()).isEqualTo(referral.getProcessDefinitionId());
    assertThat(latest.path("runningCases").asLong()).isPositive();

    String waiting = mvc.perform(get("/api/pathways/definitions/{id}/waiting",
            referral.getProcessDefinitionId()).with(httpBasic(EDITOR, CaseDriver.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(waiting).contains("Task_AcknowledgeReferral");
    String xml = mvc.perform(get("/api/pathways/definitions/{id}/xml",
            referral.getProcessDefinitionId()).with(httpBasic(EDITOR, CaseDriver.PASSWORD)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(xml).contains("Task_AcknowledgeReferral");
    mvc.perform(get("/api/pathways/definitions/{id}/xml", "nothing:1:2")
            .with(httpBasic(EDITOR, CaseDriver.PASSWORD)))
        .andExpect(status().isNotFound());
  }

  /** Starts the referral pathway the way the case's call activity does, for a trafficked child. */
  private ProcessInstance refer(String caseNumber) {
    return runtimeService.startProcessInstanceByKey("referral", caseNumber,
        CaseHandover.inLahore(caseNumber, "F", 14, "TRAFFICKING", NOW.minus(Duration.ofHours(3))));
  }

  private Clock referralClock(ProcessInstance referral) {
    return deadlines.ofCase(referral.getBusinessKey()).stream()
        .filter(clock -> clock.rule().equals("R-REFERRAL")).findFirst().orElseThrow();
  }
}
