package pk.hifazat.casefile;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNumber}/court}: the case's dates before the courts, as its pathways
 * recorded them: the jurisdiction (the receiving zone's since a transfer: R-TRANSFER), custody
 * (R-COURT-24H), production, temporary custody and the magistrate's
 * decision, the court's order and final decision. For those who may read the case file.
 */
@RestController
class CourtDatesController {

  /** The court production pathway's facts, in the order they happen; no free text. */
  static final List<String> COURT_FACTS = List.of(
      "statute", "nationalDefaultApplied", "magistrateApplicationRequired", "previousStatute",
      "jurisdictionChangedAt",
      "custodyTakenAt", "placeOfSafety",
      "productionCourt", "producedAt",
      "temporaryInstitution", "temporaryCustodyFrom",
      "magistrateCourt", "magistrateAppliedAt", "magistrateCustodyGranted",
      "custodyOrder", "orderDate", "courtAgeDecisionYears",
      "finalDecision", "finalDecisionAt");

  private final CaseAccess access;
  private final CaseFacts facts;

  CourtDatesController(CaseAccess access, CaseFacts facts) {
    this.access = access;
    this.facts = facts;
  }

  @GetMapping("/api/cases/{caseNumber}/court")
  Map<String, Object> court(@PathVariable String caseNumber, Authentication user) {
    access.readable(caseNumber, user);
    return facts.of(caseNumber, COURT_FACTS);
  }
}
