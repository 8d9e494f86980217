package pk.hifazat.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import pk.hifazat.sla.DeadlineDeclaration;

/**
 * What a change does to the versions deployed before it: elements added, removed and changed, and
 * for a changed element which of its aspects changed, deadlines first.
 */
final class PathwayDiff {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PathwayDiff() {}

  static List<PathwayChange> of(ParsedPathways change, PathwayLibrary library) {
    List<PathwayChange> changes = new ArrayList<>();
    change.processes.forEach((resource, bpmn) -> {
      PathwayModel model = PathwayModel.of(bpmn);
      for (String process : model.executableProcesses()) {
        Optional<PathwayModel> before = library.latestProcessModel(process)
            .map(PathwayModel::read);
        compare(resource, process, before.map(b -> aspects(b, process)).orElse(null),
            aspects(model, process), changes);
      }
    });
    change.decisions.forEach((resource, model) -> {
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        Optional<DmnModelInstance> before = library.latestDecisionModel(decision.getId())
            .map(xml -> Dmn.readModelFromStream(new ByteArrayInputStream(xml)));
        compare(resource, decision.getId(),
            before.map(b -> rules(b, decision.getId())).orElse(null),
            rules(model, decision.getId()), changes);
      }
    });
    change.forms.forEach((resource, form) -> {
      String id = form.get("id").asText();
      Optional<JsonNode> before = library.latestForm(id).map(PathwayDiff::json);
      compare(resource, id, before.map(PathwayDiff::fields).orElse(null), fields(form), changes);
    });
    return changes;
  }

  /**
   * Compares two versions of one definition, each a map of element id to its aspects. With no
   * version before, the definition itself is new.
   */
  private static void compare(String resource, String key,
      Map<String, Map<String, String>> before, Map<String, Map<String, String>> now,
      List<PathwayChange> changes) {
    if (before == null) {
      changes.add(new PathwayChange(resource, key, key, ChangeKind.ADDED,
          "new, with " + now.size() + " elements"));
      return;
    }
    Set<String> ids = new LinkedHashSet<>(before.keySet());
    ids.addAll(now.keySet());
    for (String id : ids) {
      Map<String, String> old = before.get(id);
      Map<String, String> current = now.get(id);
      if (old == null) {
        changes.add(new PathwayChange(resource, key, id, ChangeKind.ADDED,
            describe(current)));
      } else if (current == null) {
        changes.add(new PathwayChange(resource, key, id, ChangeKind.REMOVED,
            describe(old)));
      } else if (!old.equals(current)) {
        Set<String> aspects = new TreeSet<>(old.keySet());
        aspects.addAll(current.keySet());
        String detail = aspects.stream()
            .sorted((a, b) -> a.equals("deadline") ? -1 : b.equals("deadline") ? 1
                : a.compareTo(b))
            .filter(aspect -> !Objects.equals(old.get(aspect), current.get(aspect)))
            .map(aspect -> aspect + " " + shown(old.get(aspect)) + " → "
                + shown(current.get(aspect)))
            .collect(Collectors.joining("; "));
        changes.add(new PathwayChange(resource, key, id, ChangeKind.CHANGED, detail));
      }
    }
  }

  private static String describe(Map<String, String> aspects) {
    return aspects.entrySet().stream().map(e -> e.getKey() + " " + shown(e.getValue()))
        .collect(Collectors.joining("; "));
  }

  private static String shown(String value) {
    return value == null ? "(none)" : value;
  }

  private static Map<String, Map<String, String>> aspects(PathwayModel model,
      String processKey) {
    Map<String, Map<String, String>> elements = new LinkedHashMap<>();
    model.process(processKey).ifPresent(process -> {
      elements.put(processKey, aspectsOf(process));
      model.elements(processKey).forEach(element -> elements.put(element.id(),
          aspectsOf(element)));
    });
    return elements;
  }

  private static Map<String, String> aspectsOf(PathwayElement element) {
    Map<String, String> aspects = new LinkedHashMap<>();
    aspects.put("type", element.type());
    put(aspects, "name", element.name());
    Map<String, String> properties = element.properties();
    if (properties.containsKey(DeadlineDeclaration.RULE)) {
      aspects.put("deadline", properties.get(DeadlineDeclaration.RULE) + " "
          + properties.get(DeadlineDeclaration.TARGET) + " ("
          + properties.get(DeadlineDeclaration.KIND) + ", warning "
          + properties.getOrDefault(DeadlineDeclaration.WARNING, "none") + ", from "
          + properties.getOrDefault(DeadlineDeclaration.START, "activity") + ")");
    }
    if (element.bpmn() instanceof UserTask task) {
      put(aspects, "form", task.getCamundaFormRef());
      put(aspects, "candidate groups", task.getCamundaCandidateGroups());
      put(aspects, "candidate users", task.getCamundaCandidateUsers());
      put(aspects, "assignee", task.getCamundaAssignee());
    }
    put(aspects, "calls", element.calledElement());
    if (element.bpmn() instanceof BusinessRuleTask task) {
      put(aspects, "decision", task.getCamundaDecisionRef());
    }
    if (element.bpmn() instanceof SequenceFlow flow) {
      aspects.put("flow", flow.getSource().getId() + " → " + flow.getTarget().getId());
      if (flow.getConditionExpression() != null) {
        aspects.put("condition", flow.getConditionExpression().getTextContent().trim());
      }
    }
    List<String> timers = element.timers().stream()
        .flatMap(timer -> timer.texts().stream()).toList();
    if (!timers.isEmpty()) {
      aspects.put("timer", String.join(", ", timers));
    }
    return aspects;
  }

  private static void put(Map<String, String> aspects, String name, String value) {
    if (value != null && !value.isBlank()) {
      aspects.put(name, value);
    }
  }

  /** A decision's rules, by rule id, each as its input and output entries. */
  private static Map<String, Map<String, String>> rules(DmnModelInstance model, String key) {
    Map<String, Map<String, String>> rules = new LinkedHashMap<>();
    Decision decision = model.getModelElementById(key);
    if (decision == null) {
      return rules;
    }
    Map<String, String> header = new LinkedHashMap<>();
    put(header, "name", decision.getName());
    rules.put(key, header);
    for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
      header.put("hit policy", String.valueOf(table.getHitPolicy()));
      for (Rule rule : table.getRules()) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("when", rule.getInputEntries().stream()
            .map(entry -> entry.getTextContent().trim()).collect(Collectors.joining(" | ")));
        entries.put("then", rule.getOutputEntries().stream()
            .map(entry -> entry.getTextContent().trim()).collect(Collectors.joining(" | ")));
        rules.put(rule.getId(), entries);
      }
    }
    return rules;
  }

  /** A form's fields, by key, each with its type, label and validation. */
  private static Map<String, Map<String, String>> fields(JsonNode form) {
    Map<String, Map<String, String>> fields = new LinkedHashMap<>();
    collect(form.path("components"), fields);
    return fields;
  }

  private static void collect(JsonNode components, Map<String, Map<String, String>> fields) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.get("components"), fields);
      }
      String key = component.path("key").asText(component.path("id").asText(""));
      Map<String, String> aspects = new LinkedHashMap<>();
      aspects.put("type", component.path("type").asText());
      put(aspects, "label", component.path("label").asText(null));
      if (component.has("validate")) {
        aspects.put("validation", component.get("validate").toString());
      }
      if (component.has("values")) {
        aspects.put("options", component.get("values").toString());
      }
      fields.put(key, aspects);
    }
  }

  private static JsonNode json(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
