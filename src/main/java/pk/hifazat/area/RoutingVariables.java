package pk.hifazat.area;

import pk.hifazat.support.ProcessVariable;

/**
 * The process variables that say where a case is worked and by whom: the district, and the groups
 * that follow from it and from the child's sex. Set at intake and by the pathway only; the engine
 * refuses a person who tries to change them (R-GIRL-FEMALE-CARE).
 */
public final class RoutingVariables {

  public static final ProcessVariable<String> PROVINCE = ProcessVariable.string("province");
  public static final ProcessVariable<String> DISTRICT = ProcessVariable.string("district");
  public static final ProcessVariable<String> CHILD_SEX = ProcessVariable.string("childSex");
  /** Candidate groups of the case's district (R-GIRL-FEMALE-CARE picks between the first two). */
  public static final ProcessVariable<String> OFFICERS_GROUP = ProcessVariable.string("officersGroup");
  public static final ProcessVariable<String> FEMALE_OFFICERS_GROUP =
      ProcessVariable.string("femaleOfficersGroup");
  public static final ProcessVariable<String> SUPERVISORS_GROUP =
      ProcessVariable.string("supervisorsGroup");
  /** The agency a referral pathway works for (R-REFERRAL); absent outside referrals. */
  public static final ProcessVariable<String> AGENCY = ProcessVariable.string("agency");

  private RoutingVariables() {}
}
