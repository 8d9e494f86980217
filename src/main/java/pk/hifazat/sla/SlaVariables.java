package pk.hifazat.sla;

import pk.hifazat.support.ProcessVariable;

/** Variables the deadline delegates read. */
final class SlaVariables {

  /** Input parameter of a warning or breach task: the rule id of the clock it records. */
  static final ProcessVariable<String> SLA_RULE = ProcessVariable.string("slaRule");

  private SlaVariables() {}
}
