package pk.hifazat.intake;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.area.AreaDeniedException;
import pk.hifazat.area.Districts;
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
  private final Districts districts;
  private final RetriedReports retried;

  IntakeController(IntakeService intake, UserAreas areas, CaseAccess access, Districts districts,
      RetriedReports retried) {
    this.districts = districts;
    this.retried = retried;
    this.intake = intake;
    this.access = access;
    this.areas = areas;
  }

  @PostMapping(path = "/api/cases", consumes = "application/json")
  ResponseEntity<IntakeService.OpenedCase> register(
      @Valid @RequestBody CaseReportRequest report,
      @RequestHeader(name = RetriedReports.HEADER, required = false) String idempotencyKey,
      Authentication user) {
    UserArea area = areas.of(user);
    if (area.aggregatesOnly()) {
      throw new AreaDeniedException("Reports are registered by officers, supervisors and managers");
    }
    // An officer registers reports of their own district, a manager of their province.
    area.narrow(report.province(), report.district());
    String district = districts.canonical(report.province(), report.district()).orElseThrow();
    RetriedReports.ReportKeys keys =
        retried.keysOf(report, district, idempotencyKey, user.getName());
    Optional<IntakeService.OpenedCase> earlier = retried.earlier(report, keys);
    if (earlier.isPresent()) {
      return answer(earlier.get(), true);
    }
    try {
      return answer(register(report, user, keys), false);
    } catch (DuplicateKeyException raced) {
      // The same report sent again before the first was answered: it waited for the first.
      return answer(retried.earlier(report, keys).orElseThrow(() -> raced), true);
    }
  }

  private IntakeService.OpenedCase register(CaseReportRequest report, Authentication user,
      RetriedReports.ReportKeys keys) {
    if (report.previousCaseNumber() == null) {
      return intake.open(report, user.getName(), keys);
    }
    reopenable(report, user);
    return intake.reopen(report, user.getName(), keys);
  }

  /** The case a report opened; a report sent again gets the same answer, marked as a replay. */
  private static ResponseEntity<IntakeService.OpenedCase> answer(IntakeService.OpenedCase opened,
      boolean replayed) {
    ResponseEntity.BodyBuilder created =
        ResponseEntity.created(URI.create("/api/cases/" + opened.caseNumber()));
    if (replayed) {
      created.header("Idempotent-Replayed", "true");
    }
    return created.body(opened);
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
