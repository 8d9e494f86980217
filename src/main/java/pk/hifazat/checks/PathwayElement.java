package pk.hifazat.checks;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import pk.hifazat.checks.PathwayModel.Timer;
import pk.hifazat.sla.DeadlineDeclaration;
import pk.hifazat.support.ModelProperties;

/**
 * One element of a pathway as policy staff see it in Modeler: its id, BPMN type, label, the
 * scopes around it, the deadline it declares ({@code sla.*} properties), its timers and the
 * process it calls.
 */
public final class PathwayElement {

  private final BaseElement element;
  private final List<String> scopes;
  private final String processKey;
  private final Map<String, String> properties;

  PathwayElement(BaseElement element) {
    this.element = element;
    var around = PathwayModel.scopes(element);
    this.scopes = around.stream().map(scope -> ((BaseElement) scope).getId()).toList();
    this.processKey = PathwayModel.processOf(around);
    this.properties = Collections.unmodifiableMap(ModelProperties.of(element));
  }

  public String id() {
    return element.getId();
  }

  /** The BPMN type as the XML names it: {@code userTask}, {@code callActivity}... */
  public String type() {
    return element.getElementType().getTypeName();
  }

  /** Its name as drawn, or null. */
  public String name() {
    return element.getAttributeValue("name");
  }

  /** Its name, or its id where it has none (gateways, events). */
  public String label() {
    return name() == null ? id() : name();
  }

  /** The ids of the sub-processes and the process around it, innermost first. */
  public List<String> scopes() {
    return scopes;
  }

  /** The process it belongs to; null for a process itself. */
  public String processKey() {
    return processKey;
  }

  /** Whether it is an activity, event or gateway (not a sequence flow or a process). */
  public boolean isNode() {
    return element instanceof FlowNode;
  }

  /** Its Camunda extension properties, as {@link ModelProperties} reads them. */
  public Map<String, String> properties() {
    return properties;
  }

  /**
   * The deadline it declares, or null if none; a malformed declaration throws
   * {@link pk.hifazat.sla.InvalidDeadlineDeclaration} (the checks refuse it before deployment).
   */
  public DeadlineDeclaration deadline() {
    return DeadlineDeclaration.fromProperties(id(), properties);
  }

  /** The timers it waits for (an event's), empty for any other element. */
  public List<Timer> timers() {
    return element.getChildElementsByType(TimerEventDefinition.class).stream().map(Timer::of)
        .toList();
  }

  /** The process a call activity calls, or null. */
  public String calledElement() {
    return element instanceof CallActivity call ? call.getCalledElement() : null;
  }

  /** The element as Camunda's model API has it, for the aspects only the checks compare. */
  BaseElement bpmn() {
    return element;
  }
}
