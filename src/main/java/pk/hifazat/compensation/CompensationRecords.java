package pk.hifazat.compensation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.support.ProcessVariable;

/**
 * Records each compensation claim, decision and payment (R-COMPENSATION) and each step of the
 * criminal case (R-PROSECUTION) of a case as a row reporting can count, by province and district.
 */
@Service
class CompensationRecords {

  private final CompensationRecordRepository repository;

  CompensationRecords(CompensationRecordRepository repository) {
    this.repository = repository;
  }

  void record(DelegateTask task, CompensationEvent event) {
    repository.insert(new RecordedCompensationEvent(
        step(task, event.name(), event.outcome(task), event.occurredAt()),
        CompensationVariables.COMPENSATION_SCHEME.from(task), amount(event.amount(task))));
  }

  void record(DelegateTask task, JusticeEvent event) {
    repository.insert(new RecordedJusticeEvent(
        step(task, event.name(), event.outcome(task), event.occurredAt()),
        CompensationVariables.INVESTIGATING_AGENCY.from(task)));
  }

  private static CaseStep step(DelegateTask task, String event, String outcome,
      ProcessVariable<OffsetDateTime> occurredAt) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return new CaseStep(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(),
        RoutingVariables.PROVINCE.from(task), RoutingVariables.DISTRICT.from(task), event,
        outcome, occurredAt(task, occurredAt, now), now);
  }

  List<RecordedCompensationEvent> compensationEventsOf(String caseNumber) {
    return repository.compensationEventsOf(caseNumber);
  }

  List<RecordedJusticeEvent> justiceEventsOf(String caseNumber) {
    return repository.justiceEventsOf(caseNumber);
  }

  private static BigDecimal amount(Number value) {
    return value == null ? null
        : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  /** When the event happened: the task's date field if it has one and it is filled in. */
  private static Instant occurredAt(DelegateTask task, ProcessVariable<OffsetDateTime> variable,
      Instant now) {
    OffsetDateTime value = variable == null ? null : variable.from(task);
    return value == null ? now : value.toInstant();
  }
}
