package pk.hifazat.placement;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.casefile.CaseAccess;
import pk.hifazat.casefile.CaseFacts;

/**
 * {@code GET /api/cases/{caseNumber}/placement}: where the child was placed and when, as the
 * placement pathway recorded it (the option, the institution, the dates), never a carer's name
 * or an address (R-NO-DISCLOSURE). For those who may read the case file.
 */
@RestController
class PlacementController {

  static final List<String> PLACEMENT_FACTS = List.of(
      PlacementVariables.PLACEMENT_OPTION.name(), "caregiverRelationship",
      PlacementVariables.INSTITUTION_NAME.name(), "admittedAt", "placedAt", "courtOrderDate",
      "handedOverAt", "releasedAt", "releaseReason");

  private final CaseAccess access;
  private final CaseFacts facts;

  PlacementController(CaseAccess access, CaseFacts facts) {
    this.access = access;
    this.facts = facts;
  }

  @GetMapping("/api/cases/{caseNumber}/placement")
  Map<String, Object> placement(@PathVariable String caseNumber, Authentication user) {
    access.readable(caseNumber, user);
    return facts.of(caseNumber, PLACEMENT_FACTS);
  }
}
