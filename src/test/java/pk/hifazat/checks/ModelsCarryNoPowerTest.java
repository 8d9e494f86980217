package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import pk.hifazat.checks.InsiderModels.Place;

/**
 * A model's expressions reach only what the pathways need (R-NO-DISCLOSURE): every way of
 * writing a reach for the engine's services, the application context, classes or reflection is
 * refused by name, wherever in the model it is put, and every committed expression still passes.
 */
class ModelsCarryNoPowerTest {

  private static List<Finding> findings(String bpmn) {
    List<Finding> findings = new ArrayList<>();
    var model = Bpmn.readModelFromStream(
        new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
    ExpressionGuard.check("insider.bpmn", model, findings);
    IntakeOnlyStarts.check("insider.bpmn", model, findings);
    return findings;
  }

  static Stream<Arguments> reaches() {
    return Stream.of(
        Arguments.of(Place.SERVICE_TASK, InsiderModels.MAKE_ADMIN, "getProcessEngineServices()"),
        Arguments.of(Place.SERVICE_TASK,
            "${execution.processEngineServices.identityService.createMembership('policy.editor', "
                + "'camunda-admin')}", "processEngineServices"),
        Arguments.of(Place.SERVICE_TASK, "#{execution.processEngineServices}",
            "processEngineServices"),
        Arguments.of(Place.SERVICE_TASK, "${execution['processEngineServices']}",
            "processEngineServices"),
        Arguments.of(Place.SERVICE_TASK, "${execution[\"processEngine\"].identityService}",
            "processEngine"),
        Arguments.of(Place.SERVICE_TASK, "${ execution . getProcessEngine ( ) }",
            "getProcessEngine()"),
        Arguments.of(Place.SERVICE_TASK, "${EXECUTION.PROCESSENGINESERVICES}",
            "PROCESSENGINESERVICES"),
        Arguments.of(Place.SERVICE_TASK, "${execution.GetProcessEngineServices()}",
            "GetProcessEngineServices()"),
        Arguments.of(Place.SERVICE_TASK, "${execution.getParent()}", "getParent()"),
        Arguments.of(Place.SERVICE_TASK, "${task.getExecution()}", "getExecution()"),
        Arguments.of(Place.SERVICE_TASK,
            "${childSex == 'F' ? execution.processEngineServices : null}",
            "processEngineServices"),
        Arguments.of(Place.SERVICE_TASK,
            "${(childSex == 'F' ? execution : task).getBpmnModelInstance()}",
            "getBpmnModelInstance()"),
        Arguments.of(Place.SERVICE_TASK,
            "${deadlines.dueAt(execution.getProcessEngineServices(), 'R-COURT-24H')}",
            "getProcessEngineServices()"),
        Arguments.of(Place.SERVICE_TASK,
            "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)}",
            "getClass()"),
        Arguments.of(Place.SERVICE_TASK, "${childSex.class.classLoader}", "class"),
        Arguments.of(Place.SERVICE_TASK, "${deadlines.applicationContext.getBean('auditLog')}",
            "applicationContext"),
        Arguments.of(Place.SERVICE_TASK, "${externalTask.workerId}", "workerId"),
        Arguments.of(Place.SERVICE_TASK, "${execution[name]}", "chosen only when it runs"),
        Arguments.of(Place.SERVICE_TASK, "${fn:grant('policy.editor')}", "fn:grant"),
        Arguments.of(Place.SERVICE_TASK, "${grant('policy.editor')}", "grant"),
        Arguments.of(Place.LISTENER, "${execution.processEngineServices.identityService}",
            "processEngineServices"),
        Arguments.of(Place.INPUT_MAPPING, "#{execution.getProcessEngineServices()}",
            "getProcessEngineServices()"),
        Arguments.of(Place.CONDITION,
            "${childSex == 'F' && execution.processEngine != null}", "processEngine"),
        Arguments.of(Place.TIMER, "${execution.processEngineServices.managementService}",
            "processEngineServices"),
        Arguments.of(Place.CANDIDATE_GROUPS,
            "femaleOfficers, ${execution.processEngineServices.identityService}",
            "processEngineServices"),
        Arguments.of(Place.CALL_MAPPING, "${execution.getProcessEngineServices()}",
            "getProcessEngineServices()"),
        Arguments.of(Place.COLLECTION, "${execution.processEngineServices}",
            "processEngineServices"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("reaches")
  @DisplayName("R-NO-DISCLOSURE: an expression reaching past the pathway is refused by name, on its element")
  void anExpressionReachingPastThePathwayIsRefusedByName(Place place, String expression,
      String named) {
    List<Finding> findings = findings(InsiderModels.with(place, expression));

    assertThat(findings).as(findings.toString()).anySatisfy(finding -> {
      assertThat(finding.refuses()).isTrue();
      assertThat(finding.rule()).isEqualTo(ExpressionGuard.RULE);
      assertThat(finding.element()).isEqualTo(place.element);
      assertThat(finding.message()).contains(named);
    });
  }

  @Test
  @DisplayName("The refusal says which attribute holds the expression")
  void theRefusalNamesTheAttribute() {
    List<Finding> findings = findings(InsiderModels.with(Place.SERVICE_TASK,
        InsiderModels.MAKE_ADMIN));

    assertThat(findings).first().satisfies(finding ->
        assertThat(finding.message()).startsWith("Its camunda:expression '" + InsiderModels.MAKE_ADMIN
            + "' reaches 'getProcessEngineServices()'"));
  }

  @Test
  @DisplayName("A condition written in a script language is refused")
  void aConditionInAScriptLanguageIsRefused() {
    String model = InsiderModels.with(Place.CONDITION, "${true}").replace(
        "<bpmn:conditionExpression ", "<bpmn:conditionExpression language=\"javascript\" ");

    assertThat(findings(model)).anySatisfy(finding -> {
      assertThat(finding.rule()).isEqualTo(ExpressionGuard.RULE);
      assertThat(finding.element()).isEqualTo("Flow_Reach");
      assertThat(finding.message()).contains("javascript");
    });
  }

  @Test
  @DisplayName("Variables, the business key, pathway beans and decision results stay allowed")
  void whatThePathwaysNeedStaysAllowed() {
    for (String expression : List.of("${childSex == 'F' ? femaleOfficersGroup : officersGroup}",
        "${caseTeam.officers(execution)}",
        "#{execution.processBusinessKey}", "${execution.getBusinessKey()}",
        "${task.setVariable('visits', task.hasVariable('visits') ? task.getVariable('visits') + 1 : 1)}",
        "${decisionResult.getSingleResult().get('statute')}",
        "${offenceTypes.contains('TRAFFICKING')}", "${not empty manualAgency}",
        "${deadlines.dueAt(execution, 'R-COURT-24H')}", "${now()}", "${list[0]}")) {
      assertThat(findings(InsiderModels.with(Place.SERVICE_TASK, expression)))
          .as(expression).isEmpty();
    }
  }

  @Test
  @DisplayName("Every expression of the committed models passes")
  void everyCommittedExpressionPasses() throws IOException {
    Pattern expression = Pattern.compile("[$#]\\{[^}]*\\}");
    List<String> seen = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(file);
        Matcher m = expression.matcher(xml);
        while (m.find()) {
          seen.add(m.group());
        }
        assertThat(findings(xml)).as(file.toString()).isEmpty();
      }
    }
    assertThat(seen).hasSizeGreaterThan(50);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "<bpmn:timerEventDefinition id=\"TimerEventDefinition_Start\"><bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition>",
      "<bpmn:messageEventDefinition id=\"MessageEventDefinition_Start\" />",
      "<bpmn:signalEventDefinition id=\"SignalEventDefinition_Start\" />",
      "<bpmn:conditionalEventDefinition id=\"ConditionalEventDefinition_Start\"><bpmn:condition xsi:type=\"bpmn:tFormalExpression\">${true}</bpmn:condition></bpmn:conditionalEventDefinition>"})
  @DisplayName("A process that starts on its own, not through intake, is refused on its start event")
  void aProcessStartingOnItsOwnIsRefused(String trigger) {
    assertThat(findings(InsiderModels.startedBy(trigger))).anySatisfy(finding -> {
      assertThat(finding.refuses()).isTrue();
      assertThat(finding.rule()).isEqualTo(IntakeOnlyStarts.RULE);
      assertThat(finding.element()).isEqualTo("Start_Insider");
    });
  }

  @Test
  @DisplayName("A decision written in JUEL is checked like a process; one in a script language is refused")
  void decisionsAreCheckedToo() {
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_D"
            name="D" namespace="http://hifazat.pk/dmn">
          <decision id="Decision_Reach" name="Reach">
            <decisionTable id="DecisionTable_Reach">
              <input id="Input_Juel" label="a">
                <inputExpression id="InputExpression_Juel" typeRef="string" expressionLanguage="juel">
                  <text>execution.processEngineServices</text>
                </inputExpression>
              </input>
              <input id="Input_Script" label="b">
                <inputExpression id="InputExpression_Script" typeRef="string" expressionLanguage="groovy">
                  <text>'x'.execute()</text>
                </inputExpression>
              </input>
              <input id="Input_Feel" label="c">
                <inputExpression id="InputExpression_Feel" typeRef="string"><text>childSex</text></inputExpression>
              </input>
              <output id="Output_1" name="o" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>
        """;
    List<Finding> findings = new ArrayList<>();
    ExpressionGuard.check("reach.dmn", Dmn.readModelFromStream(
        new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))), findings);

    assertThat(findings).extracting(Finding::element)
        .containsExactlyInAnyOrder("Input_Juel", "Input_Script");
    assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("processEngineServices"))
        .anySatisfy(f -> assertThat(f.message()).contains("groovy"));
  }
}
