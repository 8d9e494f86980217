package pk.hifazat.casefile;

import java.time.OffsetDateTime;
import pk.hifazat.support.ProcessVariable;

/**
 * The process variables every pathway of a case reads. They carry the facts a pathway decides on
 * and never the child's identity (R-NO-DISCLOSURE). Where it is worked and by whom:
 * {@link pk.hifazat.area.RoutingVariables}.
 */
public final class CaseVariables {

  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.string("caseNumber");
  /** When the report was made, as the reporter gave it (ISO-8601 text with offset). */
  public static final ProcessVariable<OffsetDateTime> REPORTED_AT =
      ProcessVariable.isoTime("reportedAt");
  public static final ProcessVariable<String> SOURCE = ProcessVariable.string("source");
  public static final ProcessVariable<Integer> CHILD_AGE_YEARS =
      ProcessVariable.integer("childAgeYears");
  public static final ProcessVariable<Boolean> AGE_ESTIMATED = ProcessVariable.bool("ageEstimated");
  public static final ProcessVariable<Boolean> AGE_DISPUTED = ProcessVariable.bool("ageDisputed");
  public static final ProcessVariable<String> CHILD_NATIONALITY =
      ProcessVariable.string("childNationality");
  /** Offence types as a comma-separated list, e.g. {@code TRAFFICKING,SEXUAL_ABUSE}. */
  public static final ProcessVariable<String> OFFENCE_TYPES = ProcessVariable.string("offenceTypes");
  /**
   * R-COURT-24H: the moment of custody, null until the child is in care. Kept as the text the
   * custody form's datetime field writes, which Tasklist shows again in that field.
   */
  public static final ProcessVariable<OffsetDateTime> CUSTODY_TAKEN_AT =
      ProcessVariable.isoTime("custodyTakenAt");
  /** Whether the child is in protection: when it turns true, court production starts. */
  public static final ProcessVariable<Boolean> IN_PROTECTION = ProcessVariable.bool("inProtection");

  private CaseVariables() {}
}
