package pk.hifazat.transfer;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import pk.hifazat.area.CaseMoved;
import pk.hifazat.casefile.CaseFile;
import pk.hifazat.casefile.CaseFiles;
import pk.hifazat.support.PathwayBean;

/**
 * R-TRANSFER: the receiving supervisor accepted; the case moves, in this same transaction: its
 * processes' routing and jurisdiction ({@link CaseRouting}), and through {@link CaseMoved} its
 * file, clocks, figures, grants and task cards. Which transfer this is comes from the pathway's
 * own record, never from a variable a person could have set.
 */
@Component("moveCase")
@PathwayBean
class MoveCaseDelegate implements JavaDelegate {

  private final CaseTransfers transfers;
  private final CaseFiles files;
  private final CaseRouting routing;
  private final ApplicationEventPublisher events;

  MoveCaseDelegate(CaseTransfers transfers, CaseFiles files, CaseRouting routing,
      ApplicationEventPublisher events) {
    this.transfers = transfers;
    this.files = files;
    this.routing = routing;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseTransfer transfer = transfers.ofProcessInstance(execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("No transfer recorded for process "
            + execution.getProcessInstanceId()));
    CaseFile file = files.find(transfer.caseNumber()).orElseThrow();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (!transfers.decide(transfer.id(), CaseTransfer.Status.ACCEPTED, decidedBy(), now, null)) {
      throw new IllegalStateException("The transfer " + transfer.id() + " was decided already");
    }
    CaseMoved moved = new CaseMoved(transfer.caseNumber(), file.child().sex(), file.province(),
        file.district(), transfer.toProvince(), transfer.toDistrict(), now);
    routing.move(moved, execution.getProcessInstanceId());
    events.publishEvent(moved);
  }

  /** The supervisor whose completed task accepted it. */
  static String decidedBy() {
    String user = Context.getCommandContext().getAuthenticatedUserId();
    return user == null ? "system" : user;
  }
}
