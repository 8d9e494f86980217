package pk.hifazat.intake;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.audit.AuditAction;
import pk.hifazat.audit.AuditLog;
import pk.hifazat.security.AreaDeniedException;
import pk.hifazat.security.UserArea;
import pk.hifazat.security.UserAreas;

/** {@code POST /api/cases}: registers a report about a child and starts the case. */
@RestController
class IntakeController {

  private final IntakeService intake;
  private final UserAreas areas;
  private final AuditLog audit;

  IntakeController(IntakeService intake, UserAreas areas, AuditLog audit) {
    this.intake = intake;
    this.areas = areas;
    this.audit = audit;
  }

  @PostMapping(path = "/api/cases", consumes = "application/json")
  ResponseEntity<IntakeService.OpenedCase> register(
      @Valid @RequestBody CaseReportRequest report, Authentication user) {
    UserArea area = areas.of(user);
    if (area.aggregatesOnly()) {
      throw new AreaDeniedException("Reports are registered by officers, supervisors and managers");
    }
    // An officer registers reports of their own district, a manager of their province.
    area.narrow(report.province(), report.district());
    IntakeService.OpenedCase opened = intake.open(report, user.getName());
    audit.record(AuditAction.CASE_REGISTERED, opened.caseNumber(), report.source());
    return ResponseEntity.created(URI.create("/api/cases/" + opened.caseNumber())).body(opened);
  }
}
