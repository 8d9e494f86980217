package pk.hifazat.referral;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.support.ProcessVariable;

/**
 * The variables of the multi-agency referral pathway (R-REFERRAL, R-LEGAL-AID). The needs flags
 * come from identification; the plan and the outcomes go back to the case as JSON.
 */
final class ReferralVariables {

  /** Needs found at identification; absent means false. */
  static final ProcessVariable<Boolean> NEEDS_MEDICAL = ProcessVariable.bool("needsMedical");
  static final ProcessVariable<Boolean> NEEDS_PSYCHOSOCIAL =
      ProcessVariable.bool("needsPsychosocial");
  static final ProcessVariable<Boolean> NEEDS_SHELTER = ProcessVariable.bool("needsShelter");
  static final ProcessVariable<Boolean> NEEDS_EDUCATION = ProcessVariable.bool("needsEducation");

  /** The agencies the case is referred to, in order: {@code ["POLICE","LEGAL_AID"]}. */
  static final ProcessVariable<List<String>> REFERRAL_AGENCIES =
      ProcessVariable.json("referralAgencies", new TypeReference<List<String>>() {})
          .orEarlierText(AgencyPlan::agenciesFromText);
  /**
   * Where a declined referral goes next, per agency that has fallbacks, in order: {@code
   * {"POLICE":["DISTRICT_POLICE_OFFICER","JUSTICE_OF_PEACE"],"LEGAL_AID":["NGO_LEGAL_AID"]}}.
   */
  static final ProcessVariable<Map<String, List<String>>> REFERRAL_FALLBACKS =
      ProcessVariable.json("referralFallbacks", new TypeReference<Map<String, List<String>>>() {})
          .orEarlierText(AgencyPlan::fallbackChainsFromText);
  /**
   * What became of each referral, in the order sent:
   * {@code [{"agency":"POLICE","outcome":"COMPLETED"},{"agency":"FIA","outcome":"DECLINED"}]}.
   */
  static final ProcessVariable<List<ReferralOutcome>> REFERRAL_OUTCOMES =
      ProcessVariable.json("referralOutcomes", new TypeReference<List<ReferralOutcome>>() {})
          .orEarlierText(ReferralOutcome::fromText);

  // One referral (local to each instance of the multi-instance sub-process).
  /** The agency one referral currently goes to: the multi-instance element variable. */
  static final ProcessVariable<String> AGENCY = RoutingVariables.AGENCY;
  /** The candidate group of the agency's focal points in the case's district. */
  static final ProcessVariable<String> AGENCY_GROUP = ProcessVariable.string("agencyGroup");
  static final ProcessVariable<String> REFERRAL_ID = ProcessVariable.string("referralId");
  /** {@code ACKNOWLEDGED} or {@code DECLINED}. */
  static final ProcessVariable<String> REFERRAL_DECISION =
      ProcessVariable.string("referralDecision");
  static final ProcessVariable<String> DECLINE_REASON = ProcessVariable.string("declineReason");
  static final ProcessVariable<Instant> SERVICE_DELIVERED_AT =
      ProcessVariable.time("serviceDeliveredAt");
  static final ProcessVariable<String> SERVICE_SUMMARY = ProcessVariable.string("serviceSummary");
  /** {@code COMPLETED}, {@code CHILD_DECLINED}, {@code NOT_REACHABLE} or {@code TRANSFERRED}. */
  static final ProcessVariable<String> REFERRAL_OUTCOME =
      ProcessVariable.string("referralOutcome");
  static final ProcessVariable<Boolean> NEXT_AGENCY_FOUND =
      ProcessVariable.bool("nextAgencyFound");
  /** The agency code an officer found when no fallback was left; empty when none could help. */
  static final ProcessVariable<String> MANUAL_AGENCY = ProcessVariable.string("manualAgency");
  static final ProcessVariable<String> MANUAL_SEARCH_NOTE =
      ProcessVariable.string("manualSearchNote");

  /** What one agency answered: cleared when the referral goes to the next agency. */
  static final List<ProcessVariable<?>> ANSWERS = List.of(REFERRAL_DECISION, DECLINE_REASON,
      SERVICE_DELIVERED_AT, SERVICE_SUMMARY, REFERRAL_OUTCOME, NEXT_AGENCY_FOUND, MANUAL_AGENCY,
      MANUAL_SEARCH_NOTE);

  /** R-CONSENT: the answers of the consent task, local to one agency's referral. */
  static final ProcessVariable<String> CHILD_CONSENT = ProcessVariable.string("childConsent");
  static final ProcessVariable<String> GUARDIAN_CONSENT =
      ProcessVariable.string("guardianConsent");
  static final ProcessVariable<String> CONSENT_SHARES = ProcessVariable.string("consentShares");
  /** What the decision table sharingBasis made of them: CONSENT, LAW, REFUSED or ASK. */
  static final ProcessVariable<String> SHARING_BASIS = ProcessVariable.string("sharingBasis");
  static final ProcessVariable<String> SHARED_FACTS = ProcessVariable.string("sharedFacts");

  private ReferralVariables() {}
}
