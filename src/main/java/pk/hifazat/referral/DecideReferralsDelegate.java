package pk.hifazat.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/** Decides which agencies the case is referred to, and where declined referrals go (R-REFERRAL). */
@Component("decideReferrals")
@PathwayBean
class DecideReferralsDelegate implements JavaDelegate {

  private final ReferralPlanner planner;

  DecideReferralsDelegate(ReferralPlanner planner) {
    this.planner = planner;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AgencyPlan plan = planner.plan(ReferralNeeds.of(execution));
    ReferralVariables.REFERRAL_AGENCIES.set(execution, plan.agencies());
    ReferralVariables.REFERRAL_FALLBACKS.set(execution, plan.fallbackChains());
  }
}
