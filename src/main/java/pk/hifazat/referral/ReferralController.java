package pk.hifazat.referral;

import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.casefile.CaseAccess;

/**
 * {@code GET /api/cases/{caseNumber}/referrals}: each agency the case was referred to and what
 * became of it (R-REFERRAL), in the order sent. For those who may read the case file.
 */
@RestController
class ReferralController {

  /** A referral as the case record shows it. */
  record ReferralView(String agency, String status, Instant sentAt, Instant answeredAt,
      Instant deliveredAt, String outcome, Instant closedAt, boolean routedOn) {}

  private final CaseAccess access;
  private final Referrals referrals;

  ReferralController(CaseAccess access, Referrals referrals) {
    this.access = access;
    this.referrals = referrals;
  }

  @GetMapping("/api/cases/{caseNumber}/referrals")
  List<ReferralView> referrals(@PathVariable String caseNumber, Authentication user) {
    access.readable(caseNumber, user);
    return referrals.ofCase(caseNumber).stream()
        .map(referral -> new ReferralView(referral.agency(), referral.status().name(),
            referral.sentAt(), referral.answeredAt(), referral.deliveredAt(), referral.outcome(),
            referral.closedAt(), referral.previousReferralId() != null))
        .toList();
  }
}
