package pk.hifazat.casefile;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/**
 * What a case's process has already called, for conditions in the models: the called pathways
 * hand every variable back when they end, so a condition on a variable alone would fire again.
 */
@Component("caseProcesses")
@PathwayBean
public class CaseProcesses {

  private final HistoryService historyService;

  CaseProcesses(HistoryService historyService) {
    this.historyService = historyService;
  }

  /**
   * Whether this process instance has already called the given process, running or ended. The
   * case model asks it only of a case without {@code courtProductionStartedAt} (one moved from an
   * earlier version of the model, and each case once, when production starts). Asked
   * by the case's root process (an index of the engine's own), so its price is that of one case
   * and does not grow with the number of cases.
   */
  public boolean hasCalled(DelegateExecution execution, String processDefinitionKey) {
    String root = ((ExecutionEntity) execution).getRootProcessInstanceId();
    return Context.getCommandContext().runWithoutAuthorization(() ->
        historyService.createHistoricProcessInstanceQuery()
            .rootProcessInstanceId(root)
            .superProcessInstanceId(execution.getProcessInstanceId())
            .processDefinitionKey(processDefinitionKey)
            .count() > 0);
  }
}
