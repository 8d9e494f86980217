package pk.hifazat.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/** R-CONSENT, R-VIEWS: a refused referral does not go; its consent request says WITHHELD. */
@Component("withholdReferral")
@PathwayBean
class WithholdReferralDelegate implements JavaDelegate {

  private final ReferralConsents consents;

  WithholdReferralDelegate(ReferralConsents consents) {
    this.consents = consents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    consents.settle(execution.getProcessBusinessKey(), ReferralVariables.AGENCY.from(execution),
        ReferralConsents.Outcome.WITHHELD);
  }
}
