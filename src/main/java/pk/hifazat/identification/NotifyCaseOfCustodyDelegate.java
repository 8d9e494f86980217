package pk.hifazat.identification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.casefile.CaseVariables;
import pk.hifazat.support.PathwayBean;

/** The child was taken into protective custody: the case hears of it at once (R-COURT-24H). */
@Component("notifyCaseOfCustody")
@PathwayBean
class NotifyCaseOfCustodyDelegate implements JavaDelegate {

  private final CaseCustodyNotice notice;

  NotifyCaseOfCustodyDelegate(CaseCustodyNotice notice) {
    this.notice = notice;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notice.custodyTaken(execution, CaseVariables.CUSTODY_TAKEN_AT.from(execution));
  }
}
