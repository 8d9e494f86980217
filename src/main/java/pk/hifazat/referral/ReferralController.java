package pk.hifazat.referral;

import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.casefile.CaseAccess;

/**
 * {@code GET /api/cases/{caseNumber}/referrals}: each agency the case was referred to, on what
 * basis (R-CONSENT) and what became of it (R-REFERRAL), in the order sent; {@code /consents}:
 * each time a referral waited for consent. For those who may read the case file.
 */
@RestController
class ReferralController {

  /** A referral as the case record shows it. */
  record ReferralView(String agency, String status, Instant sentAt, Instant answeredAt,
      Instant deliveredAt, String outcome, Instant closedAt, boolean routedOn,
      String sharingBasis, String sharedFacts) {}

  private final CaseAccess access;
  private final Referrals referrals;
  private final ReferralConsents consents;

  ReferralController(CaseAccess access, Referrals referrals, ReferralConsents consents) {
    this.access = access;
    this.referrals = referrals;
    this.consents = consents;
  }

  @GetMapping("/api/cases/{caseNumber}/referrals")
  List<ReferralView> referrals(@PathVariable String caseNumber, Authentication user) {
    access.readable(caseNumber, user);
    java.util.Map<String, String[]> sharing = referrals.sharingOf(caseNumber);
    return referrals.ofCase(caseNumber).stream()
        .map(referral -> {
          String[] basis = sharing.getOrDefault(referral.id(), new String[2]);
          return new ReferralView(referral.agency(), referral.status().name(),
              referral.sentAt(), referral.answeredAt(), referral.deliveredAt(),
              referral.outcome(), referral.closedAt(), referral.previousReferralId() != null,
              basis[0], basis[1]);
        })
        .toList();
  }

  /**
   * R-CONSENT: each time a referral of the case waited for consent, the answers and whether it
   * went. The consent is no identity; those who may read the case read it.
   */
  @GetMapping("/api/cases/{caseNumber}/consents")
  List<ReferralConsents.Asked> consents(@PathVariable String caseNumber, Authentication user) {
    access.readable(caseNumber, user);
    return consents.ofCase(caseNumber);
  }
}
