package pk.hifazat.transfer;

import pk.hifazat.support.ProcessVariable;

/** The variables of the {@code caseTransfer} pathway: what its decision form shows and asks. */
final class TransferVariables {

  static final ProcessVariable<String> FROM = ProcessVariable.string("transferFrom");
  static final ProcessVariable<String> TO = ProcessVariable.string("transferTo");
  static final ProcessVariable<String> REASON = ProcessVariable.string("transferReason");
  static final ProcessVariable<String> NOTE = ProcessVariable.string("transferNote");
  static final ProcessVariable<String> DECLINE_REASON =
      ProcessVariable.string("transferDeclineReason");

  private TransferVariables() {}

  /** How a district is named on the form: "Karachi South (SD)". */
  static String place(String province, String district) {
    return district + " (" + province + ")";
  }
}
