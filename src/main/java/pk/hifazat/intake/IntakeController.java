package pk.hifazat.intake;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases}: registers a report about a child and starts the case. */
@RestController
class IntakeController {

  private final IntakeService intake;

  IntakeController(IntakeService intake) {
    this.intake = intake;
  }

  @PostMapping(path = "/api/cases", consumes = "application/json")
  ResponseEntity<IntakeService.OpenedCase> register(
      @Valid @RequestBody CaseReportRequest report, Principal user) {
    IntakeService.OpenedCase opened = intake.open(report, user.getName());
    return ResponseEntity.created(URI.create("/api/cases/" + opened.caseNumber())).body(opened);
  }
}
