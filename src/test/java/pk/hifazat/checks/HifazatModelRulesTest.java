package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our own rules, each on the element that breaks it: forms, deadline properties, what is called,
 * and no code brought in by a model.
 */
class HifazatModelRulesTest {

  private static List<Finding> findings(String body) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Own"
            targetNamespace="http://hifazat.pk/bpmn">
          <bpmn:process id="own" isExecutable="true" camunda:historyTimeToLive="P1D">
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(body);
    List<Finding> findings = new ArrayList<>();
    ParsedPathways parsed = ParsedPathways.read(PathwayFiles.of(Map.of("own.bpmn",
        xml.getBytes(StandardCharsets.UTF_8))), findings);
    HifazatModelRules.check("own.bpmn", parsed.processes.get("own.bpmn"), parsed,
        PathwayLibrary.EMPTY, findings);
    return findings;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      form-exists            | Task_Visit   | <bpmn:userTask id="Task_Visit" name="Visit" />
      form-exists            | Task_Visit   | <bpmn:userTask id="Task_Visit" name="Visit" camunda:formRef="no-such-form" />
      called-element-exists  | Call_Placement | <bpmn:callActivity id="Call_Placement" name="Place" calledElement="noSuchPathway" />
      decision-exists        | Rule_Triage  | <bpmn:businessRuleTask id="Rule_Triage" name="Triage" camunda:decisionRef="noSuchTable" camunda:resultVariable="r" camunda:mapDecisionResult="singleEntry" />
      deadline-properties    | Task_Late    | <bpmn:task id="Task_Late" name="Late"><bpmn:extensionElements><camunda:properties><camunda:property name="sla.rule" value="R-REFERRAL" /><camunda:property name="sla.traget" value="PT24H" /><camunda:property name="sla.kind" value="policy" /></camunda:properties></bpmn:extensionElements></bpmn:task>
      deadline-properties    | Task_Late    | <bpmn:task id="Task_Late" name="Late"><bpmn:extensionElements><camunda:properties><camunda:property name="sla.rule" value="R-REFERRAL" /><camunda:property name="sla.target" value="two days" /><camunda:property name="sla.kind" value="policy" /></camunda:properties></bpmn:extensionElements></bpmn:task>
      deadline-properties    | Task_Late    | <bpmn:task id="Task_Late" name="Late"><bpmn:extensionElements><camunda:properties><camunda:property name="sla.target" value="PT24H" /></camunda:properties></bpmn:extensionElements></bpmn:task>
      deadline-properties    | Timer_Due    | <bpmn:task id="Task_Late" name="Late" /><bpmn:boundaryEvent id="Timer_Due" name="Due" attachedToRef="Task_Late"><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${deadlines.dueAt(execution, 'R-NOWHERE')}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      no-foreign-code        | Script_Run   | <bpmn:scriptTask id="Script_Run" name="Run" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
      no-foreign-code        | Task_Listen  | <bpmn:task id="Task_Listen" name="Listen"><bpmn:extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task>
      no-foreign-code        | Service_Run  | <bpmn:serviceTask id="Service_Run" name="Run" camunda:class="com.example.ReadEveryCase" />
      no-foreign-code        | Task_Listen  | <bpmn:task id="Task_Listen" name="Listen"><bpmn:extensionElements><camunda:executionListener event="start" class="com.example.ReadEveryCase" /></bpmn:extensionElements></bpmn:task>
      """)
  @DisplayName("Each of our rules refuses its mistake, naming the element")
  void eachRuleRefusesItsMistake(String rule, String element, String body) {
    assertThat(findings(body)).anySatisfy(finding -> {
      assertThat(finding.rule()).isEqualTo(rule);
      assertThat(finding.element()).isEqualTo(element);
      assertThat(finding.refuses()).isTrue();
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      <bpmn:serviceTask id="Service_Run" name="Run" camunda:class="pk.hifazat.placement.ReserveBedDelegate" />
      <bpmn:serviceTask id="Service_Run" name="Run" camunda:delegateExpression="${reserveBed}" />
      <bpmn:task id="Task_Late" name="Late"><bpmn:extensionElements><camunda:properties><camunda:property name="sla.rule" value="R-REFERRAL" /><camunda:property name="sla.target" value="PT24H" /><camunda:property name="sla.kind" value="policy" /></camunda:properties></bpmn:extensionElements></bpmn:task>
      """)
  @DisplayName("What the application's own models do passes")
  void ownDelegatesAndWellFormedDeadlinesPass(String body) {
    assertThat(findings(body)).isEmpty();
  }
}
