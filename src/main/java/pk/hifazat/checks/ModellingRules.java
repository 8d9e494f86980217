package pk.hifazat.checks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The modelling rules of bpmnlint's {@code recommended} set that apply to models the Camunda 7
 * engine runs, under bpmnlint's rule names so Modeler's linting and ours speak alike. Left out:
 * {@code no-inclusive-gateway} (Camunda 7 executes inclusive gateways), and the layout and
 * housekeeping warnings {@code no-overlapping-elements}, {@code global} and
 * {@code superfluous-termination}. bpmnlint's errors refuse a model; its warnings are reported.
 */
final class ModellingRules {

  private ModellingRules() {}

  static void check(String resource, BpmnModelInstance model, List<Finding> findings) {
    Rules rules = new Rules(resource, findings);
    for (Process process : model.getModelElementsByType(Process.class)) {
      rules.scope(process, process.getFlowElements());
    }
    for (SubProcess subProcess : model.getModelElementsByType(SubProcess.class)) {
      rules.scope(subProcess, subProcess.getFlowElements());
      if ("adHocSubProcess".equals(subProcess.getElementType().getTypeName())) {
        rules.error(subProcess, "ad-hoc-sub-process",
            "Ad-hoc sub-processes are not executed by the Camunda 7 engine");
      }
    }
    // The engine follows each flow's source and target; a model need not list them on its nodes.
    Map<FlowNode, List<SequenceFlow>> incoming = new HashMap<>();
    Map<FlowNode, List<SequenceFlow>> outgoing = new HashMap<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getSource() != null && flow.getTarget() != null) {
        outgoing.computeIfAbsent(flow.getSource(), node -> new ArrayList<>()).add(flow);
        incoming.computeIfAbsent(flow.getTarget(), node -> new ArrayList<>()).add(flow);
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      rules.node(node, incoming.getOrDefault(node, List.of()),
          outgoing.getOrDefault(node, List.of()));
    }
    rules.duplicateFlows(model.getModelElementsByType(SequenceFlow.class));
    rules.diagram(model);
    rules.links(model);
  }

  private record Rules(String resource, List<Finding> findings) {

    void error(BaseElement element, String rule, String message) {
      findings.add(Finding.error(resource, element.getId(), rule, message));
    }

    void warning(BaseElement element, String rule, String message) {
      findings.add(Finding.warning(resource, element.getId(), rule, message));
    }

    void scope(BaseElement scope, Collection<FlowElement> elements) {
      boolean eventSubProcess = scope instanceof SubProcess sub && sub.triggeredByEvent();
      List<StartEvent> starts = elements.stream().filter(StartEvent.class::isInstance)
          .map(StartEvent.class::cast).toList();
      if (starts.isEmpty()) {
        error(scope, "start-event-required", "Has no start event");
      }
      if (elements.stream().noneMatch(EndEvent.class::isInstance)) {
        error(scope, "end-event-required", "Has no end event");
      }
      if (starts.stream().filter(start -> start.getEventDefinitions().isEmpty()).count() > 1) {
        error(scope, "single-blank-start-event", "Has more than one blank start event");
      }
      for (StartEvent start : starts) {
        if (eventSubProcess && start.getEventDefinitions().isEmpty()) {
          error(start, "event-sub-process-typed-start-event",
              "The start event of an event sub-process needs an event (timer, message, "
                  + "conditional...)");
        }
        if (scope instanceof SubProcess && !eventSubProcess
            && !start.getEventDefinitions().isEmpty()) {
          error(start, "sub-process-blank-start-event",
              "The start event of an embedded sub-process must be blank");
        }
      }
    }

    void node(FlowNode node, Collection<SequenceFlow> incoming,
        Collection<SequenceFlow> outgoing) {
      String name = node.getName() == null ? "" : node.getName().trim();
      boolean eventSubProcess = node instanceof SubProcess sub && sub.triggeredByEvent();
      boolean inEventSubProcess = node.getParentElement() instanceof SubProcess parent
          && parent.triggeredByEvent();
      boolean compensation = node instanceof Activity activity && activity.isForCompensation();
      boolean exempt = eventSubProcess || compensation || node instanceof BoundaryEvent;

      if (node instanceof Event event && event.getChildElementsByType(EventDefinition.class)
          .size() > 1) {
        error(node, "single-event-definition", "Has more than one event definition");
      }
      if (node instanceof ComplexGateway) {
        error(node, "no-complex-gateway", "Complex gateways are not allowed");
      }
      if (node instanceof Gateway && incoming.size() > 1 && outgoing.size() > 1) {
        error(node, "no-gateway-join-fork", "A gateway either joins or forks, not both");
      }
      if (node instanceof Gateway && incoming.size() == 1 && outgoing.size() == 1) {
        warning(node, "superfluous-gateway", "Has one way in and one way out: it does nothing");
      }
      if (!(node instanceof Gateway) && incoming.size() > 1) {
        warning(node, "fake-join", "Joins several flows without a gateway");
      }
      if (incoming.isEmpty() && outgoing.isEmpty() && !exempt
          && !(node instanceof StartEvent && inEventSubProcess)) {
        error(node, "no-disconnected", "Is not connected to any other element");
      } else {
        if (incoming.isEmpty() && !exempt && !(node instanceof StartEvent)
            && !isLink(node, CatchEvent.class)) {
          error(node, "no-implicit-start", "Has no incoming flow but is not a start event");
        }
        if (outgoing.isEmpty() && !exempt && !(node instanceof EndEvent)
            && !isLink(node, ThrowEvent.class)) {
          error(node, "no-implicit-end", "Has no outgoing flow but is not an end event");
        }
      }
      splits(node, outgoing);
      if (node instanceof EventBasedGateway) {
        boolean waitsForEvents = outgoing.size() > 1 && outgoing.stream().map(SequenceFlow::getTarget)
            .allMatch(target -> target instanceof IntermediateCatchEvent
                || target instanceof ReceiveTask);
        if (!waitsForEvents) {
          error(node, "event-based-gateway",
              "An event-based gateway must lead to two or more catching events");
        }
      }
      if (name.isEmpty() && needsLabel(node, outgoing)) {
        error(node, "label-required", "Has no name: give it one that tells what happens here");
      }
    }

    private void splits(FlowNode node, Collection<SequenceFlow> outgoing) {
      String defaultFlow = node.getAttributeValue("default");
      boolean choosing = node instanceof ExclusiveGateway || node instanceof InclusiveGateway;
      boolean anyConditional = outgoing.stream().anyMatch(flow -> flow.getConditionExpression() != null);
      for (SequenceFlow flow : outgoing) {
        boolean guarded = flow.getConditionExpression() != null || flow.getId().equals(defaultFlow);
        if (!guarded && outgoing.size() > 1 && (choosing || anyConditional)) {
          error(flow, "conditional-flows", "This way out of '" + node.getId()
              + "' has no condition and is not the default flow");
        }
      }
      if (!(node instanceof Gateway) && outgoing.size() > 1 && !anyConditional) {
        error(node, "no-implicit-split",
            "Splits into several flows without a gateway: use a parallel or exclusive gateway");
      }
    }

    private static boolean needsLabel(FlowNode node, Collection<SequenceFlow> outgoing) {
      if (node instanceof ParallelGateway || node instanceof EventBasedGateway
          || node instanceof SubProcess || node instanceof BoundaryEvent) {
        return false;
      }
      if (node instanceof Gateway) {
        return outgoing.size() > 1;
      }
      return true;
    }

    private static boolean isLink(FlowNode node, Class<? extends Event> kind) {
      return kind.isInstance(node)
          && !node.getChildElementsByType(LinkEventDefinition.class).isEmpty();
    }

    void duplicateFlows(Collection<SequenceFlow> flows) {
      Set<Way> seen = new HashSet<>();
      for (SequenceFlow flow : flows) {
        String condition = flow.getConditionExpression() == null ? ""
            : flow.getConditionExpression().getTextContent().trim();
        if (!seen.add(new Way(flow.getSource().getId(), flow.getTarget().getId(), condition))) {
          error(flow, "no-duplicate-sequence-flows", "Duplicates another flow from '"
              + flow.getSource().getId() + "' to '" + flow.getTarget().getId() + "'");
        }
      }
    }

    /** A way from one node to another, on a condition (empty when it has none). */
    private record Way(String source, String target, String condition) {}

    /** Modeler and the policy page can only show what the diagram interchange places. */
    void diagram(BpmnModelInstance model) {
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).stream().map(BpmnShape::getBpmnElement)
          .filter(Objects::nonNull).forEach(element -> drawn.add(element.getId()));
      model.getModelElementsByType(BpmnEdge.class).stream().map(BpmnEdge::getBpmnElement)
          .filter(Objects::nonNull).map(ModelElementInstance.class::cast)
          .forEach(element -> drawn.add(element.getAttributeValue("id")));
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if ((element instanceof FlowNode || element instanceof SequenceFlow)
            && !drawn.contains(element.getId())) {
          error(element, "no-bpmndi", "Is not drawn on the diagram");
        }
      }
    }

    void links(BpmnModelInstance model) {
      Set<String> caught = names(model, CatchEvent.class);
      for (ThrowEvent thrower : model.getModelElementsByType(ThrowEvent.class)) {
        for (LinkEventDefinition link : thrower.getChildElementsByType(LinkEventDefinition.class)) {
          if (link.getName() == null || !caught.contains(link.getName())) {
            error(thrower, "link-event", "Throws link '" + link.getName()
                + "' that no link event catches");
          }
        }
      }
    }

    private static Set<String> names(BpmnModelInstance model, Class<? extends Event> kind) {
      return model.getModelElementsByType(kind).stream()
          .flatMap(event -> event.getChildElementsByType(LinkEventDefinition.class).stream())
          .map(LinkEventDefinition::getName).filter(Objects::nonNull)
          .collect(Collectors.toSet());
    }
  }
}
