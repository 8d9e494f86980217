package pk.hifazat.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/** Records that the agency acknowledged or declined its referral, and when (R-REFERRAL, 48 hours). */
@Component("recordReferralAnswer")
@PathwayBean
class RecordReferralAnswerDelegate implements JavaDelegate {

  private final Referrals referrals;

  RecordReferralAnswerDelegate(Referrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    referrals.answer(ReferralVariables.REFERRAL_ID.from(execution),
        ReferralVariables.REFERRAL_DECISION.from(execution));
  }
}
