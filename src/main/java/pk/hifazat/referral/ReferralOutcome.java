package pk.hifazat.referral;

import java.util.List;

/**
 * What became of one referral: its agency and its outcome ({@code COMPLETED},
 * {@code CHILD_DECLINED}, {@code NOT_REACHABLE}, {@code TRANSFERRED}) or, unclosed, its status
 * ({@code DECLINED}). What the referral pathway hands back to the case (R-REFERRAL).
 */
record ReferralOutcome(String agency, String outcome) {

  /**
   * {@code POLICE:COMPLETED,FIA:DECLINED}: how cases whose referrals ended before outcomes were
   * JSON hold them (a deployed database keeps them), still read, never written.
   */
  static List<ReferralOutcome> fromText(String outcomes) {
    return AgencyPlan.split(outcomes, ",").stream()
        .map(outcome -> {
          int colon = outcome.indexOf(':');
          return colon < 0 ? new ReferralOutcome(outcome, null)
              : new ReferralOutcome(outcome.substring(0, colon).trim(),
                  outcome.substring(colon + 1).trim());
        })
        .toList();
  }
}
