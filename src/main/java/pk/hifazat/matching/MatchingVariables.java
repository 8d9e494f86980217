package pk.hifazat.matching;

import pk.hifazat.support.ProcessVariable;

/**
 * The variables of the match-linking pathway beyond the case's routing: they name the match and
 * the district that asks, never the other case's number or anyone's identity (R-NO-DISCLOSURE).
 */
final class MatchingVariables {

  static final String PROCESS = "matchLinking";

  static final ProcessVariable<String> MATCH_ID = ProcessVariable.string("matchId");
  static final ProcessVariable<String> REQUESTING_PROVINCE =
      ProcessVariable.string("requestingProvince");
  static final ProcessVariable<String> REQUESTING_DISTRICT =
      ProcessVariable.string("requestingDistrict");
  /** What agreed (same name, birth year, parent, B-form number), in words. */
  static final ProcessVariable<String> MATCH_REASONS = ProcessVariable.string("matchReasons");
  /** The supervisor's answer: SAME_CHILD or NOT_THE_SAME. */
  static final ProcessVariable<String> SAME_CHILD_DECISION =
      ProcessVariable.string("sameChildDecision");

  private MatchingVariables() {}
}
