package pk.hifazat.area;

import java.util.Locale;
import java.util.Set;
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

  /**
   * Every variable that decides who works a case, where, and whether it goes to court: the
   * routing variables above, the case number its grants hang on, the agency's group, whether
   * the child is in protection and whether court production has started (R-COURT-24H: set, it
   * keeps production from starting). Only intake and the pathways' own code write them; no
   * person, by any door, and no model in a local mapping of its own.
   */
  public static final Set<String> GUARDED = Set.of("caseNumber", "province", "district",
      "childSex", "officersGroup", "femaleOfficersGroup", "supervisorsGroup", "agencyGroup",
      "inProtection", "courtProductionStartedAt");

  private RoutingVariables() {}

  /** Whether a name is guarded, in any spelling the engine would store apart but a reader not. */
  public static boolean isGuarded(String name) {
    if (name == null) {
      return false;
    }
    if (GUARDED.contains(name)) {
      return true;
    }
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return GUARDED.stream().anyMatch(known -> known.toLowerCase(Locale.ROOT).equals(lower));
  }
}
