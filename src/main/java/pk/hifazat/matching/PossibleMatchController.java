package pk.hifazat.matching;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.casefile.CaseAccess;
import pk.hifazat.casefile.CaseFile;
import pk.hifazat.casefile.CaseFiles;
import pk.hifazat.support.NotFoundException;

/**
 * {@code GET /api/cases/{caseNumber}/possible-matches}: the cases in any district that may be the
 * same child, as "a possible earlier case in district X (stage, dates)", for those who may read
 * this child's identity and no one else; never the other child's identity, and the other case's
 * number only where the reader's area may open that case (R-NO-DISCLOSURE). {@code POST
 * .../possible-matches/{id}/link-request} asks the other district's supervisor to confirm.
 */
@RestController
class PossibleMatchController {

  private final CaseAccess access;
  private final CaseFiles files;
  private final PossibleMatches matches;
  private final MatchLinking linking;

  PossibleMatchController(CaseAccess access, CaseFiles files, PossibleMatches matches,
      MatchLinking linking) {
    this.access = access;
    this.files = files;
    this.matches = matches;
    this.linking = linking;
  }

  /** The answer: the case's confirmed previous case, and each possible match. */
  record MatchesView(String caseNumber, String previousCaseNumber, String previousDistrict,
      List<MatchView> possibleMatches) {}

  /** One other case, as far as the reader may know it. */
  record MatchView(String id, String province, String district, String caseNumber,
      boolean earlier, String stage, Instant reportedAt, Instant stageEnteredAt,
      List<Resemblance.Reason> reasons, String status, Instant foundAt, Instant requestedAt,
      Instant decidedAt) {}

  @GetMapping("/api/cases/{caseNumber}/possible-matches")
  @Transactional(readOnly = true)
  MatchesView list(@PathVariable String caseNumber, Authentication user) {
    CaseFile own = access.identityReadable(caseNumber, user);
    List<MatchView> views = matches.of(caseNumber).stream()
        .map(match -> view(own, match, user)).flatMap(Optional::stream).toList();
    Optional<PossibleMatches.Link> previous = matches.previousOf(caseNumber);
    String previousDistrict = previous.flatMap(link -> files.find(link.previousCaseNumber()))
        .map(CaseFile::district).orElse(null);
    return new MatchesView(caseNumber,
        previous.map(PossibleMatches.Link::previousCaseNumber)
            .filter(number -> visible(number, user)).orElse(null),
        previousDistrict, views);
  }

  @PostMapping("/api/cases/{caseNumber}/possible-matches/{id}/link-request")
  ResponseEntity<MatchView> requestLink(@PathVariable String caseNumber, @PathVariable String id,
      Authentication user) {
    CaseFile own = access.identityReadable(caseNumber, user);
    PossibleMatches.Match match = matches.find(id)
        .filter(m -> m.caseNumber().equals(caseNumber) || m.otherCaseNumber().equals(caseNumber))
        .orElseThrow(() -> new NotFoundException("No possible match " + id + " of case "
            + caseNumber));
    linking.request(match, caseNumber, user.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(
        view(own, matches.find(id).orElseThrow(), user).orElseThrow());
  }

  private Optional<MatchView> view(CaseFile own, PossibleMatches.Match match,
      Authentication user) {
    String otherNumber = match.otherThan(own.caseNumber());
    return files.find(otherNumber).map(other -> new MatchView(match.id(), other.province(),
        other.district(), visible(otherNumber, user) ? otherNumber : null,
        other.reportedAt().isBefore(own.reportedAt()), other.stage(), other.reportedAt(),
        other.stageEnteredAt(), match.reasons(), match.status().name(), match.foundAt(),
        match.requestedAt(), match.decidedAt()));
  }

  /** Whether the reader may open the other case: the case API's own rule, nothing wider. */
  private boolean visible(String caseNumber, Authentication user) {
    try {
      access.readable(caseNumber, user);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
