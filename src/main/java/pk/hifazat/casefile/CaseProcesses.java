package pk.hifazat.casefile;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
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

  /** Whether this process instance has already called the given process, running or ended. */
  public boolean hasCalled(DelegateExecution execution, String processDefinitionKey) {
    return Context.getCommandContext().runWithoutAuthorization(() ->
        historyService.createHistoricProcessInstanceQuery()
            .superProcessInstanceId(execution.getProcessInstanceId())
            .processDefinitionKey(processDefinitionKey)
            .count() > 0);
  }
}
