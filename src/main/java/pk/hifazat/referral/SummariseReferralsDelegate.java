package pk.hifazat.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/** Hands the case what became of each referral, as {@code referralOutcomes} (R-REFERRAL). */
@Component("summariseReferrals")
@PathwayBean
class SummariseReferralsDelegate implements JavaDelegate {

  private final Referrals referrals;

  SummariseReferralsDelegate(Referrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReferralVariables.REFERRAL_OUTCOMES.set(execution,
        referrals.outcomes(execution.getProcessInstanceId()));
  }
}
