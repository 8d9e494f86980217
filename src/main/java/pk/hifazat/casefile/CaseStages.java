package pk.hifazat.casefile;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Keeps the case file's stage, and its custody time once known, in step with the pathway. */
@Component
class CaseStages {

  private final CaseFiles files;

  CaseStages(CaseFiles files) {
    this.files = files;
  }

  void enter(DelegateExecution execution, String stage) {
    String caseNumber = execution.getProcessBusinessKey();
    files.enterStage(caseNumber, stage, ClockUtil.getCurrentTime().toInstant());
    OffsetDateTime custodyTakenAt = CaseVariables.CUSTODY_TAKEN_AT.from(execution);
    if (custodyTakenAt != null) {
      files.recordCustody(caseNumber, custodyTakenAt.toInstant());
    }
  }
}
