package pk.hifazat.intake;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.area.AreaDeniedException;
import pk.hifazat.area.UserArea;
import pk.hifazat.area.UserAreas;
import pk.hifazat.casefile.CaseAccess;
import pk.hifazat.casefile.CaseFile;
import pk.hifazat.support.ConflictException;
import pk.hifazat.support.InvalidQueryException;
import pk.hifazat.support.NotFoundException;

/** {@code POST /api/cases}: registers a report about a child and starts the case. */
@RestController
class IntakeController {

  private final IntakeService intake;
  private final UserAreas areas;
  private final CaseAccess access;

  IntakeController(IntakeService intake, UserAreas areas, CaseAccess access) {
    this.intake = intake;
    this.access = access;
    this.areas = areas;
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
    IntakeService.OpenedCase opened;
    if (report.previousCaseNumber() == null) {
      opened = intake.open(report, user.getName());
    } else {
      reopenable(report, user);
      opened = intake.reopen(report, user.getName());
    }
    return ResponseEntity.created(URI.create("/api/cases/" + opened.caseNumber())).body(opened);
  }

  /** The same child reported again, in the district of their earlier case, once it is closed. */
  private void reopenable(CaseReportRequest report, Authentication user) {
    CaseFile previous;
    try {
      previous = access.readable(report.previousCaseNumber(), user);
    } catch (NotFoundException e) {
      throw new InvalidQueryException("previousCaseNumber", "is not a case you can open");
    }
    if (!previous.province().equals(report.province())
        || !previous.district().equalsIgnoreCase(report.district().trim())) {
      throw new InvalidQueryException("previousCaseNumber", "belongs to " + previous.district()
          + " (" + previous.province() + "); report the child there");
    }
    if (intake.isOpen(previous.caseNumber())) {
      throw new ConflictException("Case " + previous.caseNumber()
          + " is still open: add what is new to it rather than reporting it again");
    }
  }
}
