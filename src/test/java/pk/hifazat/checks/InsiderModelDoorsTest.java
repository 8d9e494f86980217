package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import pk.hifazat.CaseDriver;
import pk.hifazat.CaseHandover;
import pk.hifazat.HifazatTest;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.checks.InsiderModels.Place;
import pk.hifazat.policy.PathwayRefused;

/**
 * A policy editor cannot give a model power (R-NO-DISCLOSURE): a model reaching the engine's
 * services, started on its own, or a form carrying markup is refused through every door (dry run,
 * policy API, engine REST as Modeler deploys, Java API) and nothing is deployed; and if such a
 * model got past the check, the engine's resolver still refuses it when it runs. Afterwards the
 * editor is still not an administrator.
 */
@HifazatTest
class InsiderModelDoorsTest {

  private static final String EDITOR = "policy.editor";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @LocalServerPort int port;

  private final List<String> deployed = new ArrayList<>();

  @AfterEach
  void removeWhatWasDeployed() {
    deployed.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  /** A change an insider tries, the file it comes in, the element and rule it is refused for. */
  record Attempt(String file, String content, String element, String rule) {}

  static Stream<Arguments> attempts() {
    return Stream.of(
        attempt("the attack seen: a timer starts a process that makes the editor an administrator",
            "insider.bpmn", InsiderModels.timerStartedAdminMaker(), "Service_Reach",
            ExpressionGuard.RULE),
        attempt("the same, refused for its timer start too", "insider.bpmn",
            InsiderModels.timerStartedAdminMaker(), "Start_Insider", IntakeOnlyStarts.RULE),
        attempt("property syntax in a service task", "insider.bpmn",
            InsiderModels.with(Place.SERVICE_TASK, "${execution.processEngineServices"
                + ".identityService.createMembership('policy.editor', 'camunda-admin')}"),
            "Service_Reach", ExpressionGuard.RULE),
        attempt("#{} in an execution listener", "insider.bpmn",
            InsiderModels.with(Place.LISTENER, "#{execution.getProcessEngineServices()}"),
            "Service_Reach", ExpressionGuard.RULE),
        attempt("bracket syntax inside a condition", "insider.bpmn",
            InsiderModels.with(Place.CONDITION,
                "${childSex == 'F' && execution['processEngine'] != null}"),
            "Flow_Reach", ExpressionGuard.RULE),
        attempt("upper case and spaces in a timer", "insider.bpmn",
            InsiderModels.with(Place.TIMER, "${ EXECUTION . PROCESSENGINESERVICES }"),
            "Timer_Reach", ExpressionGuard.RULE),
        attempt("reflection inside a pathway bean's argument in an input mapping",
            "insider.bpmn", InsiderModels.with(Place.INPUT_MAPPING,
                "${deadlines.dueAt(execution, ''.getClass().getName())}"),
            "Service_Reach", ExpressionGuard.RULE),
        attempt("an unknown function", "insider.bpmn",
            InsiderModels.with(Place.SERVICE_TASK, "${fn:grant('policy.editor')}"),
            "Service_Reach", ExpressionGuard.RULE),
        attempt("a process started by a message", "insider.bpmn",
            InsiderModels.startedBy("<bpmn:messageEventDefinition id=\"Message_Start\" />"),
            "Start_Insider", IntakeOnlyStarts.RULE),
        attempt("a form with an html component", "insider.form",
            FormsCarryNoMarkupTest.formWith("{\"id\": \"Html_1\", \"type\": \"html\", "
                + "\"content\": \"<img src=x onerror=alert(1)>\"}"),
            "insider-form/Html_1", FormMarkupGuard.RULE),
        attempt("a form whose text holds a script", "insider.form",
            FormsCarryNoMarkupTest.formWith("{\"id\": \"Text_1\", \"type\": \"text\", "
                + "\"text\": \"<SCRIPT>fetch('/engine-rest/user')</SCRIPT>\"}"),
            "insider-form/Text_1", FormMarkupGuard.RULE));
  }

  private static Arguments attempt(String name, String file, String content, String element,
      String rule) {
    return Arguments.of(Named.of(name, new Attempt(file, content, element, rule)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attempts")
  @DisplayName("R-NO-DISCLOSURE: a model or form carrying power is refused through every door, and the editor stays an editor")
  void aChangeCarryingPowerIsRefusedThroughEveryDoor(Attempt attempt) throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();
    long jobs = managementService.createJobQuery().count();

    JsonNode check = json.readTree(mvc.perform(upload("/api/pathways/checks", attempt))
        .andReturn().getResponse().getContentAsString());
    assertThat(check.path("accepted").asBoolean()).as(check.toPrettyString()).isFalse();
    assertThat(names(check.path("findings"), attempt)).as(check.toPrettyString()).isTrue();

    var api = mvc.perform(upload("/api/pathways/deployments", attempt)).andReturn()
        .getResponse();
    assertThat(api.getStatus()).isEqualTo(400);
    assertThat(api.getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = json.readTree(api.getContentAsString());
    assertThat(names(problem.path("findings"), attempt)).as(problem.toPrettyString()).isTrue();

    HttpResponse<String> engineRest = deployThroughEngineRest(attempt);
    assertThat(engineRest.statusCode()).as(engineRest.body()).isEqualTo(400);
    assertThat(engineRest.body()).contains(attempt.element()).contains(attempt.rule());

    assertThatThrownBy(() -> repositoryService.createDeployment().name("java change")
        .addString(attempt.file(), attempt.content()).deploy())
        .isInstanceOfSatisfying(PathwayRefused.class, refused ->
            assertThat(refused.findings()).anyMatch(finding -> finding.refuses()
                && finding.rule().equals(attempt.rule())
                && attempt.element().equals(finding.element())));

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(managementService.createJobQuery().count()).isEqualTo(jobs);
    assertEditorIsNotAnAdministrator();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "${execution.getProcessEngineServices().getIdentityService()}",
      "${execution.processEngineServices.identityService}",
      "#{execution['processEngine']}",
      "${execution.getParent()}",
      "${execution.processInstance}",
      "${childSex.getClass().forName('java.lang.Runtime')}",
      "${childSex.class}",
      "${childSex[name]}",
      "${deadlines.dueAt(execution.getProcessEngineServices(), 'R-COURT-24H')}",
      "${childSex == 'F' ? execution.getBpmnModelInstance() : null}"})
  @DisplayName("R-NO-DISCLOSURE: evaluated past the deployment check, the engine's resolver still refuses what reaches past the pathway")
  void theResolverRefusesWhatTheCheckWouldHave(String expression) {
    String caseNumber = "PB-2026-991" + Math.abs(expression.hashCode() % 1000);
    ProcessInstance referral = refer(caseNumber);
    runtimeService.setVariable(referral.getId(), "name", "class");

    assertThatThrownBy(() -> evaluate(expression, referral.getId()))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("A pathway's expression may not reach");
    assertEditorIsNotAnAdministrator();
  }

  @Test
  @DisplayName("The resolver still gives a pathway its variables, business key and pathway beans")
  void theResolverStillGivesWhatThePathwaysNeed() {
    ProcessInstance referral = refer("PB-2026-991998");

    assertThat(evaluate("#{execution.processBusinessKey}", referral.getId()))
        .isEqualTo("PB-2026-991998");
    assertThat(evaluate("${execution.getVariable('childSex') == 'F' && childSex.length() == 1}",
        referral.getId())).isEqualTo(true);
    assertThat(evaluate("${deadlines.toString().isEmpty()}", referral.getId())).isEqualTo(false);
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: the attack seen, deployed with the check bypassed, fails when it runs and makes nobody an administrator")
  void theAttackDeployedPastTheCheckFailsWhenItRuns() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<Deployer> all = configuration.getDeployers();
    List<Deployer> unchecked = new ArrayList<>(all);
    unchecked.removeAll(configuration.getCustomPreDeployers());
    configuration.getDeploymentCache().setDeployers(unchecked);
    try {
      deployed.add(repositoryService.createDeployment().name("past the check")
          .addString("insider.bpmn", InsiderModels.with(Place.SERVICE_TASK,
              InsiderModels.MAKE_ADMIN))
          .deploy().getId());
    } finally {
      configuration.getDeploymentCache().setDeployers(all);
    }

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("insider"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("may not reach 'getProcessEngineServices()'");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("insider")
        .count()).isZero();
    assertEditorIsNotAnAdministrator();
  }

  private void assertEditorIsNotAnAdministrator() {
    assertThat(identityService.createGroupQuery().groupMember(EDITOR)
        .groupId(AreaGroups.ADMINISTRATORS).count()).isZero();
  }

  private Object evaluate(String expression, String processInstanceId) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      ExecutionEntity execution = context.getExecutionManager()
          .findExecutionById(processInstanceId);
      return configuration.getExpressionManager().createExpression(expression)
          .getValue(execution);
    });
  }

  /** Starts the referral pathway the way the case's call activity does, for a trafficked girl. */
  private ProcessInstance refer(String caseNumber) {
    return runtimeService.startProcessInstanceByKey("referral", caseNumber,
        CaseHandover.inLahore(caseNumber, "F", 14, "TRAFFICKING",
            Instant.now().minus(Duration.ofHours(3))));
  }

  private static boolean names(JsonNode findings, Attempt attempt) {
    for (JsonNode finding : findings) {
      if (finding.path("rule").asText().equals(attempt.rule())
          && finding.path("element").asText().equals(attempt.element())
          && finding.path("severity").asText().equals("ERROR")) {
        return true;
      }
    }
    return false;
  }

  private static org.springframework.test.web.servlet.RequestBuilder upload(String path,
      Attempt attempt) {
    return multipart(path).file(new MockMultipartFile("files", attempt.file(), "application/xml",
            attempt.content().getBytes(StandardCharsets.UTF_8)))
            .with(httpBasic(EDITOR, CaseDriver.PASSWORD));
  }

  /** The engine REST API's deployment, as Camunda Modeler sends it. */
  private HttpResponse<String> deployThroughEngineRest(Attempt attempt) throws Exception {
    String boundary = "----hifazat" + UUID.randomUUID();
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmodeler change\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + attempt.file() + "\"; filename=\""
        + attempt.file() + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + attempt.content() + "\r\n"
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
}
