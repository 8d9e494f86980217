package pk.hifazat.security;

import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;

/**
 * Retries, due dates, priorities, suspension and deletion of jobs and job definitions are changed
 * by administrators only, through every door: a statutory timer (R-COURT-24H) must not be pushed
 * back, starved of retries or removed by someone with an ordinary login.
 */
final class JobOperations {

  private static final Set<String> JOB_ENTITIES = Set.of(EntityTypes.JOB,
      EntityTypes.JOB_DEFINITION);

  private JobOperations() {}

  static void check(UserOperationLogEntryEventEntity entry, EngineCaller caller) {
    if (!JOB_ENTITIES.contains(entry.getEntityType()) || caller.isAdministrator()) {
      return;
    }
    throw new AuthorizationException(caller.userId() + " may not " + entry.getOperationType()
        + " a job: the pathways' timers are run and changed by administrators only");
  }
}
