package pk.hifazat.checks;

import pk.hifazat.TestModels;

/**
 * Models a policy editor might write to give herself power: an expression reaching the engine
 * placed where the engine evaluates it (a service task, a listener, a condition, a timer, an input
 * mapping, candidate groups, a call's variable mapping, a loop's collection), and a process that
 * starts on its own.
 */
final class InsiderModels {

  /** What the attack seen did: make the editor an administrator through the engine's services. */
  static final String MAKE_ADMIN = "${execution.getProcessEngineServices().getIdentityService()"
      + ".createMembership('policy.editor', 'camunda-admin')}";

  /** Where in a model an expression is placed, and the element a refusal must name. */
  enum Place {
    SERVICE_TASK("Service_Reach"),
    LISTENER("Service_Reach"),
    INPUT_MAPPING("Service_Reach"),
    CONDITION("Flow_Reach"),
    TIMER("Timer_Reach"),
    CANDIDATE_GROUPS("Task_Reach"),
    CALL_MAPPING("Call_Reach"),
    COLLECTION("Service_Reach");

    final String element;

    Place(String element) {
      this.element = element;
    }
  }

  private InsiderModels() {}

  /** A well-formed, drawn process with the expression at that place, started blank. */
  static String with(Place place, String expression) {
    return TestModels.drawn(xml(place, expression.replace("&", "&amp;").replace("\"", "&quot;")
        .replace("<", "&lt;"), ""));
  }

  /** The attack as seen: a timer starts the process, whose service task makes an admin. */
  static String timerStartedAdminMaker() {
    return TestModels.drawn(xml(Place.SERVICE_TASK, MAKE_ADMIN.replace("'", "&apos;"),
        "<bpmn:timerEventDefinition id=\"TimerEventDefinition_Start\">"
            + "<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">R/PT1M</bpmn:timeCycle>"
            + "</bpmn:timerEventDefinition>"));
  }

  /** A harmless process that starts on a message, signal or condition of its own. */
  static String startedBy(String definition) {
    return TestModels.drawn(xml(Place.SERVICE_TASK, "${true}", definition));
  }

  private static String xml(Place place, String expression, String start) {
    String step = switch (place) {
      case SERVICE_TASK -> serviceTask("camunda:expression=\"" + expression + "\"", "");
      case LISTENER -> serviceTask("camunda:expression=\"${true}\"",
          "<bpmn:extensionElements><camunda:executionListener event=\"start\" expression=\""
              + expression + "\" /></bpmn:extensionElements>");
      case INPUT_MAPPING -> serviceTask("camunda:expression=\"${true}\"",
          "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"x\">"
              + expression + "</camunda:inputParameter></camunda:inputOutput>"
              + "</bpmn:extensionElements>");
      case COLLECTION -> serviceTask("camunda:expression=\"${true}\"",
          "<bpmn:multiInstanceLoopCharacteristics camunda:collection=\"" + expression
              + "\" camunda:elementVariable=\"item\" />");
      case TIMER -> "<bpmn:intermediateCatchEvent id=\"Timer_Reach\" name=\"Wait\">"
          + "<bpmn:timerEventDefinition id=\"TimerEventDefinition_Reach\">"
          + "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">" + expression
          + "</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>";
      case CANDIDATE_GROUPS -> "<bpmn:userTask id=\"Task_Reach\" name=\"Reach\" "
          + "camunda:formRef=\"screen-report\" camunda:formRefBinding=\"latest\" "
          + "camunda:candidateGroups=\"" + expression + "\" />";
      case CALL_MAPPING -> "<bpmn:callActivity id=\"Call_Reach\" name=\"Reach\" "
          + "calledElement=\"referral\"><bpmn:extensionElements>"
          + "<camunda:in sourceExpression=\"" + expression + "\" target=\"x\" />"
          + "</bpmn:extensionElements></bpmn:callActivity>";
      case CONDITION -> "";
    };
    String id = switch (place) {
      case TIMER -> "Timer_Reach";
      case CANDIDATE_GROUPS -> "Task_Reach";
      case CALL_MAPPING -> "Call_Reach";
      default -> "Service_Reach";
    };
    String body = place == Place.CONDITION
        ? """
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Insider" targetRef="Gateway_Reach" />
            <bpmn:exclusiveGateway id="Gateway_Reach" name="Reach?" default="Flow_Other" />
            <bpmn:sequenceFlow id="Flow_Reach" name="yes" sourceRef="Gateway_Reach" targetRef="End_Insider">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_Other" name="no" sourceRef="Gateway_Reach" targetRef="End_Other" />
            <bpmn:endEvent id="End_Other" name="Not reached" />
            """.formatted(expression)
        : """
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Insider" targetRef="%1$s" />
            %2$s
            <bpmn:sequenceFlow id="Flow_2" sourceRef="%1$s" targetRef="End_Insider" />
            """.formatted(id, step);
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Insider"
            targetNamespace="http://hifazat.pk/bpmn">
          <bpmn:process id="insider" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start_Insider" name="Started">%s</bpmn:startEvent>
            %s
            <bpmn:endEvent id="End_Insider" name="Ended" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(start, body);
  }

  private static String serviceTask(String attributes, String inside) {
    return "<bpmn:serviceTask id=\"Service_Reach\" name=\"Reach\" " + attributes + ">" + inside
        + "</bpmn:serviceTask>";
  }
}
