package pk.hifazat.migration;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import pk.hifazat.sla.DeadlineDeclaration;
import pk.hifazat.support.ModelProperties;

/** One deployed version of a pathway: its activities, their labels and their deadlines. */
record PathwayVersion(ProcessDefinition definition, Map<String, Activity> activities) {

  /** A flow node as policy staff see it in Modeler; {@code deadline} null if it has none. */
  record Activity(String id, String name, String type, DeadlineDeclaration deadline) {}

  static PathwayVersion of(ProcessDefinition definition, BpmnModelInstance model) {
    Map<String, Activity> activities = new LinkedHashMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      activities.put(node.getId(), new Activity(node.getId(), node.getName(),
          node.getElementType().getTypeName(),
          DeadlineDeclaration.fromProperties(node.getId(), ModelProperties.of(node))));
    }
    return new PathwayVersion(definition, activities);
  }

  String id() {
    return definition.getId();
  }

  int version() {
    return definition.getVersion();
  }

  Activity activity(String id) {
    return activities.get(id);
  }

  /** The label of an activity, or its id where it has none (gateways, events). */
  String label(String id) {
    Activity activity = activities.get(id);
    return activity == null || activity.name() == null ? id : activity.name();
  }

}
