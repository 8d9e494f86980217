package pk.hifazat.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/** A model's warning timer fired: the clock named by input {@code slaRule} is now AT_RISK. */
@Component("recordDeadlineWarning")
@PathwayBean
class RecordDeadlineWarningDelegate implements JavaDelegate {

  private final DeadlineClocks clocks;

  RecordDeadlineWarningDelegate(DeadlineClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clocks.recordWarning(execution.getProcessInstanceId(), SlaVariables.SLA_RULE.from(execution));
  }
}
