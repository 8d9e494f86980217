package pk.hifazat.checks;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A pathway's BPMN model read as policy staff see it in Modeler: each process with its elements
 * at any depth of sub-processes, their labels, deadlines and timers. The one reader the checks,
 * the diff of a change and the migration of running cases share.
 */
public final class PathwayModel {

  private final BpmnModelInstance model;

  private PathwayModel(BpmnModelInstance model) {
    this.model = model;
  }

  public static PathwayModel of(BpmnModelInstance model) {
    return new PathwayModel(model);
  }

  /** Reads a model as deployed (its XML). */
  public static PathwayModel read(byte[] xml) {
    return of(Bpmn.readModelFromStream(new ByteArrayInputStream(xml)));
  }

  /** The keys of the processes the engine runs; a collaboration's other pools are left out. */
  public List<String> executableProcesses() {
    return model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
        .map(Process::getId).toList();
  }

  /** The process itself as an element (it has no enclosing scope), if the model has it. */
  public Optional<PathwayElement> process(String key) {
    return model.getModelElementsByType(Process.class).stream()
        .filter(process -> process.getId().equals(key)).findFirst().map(PathwayElement::new);
  }

  /** Every flow element of the process (nodes and sequence flows), in its sub-processes too. */
  public List<PathwayElement> elements(String key) {
    return ownedBy(FlowElement.class, key);
  }

  /** The activities, events and gateways of the process, in its sub-processes too. */
  public List<PathwayElement> nodes(String key) {
    return ownedBy(FlowNode.class, key);
  }

  /** Every timer of the process, with the event that waits for it. */
  public List<Timer> timers(String key) {
    return model.getModelElementsByType(TimerEventDefinition.class).stream()
        .filter(timer -> key.equals(processOf(scopes(timer))))
        .map(Timer::of).toList();
  }

  private List<PathwayElement> ownedBy(Class<? extends BaseElement> type, String key) {
    List<PathwayElement> elements = new ArrayList<>();
    for (BaseElement element : model.getModelElementsByType(type)) {
      PathwayElement read = new PathwayElement(element);
      if (key.equals(read.processKey())) {
        elements.add(read);
      }
    }
    return elements;
  }

  /**
   * The sub-processes and the process around an element, innermost first, up to the nearest
   * process: the one walk up the model every reader of a pathway needs.
   */
  static List<ModelElementInstance> scopes(ModelElementInstance element) {
    List<ModelElementInstance> scopes = new ArrayList<>();
    for (var parent = element.getParentElement(); parent != null;
        parent = parent.getParentElement()) {
      if (parent instanceof SubProcess || parent instanceof Process) {
        scopes.add(parent);
      }
      if (parent instanceof Process) {
        break;
      }
    }
    return scopes;
  }

  /** The key of the process at the end of a scope chain, or null outside any process. */
  static String processOf(List<ModelElementInstance> scopes) {
    return !scopes.isEmpty() && scopes.get(scopes.size() - 1) instanceof Process process
        ? process.getId() : null;
  }

  /**
   * A timer as written in the model: the id of the event that waits for it, its date, duration
   * and cycle texts (expressions included) and its cycle, null unless it repeats.
   */
  public record Timer(String elementId, List<String> texts, String cycle) {

    static Timer of(TimerEventDefinition timer) {
      return new Timer(((BaseElement) timer.getParentElement()).getId(),
          HifazatModelRules.timerTexts(timer),
          timer.getTimeCycle() == null ? null : timer.getTimeCycle().getTextContent().trim());
    }
  }
}
