package pk.hifazat.referral;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.casefile.CaseVariables;
import pk.hifazat.support.ProcessVariable;

/** What the referral decision reads: offences, needs found at identification, province. */
record ReferralNeeds(String offenceTypes, boolean medical, boolean psychosocial, boolean shelter,
    boolean education, String province) {

  /** The case's facts; a needs flag identification did not set counts as false. */
  static ReferralNeeds of(VariableScope scope) {
    return new ReferralNeeds(
        CaseVariables.OFFENCE_TYPES.from(scope),
        flag(ReferralVariables.NEEDS_MEDICAL, scope),
        flag(ReferralVariables.NEEDS_PSYCHOSOCIAL, scope),
        flag(ReferralVariables.NEEDS_SHELTER, scope),
        flag(ReferralVariables.NEEDS_EDUCATION, scope),
        RoutingVariables.PROVINCE.from(scope));
  }

  Map<String, Object> decisionVariables() {
    Map<String, Object> variables = new HashMap<>();
    CaseVariables.OFFENCE_TYPES.put(variables, offenceTypes);
    ReferralVariables.NEEDS_MEDICAL.put(variables, medical);
    ReferralVariables.NEEDS_PSYCHOSOCIAL.put(variables, psychosocial);
    ReferralVariables.NEEDS_SHELTER.put(variables, shelter);
    ReferralVariables.NEEDS_EDUCATION.put(variables, education);
    RoutingVariables.PROVINCE.put(variables, province);
    return variables;
  }

  private static boolean flag(ProcessVariable<Boolean> variable, VariableScope scope) {
    return Boolean.TRUE.equals(variable.from(scope));
  }
}
