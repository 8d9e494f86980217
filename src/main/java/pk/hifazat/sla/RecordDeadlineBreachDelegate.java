package pk.hifazat.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/** A model's deadline timer fired: the clock named by input {@code slaRule} is BREACHED. */
@Component("recordDeadlineBreach")
@PathwayBean
class RecordDeadlineBreachDelegate implements JavaDelegate {

  private final DeadlineClocks clocks;

  RecordDeadlineBreachDelegate(DeadlineClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clocks.recordBreach(execution.getProcessInstanceId(), SlaVariables.SLA_RULE.from(execution));
  }
}
