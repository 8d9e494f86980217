package pk.hifazat.identification;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import pk.hifazat.casefile.CaseVariables;

/**
 * Tells the case at once that its child is in protective custody (R-ID-TRIAGE), so that court
 * production starts while identification goes on (R-COURT-24H): the case's process instance, the
 * root of the call chain, gets {@code custodyTakenAt} and {@code inProtection=true}. A pathway
 * started on its own keeps them itself.
 */
@Component
class CaseCustodyNotice {

  private final RuntimeService runtimeService;

  CaseCustodyNotice(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  void custodyTaken(DelegateExecution execution, OffsetDateTime custodyTakenAt) {
    if (custodyTakenAt == null) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
          + " reports a custody without custodyTakenAt");
    }
    Map<String, Object> custody = new HashMap<>();
    CaseVariables.CUSTODY_TAKEN_AT.put(custody, custodyTakenAt);
    CaseVariables.IN_PROTECTION.put(custody, true);
    DelegateExecution pathway = execution.getProcessInstance();
    if (pathway.getSuperExecution() == null) {
      pathway.setVariables(custody);
      return;
    }
    DelegateExecution theCase = pathway;
    while (theCase.getSuperExecution() != null) {
      // The case's call activities now hand over only what each pathway reads and take back only
      // its outcomes, so the custody comes back no other way. Cases started on an earlier case
      // model still pass every variable both ways: for them, a copy left on the way would go back
      // with the outputs and undo the custody (the stale one from the inputs) or signal it again.
      theCase.removeVariables(custody.keySet());
      theCase = theCase.getSuperExecution().getProcessInstance();
    }
    // Through the service, so that the case's conditional events see the change now; as the
    // engine's own step, not as a variable change the officer would need a permission for.
    String caseInstanceId = theCase.getId();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      runtimeService.setVariables(caseInstanceId, custody);
      return null;
    });
  }
}
