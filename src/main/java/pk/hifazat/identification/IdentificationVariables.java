package pk.hifazat.identification;

import pk.hifazat.support.ProcessVariable;

/**
 * The variables the victim identification pathway returns to the case (R-ID-EARLY, R-ID-TRIAGE,
 * R-AGE-DISPUTE, R-VIEWS). The custody it reports is {@code custodyTakenAt} and
 * {@code inProtection} of {@link pk.hifazat.casefile.CaseVariables}.
 */
final class IdentificationVariables {

  /** R-ID-TRIAGE: EMERGENCY, URGENT, STANDARD or NO_CONCERN, from the triage table. */
  static final ProcessVariable<String> RESPONSE_LEVEL = ProcessVariable.string("responseLevel");
  /** R-ID-TRIAGE: the hours within which the response is due (2 for an emergency). */
  static final ProcessVariable<Integer> RESPONSE_HOURS = ProcessVariable.integer("responseHours");
  /** Where the child was taken into protective custody (an institution, never an address). */
  static final ProcessVariable<String> PLACE_OF_SAFETY = ProcessVariable.string("placeOfSafety");
  /** R-AGE-DISPUTE: the age the district Medical Superintendent estimated. */
  static final ProcessVariable<Integer> MEDICAL_ESTIMATED_AGE =
      ProcessVariable.integer("medicalEstimatedAge");
  /** R-AGE-DISPUTE: the age the court decided on the Medical Superintendent's report. */
  static final ProcessVariable<Integer> COURT_AGE_YEARS = ProcessVariable.integer("courtAgeYears");
  /** R-VIEWS: whether the child's views were sought. */
  static final ProcessVariable<Boolean> CHILD_VIEWS_SOUGHT =
      ProcessVariable.bool("childViewsSought");
  /** R-VIEWS: why the child's views were not sought. */
  static final ProcessVariable<String> REASON_VIEWS_NOT_SOUGHT =
      ProcessVariable.string("reasonViewsNotSought");
  /** CONFIRMED_VICTIM, CHILD_AT_RISK, NOT_A_CASE or REFERRED_ELSEWHERE. */
  static final ProcessVariable<String> IDENTIFICATION_OUTCOME =
      ProcessVariable.string("identificationOutcome");
  static final ProcessVariable<String> OUTCOME_REASON = ProcessVariable.string("outcomeReason");
  /** The agency or service a report referred elsewhere went to. */
  static final ProcessVariable<String> REFERRED_TO = ProcessVariable.string("referredTo");
  static final ProcessVariable<Boolean> PLACEMENT_NEEDED = ProcessVariable.bool("placementNeeded");
  /** The child's needs, for the referrals that follow (R-REFERRAL). */
  static final ProcessVariable<Boolean> NEEDS_MEDICAL = ProcessVariable.bool("needsMedical");
  static final ProcessVariable<Boolean> NEEDS_PSYCHOSOCIAL =
      ProcessVariable.bool("needsPsychosocial");
  static final ProcessVariable<Boolean> NEEDS_SHELTER = ProcessVariable.bool("needsShelter");
  static final ProcessVariable<Boolean> NEEDS_EDUCATION = ProcessVariable.bool("needsEducation");

  private IdentificationVariables() {}
}
