package pk.hifazat.compensation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.casefile.CaseAccess;

/**
 * {@code GET /api/cases/{caseNumber}/compensation}: the case's compensation steps (claim,
 * decision, appeal, payment, with their amounts, R-COMPENSATION) and its steps of justice (FIR,
 * prosecution, verdict, sentence, R-PROSECUTION), in the order recorded. For those who may read
 * the case file.
 */
@RestController
class CompensationController {

  /** A step of the case as the case record shows it. */
  record StepView(String event, String outcome, BigDecimal amount, String scheme, String agency,
      Instant occurredAt, Instant recordedAt) {}

  /** The case's compensation and justice. */
  record CaseCompensation(List<StepView> compensation, List<StepView> justice) {}

  private final CaseAccess access;
  private final CompensationRecords records;

  CompensationController(CaseAccess access, CompensationRecords records) {
    this.access = access;
    this.records = records;
  }

  @GetMapping("/api/cases/{caseNumber}/compensation")
  CaseCompensation compensation(@PathVariable String caseNumber, Authentication user) {
    access.readable(caseNumber, user);
    return new CaseCompensation(
        records.compensationEventsOf(caseNumber).stream()
            .map(event -> new StepView(event.event(), event.outcome(), event.amount(),
                event.scheme(), null, event.step().occurredAt(), event.step().recordedAt()))
            .toList(),
        records.justiceEventsOf(caseNumber).stream()
            .map(event -> new StepView(event.event(), event.outcome(), null, null,
                event.agency(), event.step().occurredAt(), event.step().recordedAt()))
            .toList());
  }
}
