package pk.hifazat.casefile;

import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import pk.hifazat.support.EngineAsSystem;

/**
 * The facts a case's pathways recorded (a court's dates, a placement), read from the engine's
 * history of every pathway of the case, for the case record. Callers decide access first
 * ({@link CaseAccess}); only the named variables are read, never the child's identity, which the
 * engine does not hold (R-NO-DISCLOSURE).
 */
@Component
public class CaseFacts {

  private final HistoryService history;
  private final EngineAsSystem system;

  CaseFacts(HistoryService history, EngineAsSystem system) {
    this.history = history;
    this.system = system;
  }

  /**
   * The latest value of each named variable that the case's pathways recorded, in the order of
   * {@code names}; a name no pathway recorded is left out. Times are instants.
   */
  public Map<String, Object> of(String caseNumber, Collection<String> names) {
    List<HistoricVariableInstance> recorded = system.query(() -> {
      String[] instances = history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(caseNumber).list().stream()
          .map(HistoricProcessInstance::getId).toArray(String[]::new);
      if (instances.length == 0) {
        return List.of();
      }
      return history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(instances)
          .variableNameIn(names.toArray(String[]::new))
          .disableCustomObjectDeserialization()
          .list();
    });
    Map<String, Object> latest = new LinkedHashMap<>();
    for (String name : names) {
      recorded.stream()
          .filter(variable -> name.equals(variable.getName()) && variable.getValue() != null)
          .max(Comparator.comparing(HistoricVariableInstance::getCreateTime,
              Comparator.nullsFirst(Comparator.naturalOrder())))
          .ifPresent(variable -> latest.put(name, value(variable.getValue())));
    }
    return latest;
  }

  private static Object value(Object value) {
    return value instanceof Date date ? date.toInstant() : value;
  }
}
