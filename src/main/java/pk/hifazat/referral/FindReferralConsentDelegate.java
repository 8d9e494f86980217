package pk.hifazat.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/**
 * R-CONSENT, R-VIEWS: puts the consent last recorded for the case and this agency before the
 * decision table sharingBasis; NONE while nothing is on record.
 */
@Component("findReferralConsent")
@PathwayBean
class FindReferralConsentDelegate implements JavaDelegate {

  static final String NONE = "NONE";

  private final ReferralConsents consents;

  FindReferralConsentDelegate(ReferralConsents consents) {
    this.consents = consents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReferralConsents.Consent consent = consents.latest(execution.getProcessBusinessKey(),
        ReferralVariables.AGENCY.from(execution))
        .orElse(new ReferralConsents.Consent(NONE, NONE, null));
    ReferralVariables.CHILD_CONSENT.set(execution, consent.child());
    ReferralVariables.GUARDIAN_CONSENT.set(execution, consent.guardian());
    ReferralVariables.CONSENT_SHARES.set(execution, consent.shares());
  }
}
