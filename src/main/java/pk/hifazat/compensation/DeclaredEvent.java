package pk.hifazat.compensation;

import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads the event a task declares in the model with a Camunda extension property. */
final class DeclaredEvent {

  private DeclaredEvent() {}

  /** The event the task's model element declares; fails, naming the task, if none or unknown. */
  static <E extends Enum<E>> E of(DelegateTask task, String property, Class<E> events) {
    String value = value(task, property);
    try {
      return Enum.valueOf(events, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Task '" + task.getTaskDefinitionKey() + "' declares "
          + property + " '" + value + "', which is none of "
          + Arrays.toString(events.getEnumConstants()));
    }
  }

  private static String value(DelegateTask task, String property) {
    ExtensionElements extensions = task.getBpmnModelElementInstance().getExtensionElements();
    if (extensions != null) {
      for (CamundaProperties list : extensions.getChildElementsByType(CamundaProperties.class)) {
        for (CamundaProperty candidate : list.getCamundaProperties()) {
          if (property.equals(candidate.getCamundaName())
              && candidate.getCamundaValue() != null) {
            return candidate.getCamundaValue().trim();
          }
        }
      }
    }
    throw new IllegalStateException("Task '" + task.getTaskDefinitionKey()
        + "' records an event but declares no extension property '" + property + "'");
  }
}
