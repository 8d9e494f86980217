package pk.hifazat.casefile;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Keeps the case file's stage, and its custody time once known, in step with the pathway. */
@Component
class CaseStages {

  private final CaseFiles files;
  private final ApplicationEventPublisher events;

  CaseStages(CaseFiles files, ApplicationEventPublisher events) {
    this.files = files;
    this.events = events;
  }

  void enter(DelegateExecution execution, String stage) {
    String caseNumber = execution.getProcessBusinessKey();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    files.enterStage(caseNumber, stage, now);
    OffsetDateTime custodyTakenAt = CaseVariables.CUSTODY_TAKEN_AT.from(execution);
    if (custodyTakenAt != null) {
      files.recordCustody(caseNumber, custodyTakenAt.toInstant());
    }
    events.publishEvent(new CaseStageEntered(caseNumber, stage, now));
  }
}
