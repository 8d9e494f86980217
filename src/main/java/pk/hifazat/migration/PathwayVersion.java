package pk.hifazat.migration;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import pk.hifazat.checks.PathwayElement;
import pk.hifazat.checks.PathwayModel;

/** One deployed version of a pathway: its activities, their labels and their deadlines. */
record PathwayVersion(ProcessDefinition definition, Map<String, PathwayElement> activities) {

  static PathwayVersion of(ProcessDefinition definition, BpmnModelInstance model) {
    Map<String, PathwayElement> activities = new LinkedHashMap<>();
    for (PathwayElement node : PathwayModel.of(model).nodes(definition.getKey())) {
      activities.put(node.id(), node);
    }
    return new PathwayVersion(definition, activities);
  }

  String id() {
    return definition.getId();
  }

  int version() {
    return definition.getVersion();
  }

  PathwayElement activity(String id) {
    return activities.get(id);
  }

  /** The label of an activity, or its id where it has none (gateways, events). */
  String label(String id) {
    PathwayElement activity = activities.get(id);
    return activity == null ? id : activity.label();
  }

}
