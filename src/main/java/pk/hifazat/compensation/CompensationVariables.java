package pk.hifazat.compensation;

import java.time.OffsetDateTime;
import pk.hifazat.support.ProcessVariable;

/**
 * The process variables of the compensation and justice pathway (R-COMPENSATION, R-LEGAL-AID,
 * R-PROSECUTION). Times are what the forms' datetime fields write, ISO-8601 text with offset, read
 * as times; amounts are numbers in PKR.
 */
final class CompensationVariables {

  /** Set by identification: CONFIRMED_VICTIM or CHILD_AT_RISK; input of the eligibility table. */
  static final ProcessVariable<String> IDENTIFICATION_OUTCOME =
      ProcessVariable.string("identificationOutcome");
  /** Output of the eligibility table (its {@code eligible}). */
  static final ProcessVariable<Boolean> COMPENSATION_ELIGIBLE =
      ProcessVariable.bool("compensationEligible");
  /** Output of the eligibility table (its {@code scheme}): CRPC_545, HUMAN_RIGHTS_RELIEF_FUND... */
  static final ProcessVariable<String> COMPENSATION_SCHEME =
      ProcessVariable.string("compensationScheme");

  static final ProcessVariable<String> INELIGIBILITY_REASON =
      ProcessVariable.string("ineligibilityReason");
  /** R-LEGAL-AID: the claim is prepared with the legal aid lawyer. */
  static final ProcessVariable<Boolean> LEGAL_AID_LAWYER_ASSIGNED =
      ProcessVariable.bool("legalAidLawyerAssigned");
  static final ProcessVariable<String> LOSSES_DESCRIBED = ProcessVariable.string("lossesDescribed");
  static final ProcessVariable<Number> CLAIM_AMOUNT_REQUESTED = amount("claimAmountRequested");
  static final ProcessVariable<OffsetDateTime> CLAIM_FILED_AT =
      ProcessVariable.isoTime("claimFiledAt");
  static final ProcessVariable<String> CLAIM_FORUM = ProcessVariable.string("claimForum");
  /** GRANTED or DENIED. */
  static final ProcessVariable<String> COMPENSATION_DECISION =
      ProcessVariable.string("compensationDecision");
  /** Granted at first instance, or on appeal. */
  static final ProcessVariable<Number> AMOUNT_GRANTED = amount("amountGranted");
  static final ProcessVariable<OffsetDateTime> COMPENSATION_DECISION_DATE =
      ProcessVariable.isoTime("compensationDecisionDate");
  static final ProcessVariable<Boolean> APPEAL_FILED = ProcessVariable.bool("appealFiled");
  /** GRANTED or DENIED. */
  static final ProcessVariable<String> APPEAL_OUTCOME = ProcessVariable.string("appealOutcome");
  static final ProcessVariable<OffsetDateTime> DISBURSED_AT =
      ProcessVariable.isoTime("disbursedAt");
  static final ProcessVariable<Number> AMOUNT_PAID = amount("amountPaid");
  static final ProcessVariable<String> PAYMENT_REFERENCE =
      ProcessVariable.string("paymentReference");

  static final ProcessVariable<Boolean> FIR_REGISTERED = ProcessVariable.bool("firRegistered");
  static final ProcessVariable<String> FIR_NUMBER = ProcessVariable.string("firNumber");
  /** POLICE, FIA or NCCIA. */
  static final ProcessVariable<String> INVESTIGATING_AGENCY =
      ProcessVariable.string("investigatingAgency");
  static final ProcessVariable<Boolean> PROSECUTION_STARTED =
      ProcessVariable.bool("prosecutionStarted");
  static final ProcessVariable<String> PROSECUTION_COURT =
      ProcessVariable.string("prosecutionCourt");
  /** CONVICTED, ACQUITTED or WITHDRAWN. */
  static final ProcessVariable<String> VERDICT = ProcessVariable.string("verdict");
  static final ProcessVariable<OffsetDateTime> VERDICT_DATE =
      ProcessVariable.isoTime("verdictDate");
  static final ProcessVariable<Number> SENTENCE_YEARS = amount("sentenceYears");
  static final ProcessVariable<Number> FINE_AMOUNT = amount("fineAmount");

  private CompensationVariables() {}

  private static ProcessVariable<Number> amount(String name) {
    return new ProcessVariable<>(name, Number.class);
  }
}
