package pk.hifazat.sla;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.springframework.stereotype.Component;
import pk.hifazat.support.ModelProperties;

/** The deadlines each deployed process definition declares, by rule id; definitions never change. */
@Component
class DeadlineDeclarations {

  private final RepositoryService repositoryService;
  private static final Pattern DUE_AT =
      Pattern.compile("deadlines\\.dueAt\\(\\s*execution\\s*,\\s*'([^']+)'\\s*\\)");

  private final Map<String, Map<String, DeadlineDeclaration>> byDefinition =
      new ConcurrentHashMap<>();
  private final Map<String, Set<String>> escalated = new ConcurrentHashMap<>();

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

  /**
   * Whether the model escalates the rule's breach itself: a timer takes its time from the clock
   * ({@code ${deadlines.dueAt(execution, 'R-COURT-24H')}}) and leads to its own handling.
   */
  boolean escalatedByModel(String processDefinitionId, String rule) {
    return escalated.computeIfAbsent(processDefinitionId, this::readEscalations).contains(rule);
  }

  private Set<String> readEscalations(String processDefinitionId) {
    Set<String> rules = new HashSet<>();
    for (TimerEventDefinition timer : repositoryService.getBpmnModelInstance(processDefinitionId)
        .getModelElementsByType(TimerEventDefinition.class)) {
      if (timer.getTimeDate() != null) {
        Matcher due = DUE_AT.matcher(timer.getTimeDate().getTextContent());
        while (due.find()) {
          rules.add(due.group(1));
        }
      }
    }
    return rules;
  }

  private Map<String, DeadlineDeclaration> read(String processDefinitionId) {
    Map<String, DeadlineDeclaration> declarations = new HashMap<>();
    for (FlowNode node : repositoryService.getBpmnModelInstance(processDefinitionId)
        .getModelElementsByType(FlowNode.class)) {
      DeadlineDeclaration declaration =
          DeadlineDeclaration.fromProperties(node.getId(), ModelProperties.of(node));
      if (declaration != null) {
        declarations.put(declaration.rule(), declaration);
      }
    }
    return declarations;
  }
}
