package pk.hifazat.transfer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/** R-TRANSFER: a declined transfer is recorded with its reason; nothing of the case moves. */
@Component("recordTransferDeclined")
@PathwayBean
class RecordTransferDeclinedDelegate implements JavaDelegate {

  private final CaseTransfers transfers;

  RecordTransferDeclinedDelegate(CaseTransfers transfers) {
    this.transfers = transfers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseTransfer transfer = transfers.ofProcessInstance(execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("No transfer recorded for process "
            + execution.getProcessInstanceId()));
    if (!transfers.decide(transfer.id(), CaseTransfer.Status.DECLINED,
        MoveCaseDelegate.decidedBy(), ClockUtil.getCurrentTime().toInstant(),
        TransferVariables.DECLINE_REASON.from(execution))) {
      throw new IllegalStateException("The transfer " + transfer.id() + " was decided already");
    }
  }
}
