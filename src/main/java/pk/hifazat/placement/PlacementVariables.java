package pk.hifazat.placement;

import pk.hifazat.support.ProcessVariable;

/**
 * The variables the placement pathway reads and writes beyond the case's own ({@code
 * CaseVariables}). They name a placement, never a carer or an address (R-NO-DISCLOSURE).
 */
final class PlacementVariables {

  /** R-PLACEMENT-ORDER: PARENTAL_CARE, EXTENDED_FAMILY, SUITABLE_PERSON or INSTITUTION. */
  public static final ProcessVariable<String> PLACEMENT_OPTION =
      ProcessVariable.string("placementOption");
  /** R-NO-REMOVAL: the placement removes the child from the parents and needs the court. */
  public static final ProcessVariable<Boolean> COURT_ORDER_NEEDED =
      ProcessVariable.bool("courtOrderNeeded");
  /** The registry institution holding a bed for the child; absent when none is held. */
  public static final ProcessVariable<String> INSTITUTION_ID =
      ProcessVariable.string("institutionId");
  public static final ProcessVariable<String> INSTITUTION_NAME =
      ProcessVariable.string("institutionName");
  /**
   * R-SPECIALISED-SHELTER: the offence types, comma-separated, whose victims need a shelter
   * specialised in sexual exploitation; an input parameter of the model, so policy staff keep it.
   */
  public static final ProcessVariable<String> SPECIALISED_SHELTER_OFFENCES =
      ProcessVariable.string("specialisedShelterOffences");
  /** R-AGE-DISPUTE: the age the court decided, which counts over the reported one. */
  public static final ProcessVariable<Integer> COURT_AGE_DECISION_YEARS =
      ProcessVariable.integer("courtAgeDecisionYears");

  /** The BPMN error code a model catches when no institution has a suitable free bed. */
  public static final String NO_BED = "NO_BED";

  private PlacementVariables() {}
}
