package pk.hifazat.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.support.PathwayBean;

/** R-CONSENT: the referral waits for consent from now on, and the managers' figures know it. */
@Component("askReferralConsent")
@PathwayBean
class AskReferralConsentListener implements TaskListener {

  private final ReferralConsents consents;

  AskReferralConsentListener(ReferralConsents consents) {
    this.consents = consents;
  }

  @Override
  public void notify(DelegateTask task) {
    consents.ask(task.getExecution().getProcessBusinessKey(),
        ReferralVariables.AGENCY.from(task), task.getProcessInstanceId(),
        RoutingVariables.PROVINCE.from(task), RoutingVariables.DISTRICT.from(task));
  }
}
