package pk.hifazat.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/** Records the referral CLOSED with its outcome and when the service was delivered (R-REFERRAL). */
@Component("closeReferral")
@PathwayBean
class CloseReferralDelegate implements JavaDelegate {

  private final Referrals referrals;

  CloseReferralDelegate(Referrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    referrals.close(ReferralVariables.REFERRAL_ID.from(execution),
        ReferralVariables.SERVICE_DELIVERED_AT.from(execution),
        ReferralVariables.REFERRAL_OUTCOME.from(execution));
  }
}
