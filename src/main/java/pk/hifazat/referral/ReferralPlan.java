package pk.hifazat.referral;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/**
 * The referral model's collection: {@code camunda:collection="${referralPlan.agencies(execution)}"}
 * sends one referral per agency of {@code referralAgencies} (R-REFERRAL).
 */
@Component("referralPlan")
@PathwayBean
public class ReferralPlan {

  /** The agencies to refer to, in the decision's order; each instance gets one as a String. */
  public List<String> agencies(DelegateExecution execution) {
    return ReferralVariables.REFERRAL_AGENCIES.from(execution);
  }
}
