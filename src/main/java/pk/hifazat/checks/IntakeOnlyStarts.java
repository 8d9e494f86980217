package pk.hifazat.checks;

import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;

/**
 * A pathway starts only through intake: a case is opened by a registered report and calls the
 * other pathways itself. A process that starts on its own (a timer, a message, a signal, a
 * condition) would run with nobody's report behind it, outside every case's access grants; such a
 * start event is refused. Event sub-processes inside a case keep their timers and conditions.
 */
final class IntakeOnlyStarts {

  static final String RULE = "start-through-intake";

  private IntakeOnlyStarts() {}

  static void check(String resource, BpmnModelInstance model, List<Finding> findings) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
        for (EventDefinition trigger : start.getEventDefinitions()) {
          String kind = trigger.getElementType().getTypeName().replace("EventDefinition", "");
          findings.add(Finding.error(resource, start.getId(), RULE, "Starts process '"
              + process.getId() + "' on a " + kind + " event: pathways start only through "
              + "intake or a case's call activity, with a blank start event"));
        }
      }
    }
  }
}
