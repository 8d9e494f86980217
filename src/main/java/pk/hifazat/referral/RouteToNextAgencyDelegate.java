package pk.hifazat.referral;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/**
 * A declined referral goes on to the next agency of its fallback chain from the decision table
 * (R-REFERRAL); {@code nextAgencyFound} is false when the chain has run out.
 */
@Component("routeToNextAgency")
@PathwayBean
class RouteToNextAgencyDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Optional<String> next = AgencyPlan.nextAgency(
        ReferralVariables.REFERRAL_FALLBACKS.from(execution),
        ReferralVariables.AGENCY.from(execution));
    next.ifPresent(agency -> ReferralVariables.AGENCY.set(execution, agency));
    ReferralVariables.NEXT_AGENCY_FOUND.set(execution, next.isPresent());
  }
}
