package pk.hifazat.retention;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.casefile.CaseAccess;
import pk.hifazat.casefile.CaseFile;
import pk.hifazat.support.ConflictException;
import pk.hifazat.support.NotFoundException;

/**
 * {@code /api/cases/{caseNumber}/legal-hold}: the district's supervisor keeps a case's records
 * past their retention period (PUT, with the reason), and lets them go again (DELETE).
 */
@RestController
class LegalHoldController {

  record HoldRequest(@NotBlank @Size(max = 400) String reason) {}

  record Hold(String reason, Instant placedAt, String placedBy) {}

  private final CaseAccess access;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  LegalHoldController(CaseAccess access, JdbcClient jdbc, ApplicationEventPublisher events) {
    this.access = access;
    this.jdbc = jdbc;
    this.events = events;
  }

  @PutMapping(path = "/api/cases/{caseNumber}/legal-hold", consumes = "application/json")
  @Transactional
  ResponseEntity<Void> place(@PathVariable String caseNumber,
      @Valid @RequestBody HoldRequest request, Authentication user) {
    supervisorOf(caseNumber, user);
    // A hold still keeps whatever kinds of record are left; with none left it keeps nothing.
    if (jdbc.sql("select count(*) from case_erasure where case_number = ?").param(caseNumber)
        .query(Integer.class).single() >= RetentionPolicy.RecordKind.values().length) {
      throw new ConflictException("The records of case " + caseNumber + " were already erased");
    }
    Object now = toColumn(ClockUtil.getCurrentTime().toInstant());
    int updated = jdbc.sql("update legal_hold set reason = ?, placed_at = ?, placed_by = ?"
            + " where case_number = ?")
        .params(request.reason(), now, user.getName(), caseNumber).update();
    if (updated == 0) {
      jdbc.sql("insert into legal_hold (case_number, reason, placed_at, placed_by)"
              + " values (?, ?, ?, ?)")
          .params(caseNumber, request.reason(), now, user.getName()).update();
    }
    events.publishEvent(new LegalHoldPlaced(caseNumber, user.getName()));
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/cases/{caseNumber}/legal-hold")
  Hold read(@PathVariable String caseNumber, Authentication user) {
    access.identityReadable(caseNumber, user);
    return jdbc.sql("select * from legal_hold where case_number = ?").param(caseNumber)
        .query((rs, row) -> new Hold(rs.getString("reason"), fromColumn(rs, "placed_at"),
            rs.getString("placed_by")))
        .optional()
        .orElseThrow(() -> new NotFoundException("No legal hold on case " + caseNumber));
  }

  @DeleteMapping("/api/cases/{caseNumber}/legal-hold")
  @Transactional
  ResponseEntity<Void> lift(@PathVariable String caseNumber, Authentication user) {
    supervisorOf(caseNumber, user);
    if (jdbc.sql("delete from legal_hold where case_number = ?").param(caseNumber).update() == 0) {
      throw new NotFoundException("No legal hold on case " + caseNumber);
    }
    events.publishEvent(new LegalHoldLifted(caseNumber, user.getName()));
    return ResponseEntity.noContent().build();
  }

  /** Only the supervisors of the case's own district place or lift a hold. */
  private void supervisorOf(String caseNumber, Authentication user) {
    CaseFile file = access.identityReadable(caseNumber, user);
    boolean supervisor = user.getAuthorities().stream().anyMatch(authority ->
        authority.getAuthority().equals(AreaGroups.supervisors(file.province(), file.district())));
    if (!supervisor) {
      throw new AccessDeniedException("A legal hold is placed by the district's supervisor");
    }
  }
}
