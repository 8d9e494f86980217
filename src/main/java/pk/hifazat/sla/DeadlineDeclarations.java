package pk.hifazat.sla;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/** The deadlines each deployed process definition declares, by rule id; definitions never change. */
@Component
class DeadlineDeclarations {

  private final RepositoryService repositoryService;
  private final Map<String, Map<String, DeadlineDeclaration>> byDefinition =
      new ConcurrentHashMap<>();

  DeadlineDeclarations(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  DeadlineDeclaration find(String processDefinitionId, String rule) {
    DeadlineDeclaration declaration =
        byDefinition.computeIfAbsent(processDefinitionId, this::read).get(rule);
    if (declaration == null) {
      throw new InvalidDeadlineDeclaration("Process definition '" + processDefinitionId
          + "' uses deadline " + rule + " but no element declares it with sla.rule");
    }
    return declaration;
  }

  private Map<String, DeadlineDeclaration> read(String processDefinitionId) {
    Map<String, DeadlineDeclaration> declarations = new HashMap<>();
    for (FlowNode node : repositoryService.getBpmnModelInstance(processDefinitionId)
        .getModelElementsByType(FlowNode.class)) {
      DeadlineDeclaration declaration =
          DeadlineDeclaration.fromProperties(node.getId(), properties(node));
      if (declaration != null) {
        declarations.put(declaration.rule(), declaration);
      }
    }
    return declarations;
  }

  static Map<String, String> properties(BaseElement element) {
    Map<String, String> properties = new HashMap<>();
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return properties;
    }
    for (CamundaProperties list :
        extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : list.getCamundaProperties()) {
        if (property.getCamundaName() != null) {
          properties.put(property.getCamundaName().trim(),
              property.getCamundaValue() == null ? "" : property.getCamundaValue());
        }
      }
    }
    return properties;
  }
}
