package pk.hifazat.security;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Every change to a variable, to a task's hands or to its due date produces a history event in
 * the same command, whichever door it came through; a refusal here rolls the whole command back.
 * That makes the engine's history stream the one place where the routing rules are enforced.
 */
class EngineDoorGuard implements HistoryEventHandler {

  private final long maxValueBytes;

  EngineDoorGuard(long maxValueBytes) {
    this.maxValueBytes = maxValueBytes;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    boolean relevant = event instanceof HistoricVariableUpdateEventEntity
        || event instanceof HistoricIdentityLinkLogEventEntity
        || event instanceof UserOperationLogEntryEventEntity;
    if (!relevant) {
      return;
    }
    EngineCaller caller = EngineCaller.current();
    if (caller == null) {
      return;
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable
        && !"migrate".equals(variable.getEventType())) {
      ProtectedVariables.check(variable, caller);
      VariableSizes.check(variable, maxValueBytes);
    } else if (caller.batch()) {
      return; // a batch changes tasks and jobs only as its pathway's own code does
    } else if (event instanceof HistoricIdentityLinkLogEventEntity link) {
      TaskHands.check(link, caller);
    } else if (event instanceof UserOperationLogEntryEventEntity entry) {
      TaskDueDates.check(entry, caller);
      JobOperations.check(entry, caller);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
