package pk.hifazat.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.support.PathwayBean;

/**
 * Sends one referral to the agency of this instance: records it SENT and offers its tasks to that
 * agency's focal points in the case's district only (R-REFERRAL). A referral routed on from a
 * declining agency starts with a clean answer.
 */
@Component("sendReferral")
@PathwayBean
class SendReferralDelegate implements JavaDelegate {

  private final Referrals referrals;

  SendReferralDelegate(Referrals referrals) {
    this.referrals = referrals;
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
    ReferralVariables.AGENCY_GROUP.set(execution,
        AgencyGroups.focalPoints(agency, province, district));
    ReferralVariables.ANSWERS.forEach(answer -> execution.setVariable(answer.name(), null));
  }
}
