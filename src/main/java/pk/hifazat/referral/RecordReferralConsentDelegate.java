package pk.hifazat.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/**
 * R-CONSENT, R-VIEWS: records the child's and the guardian's answers and what may be shared,
 * signed by the officer who completed the task; refused, nothing is to be shared.
 */
@Component("recordReferralConsent")
@PathwayBean
class RecordReferralConsentDelegate implements JavaDelegate {

  private final ReferralConsents consents;

  RecordReferralConsentDelegate(ReferralConsents consents) {
    this.consents = consents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String child = ReferralVariables.CHILD_CONSENT.from(execution);
    String guardian = ReferralVariables.GUARDIAN_CONSENT.from(execution);
    boolean refused = "REFUSED".equals(child) || "REFUSED".equals(guardian);
    String officer = Context.getCommandContext().getAuthenticatedUserId();
    consents.answer(execution.getProcessBusinessKey(), ReferralVariables.AGENCY.from(execution),
        new ReferralConsents.Consent(child, guardian,
            refused ? null : ReferralVariables.CONSENT_SHARES.from(execution)),
        officer == null ? "system" : officer);
  }
}
