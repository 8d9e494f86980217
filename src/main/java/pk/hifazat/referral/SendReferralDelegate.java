package pk.hifazat.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.support.PathwayBean;

/**
 * Sends one referral to the agency of this instance: records it SENT and offers its tasks to that
 * agency's focal points in the case's district only (R-REFERRAL). A referral routed on from a
 * declining agency starts with a clean answer. The referral records on what basis it went
 * (R-CONSENT): consent, or what the law allows without it.
 */
@Component("sendReferral")
@PathwayBean
class SendReferralDelegate implements JavaDelegate {

  private final Referrals referrals;
  private final ReferralConsents consents;

  SendReferralDelegate(Referrals referrals, ReferralConsents consents) {
    this.referrals = referrals;
    this.consents = consents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String agency = ReferralVariables.AGENCY.from(execution);
    String province = RoutingVariables.PROVINCE.from(execution);
    String district = RoutingVariables.DISTRICT.from(execution);
    Referral referral = referrals.send(execution.getProcessBusinessKey(),
        execution.getProcessInstanceId(), agency, ReferralVariables.REFERRAL_ID.from(execution),
        province, district);
    ReferralVariables.REFERRAL_ID.set(execution, referral.id());
    String basis = ReferralVariables.SHARING_BASIS.from(execution);
    referrals.shareOn(referral.id(), basis, ReferralVariables.SHARED_FACTS.from(execution));
    consents.settle(execution.getProcessBusinessKey(), agency, ReferralConsents.Outcome.SHARED);
    ReferralVariables.AGENCY_GROUP.set(execution,
        AgencyGroups.focalPoints(agency, province, district));
    // Only answers given to an agency that declined are cleared: the first referral has none.
    ReferralVariables.ANSWERS.stream()
        .filter(answer -> execution.getVariable(answer.name()) != null)
        .forEach(answer -> execution.setVariable(answer.name(), null));
  }
}
