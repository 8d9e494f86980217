package pk.hifazat.referral;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/** The referral goes to the agency the officer found when no fallback was left (R-REFERRAL). */
@Component("referToAgencyFound")
@PathwayBean
class ReferToAgencyFoundDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ReferralVariables.AGENCY.set(execution,
        ReferralVariables.MANUAL_AGENCY.from(execution).trim().toUpperCase(Locale.ROOT));
  }
}
