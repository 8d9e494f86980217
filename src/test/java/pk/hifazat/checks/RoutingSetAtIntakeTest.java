package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R-GIRL-FEMALE-CARE: a model cannot re-route a girl's task or a called pathway by writing a
 * variable of its own under a routing name; the engine trusts what the pathway writes, so the
 * check before deployment refuses it, in every place a model can write a variable.
 */
class RoutingSetAtIntakeTest {

  private static List<Finding> findings(String inside) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Routing"
            targetNamespace="http://hifazat.pk/bpmn">
          <bpmn:process id="routing" isExecutable="true">
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(inside);
    List<Finding> findings = new ArrayList<>();
    RoutingSetAtIntake.check("routing.bpmn", Bpmn.readModelFromStream(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))), findings);
    return findings;
  }

  private static String task(String parameters) {
    return """
        <bpmn:userTask id="Task_Visit" camunda:candidateGroups="${caseTeam.officers(execution)}">
          <bpmn:extensionElements><camunda:inputOutput>%s</camunda:inputOutput></bpmn:extensionElements>
        </bpmn:userTask>""".formatted(parameters);
  }

  private static String call(String mappings) {
    return """
        <bpmn:callActivity id="Call_Placement" calledElement="placement">
          <bpmn:extensionElements>%s</bpmn:extensionElements>
        </bpmn:callActivity>""".formatted(mappings);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      <camunda:inputParameter name="childSex">M</camunda:inputParameter>
      <camunda:inputParameter name="childSex" />
      <camunda:inputParameter name="ChildSex">M</camunda:inputParameter>
      <camunda:inputParameter name="femaleOfficersGroup">${officersGroup}</camunda:inputParameter>
      <camunda:inputParameter name="officersgroup">cpo-pb-lahore</camunda:inputParameter>
      <camunda:inputParameter name="district">Multan</camunda:inputParameter>
      <camunda:inputParameter name="supervisorsGroup"><camunda:list><camunda:value>x</camunda:value></camunda:list></camunda:inputParameter>
      <camunda:inputParameter name="agencyGroup">agency-police-pb-multan</camunda:inputParameter>
      <camunda:outputParameter name="inProtection">${false}</camunda:outputParameter>
      <camunda:outputParameter name=" caseNumber ">PB-2026-000001</camunda:outputParameter>
      """)
  @DisplayName("Refused: a task's own parameter under a routing name, in any spelling")
  void aTaskCannotSetARoutingVariableOfItsOwn(String parameter) {
    assertThat(findings(task(parameter)))
        .singleElement()
        .satisfies(finding -> {
          assertThat(finding.rule()).isEqualTo(RoutingSetAtIntake.RULE);
          assertThat(finding.element()).isEqualTo("Task_Visit");
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      <camunda:in source="officersGroup" target="femaleOfficersGroup" />
      <camunda:in sourceExpression="${'M'}" target="childSex" />
      <camunda:in sourceExpression="${childSex}" target="childSex" />
      <camunda:in source="previousDistrict" target="district" />
      <camunda:out source="officersGroup" target="femaleOfficersGroup" />
      <camunda:out sourceExpression="${true}" target="inProtection" />
      """)
  @DisplayName("Refused: a call activity handing on a routing variable under another name")
  void aCallActivityCannotReRouteTheCalledPathway(String mapping) {
    assertThat(findings(call(mapping)))
        .singleElement()
        .satisfies(finding -> assertThat(finding.element()).isEqualTo("Call_Placement"));
  }

  @Test
  @DisplayName("Accepted: the routing handed on under its own name, and each referral's own agency")
  void routingHandedOnUnchangedIsAccepted() {
    assertThat(findings(call("""
        <camunda:in source="childSex" target="childSex" />
        <camunda:in source="femaleOfficersGroup" target="femaleOfficersGroup" />
        <camunda:in businessKey="#{execution.processBusinessKey}" />
        <camunda:out source="inProtection" target="inProtection" />
        <camunda:out source="placementOption" target="placementOption" />""")
        + task("<camunda:inputParameter name=\"agencyGroup\" />"
        + "<camunda:inputParameter name=\"visitNotes\">${null}</camunda:inputParameter>")))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      <bpmn:businessRuleTask id="Rule_Sex" camunda:decisionRef="triage" camunda:resultVariable="childSex" camunda:mapDecisionResult="singleEntry" />
      <bpmn:serviceTask id="Service_Group" camunda:expression="${caseTeam.officers(execution)}" camunda:resultVariable="femaleOfficersGroup" />
      <bpmn:userTask id="Task_Each"><bpmn:multiInstanceLoopCharacteristics camunda:collection="${districts}" camunda:elementVariable="district" /></bpmn:userTask>
      """)
  @DisplayName("Refused: a result or loop variable under a routing name")
  void resultAndLoopVariablesCannotTakeARoutingName(String element) {
    assertThat(findings(element)).singleElement()
        .satisfies(finding -> assertThat(finding.rule()).isEqualTo(RoutingSetAtIntake.RULE));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      childSex
      CHILDSEX
      supervisorsGroup
      """)
  @DisplayName("Refused: a form field the person completing the task would set under a routing name")
  void aFormCannotAskForARoutingVariable(String key) throws Exception {
    var form = new ObjectMapper().readTree("""
        {"id": "visit", "type": "default", "components": [
          {"type": "textfield", "key": "visitNotes", "label": "Notes"},
          {"type": "group", "components": [{"type": "select", "key": "%s", "label": "x"}]}
        ]}""".formatted(key));
    List<Finding> findings = new ArrayList<>();
    RoutingSetAtIntake.check("visit.form", form, findings);
    assertThat(findings).singleElement()
        .satisfies(finding -> assertThat(finding.element()).isEqualTo(key));
  }
}
