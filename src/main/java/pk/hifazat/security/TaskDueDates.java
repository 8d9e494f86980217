package pk.hifazat.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A task's due date that the pathway takes from a deadline clock ({@code
 * ${deadlines.dueAt(execution, 'R-COURT-24H')}}) is the clock's: nobody moves it, through any
 * door, or a breached production would read "due in a month" (R-COURT-24H). Other tasks' due dates
 * are set by the district's supervisors only.
 */
final class TaskDueDates {

  private TaskDueDates() {}

  static void check(UserOperationLogEntryEventEntity entry, EngineCaller caller) {
    if (!EntityTypes.TASK.equals(entry.getEntityType()) || entry.getTaskId() == null
        || !TaskEntity.DUE_DATE.equals(entry.getProperty())) {
      return;
    }
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(entry.getTaskId());
    if (task == null || task.getExecution() == null || task.getTaskDefinition() == null) {
      return;
    }
    if (task.getTaskDefinition().getDueDateExpression() != null) {
      throw new AuthorizationException("The due date of '" + task.getName() + "' comes from its "
          + "deadline and cannot be changed: the deadline clock is the record of when it is due");
    }
    TaskHands.Routing routing = TaskHands.Routing.of(task);
    if (!caller.isAdministrator() && !caller.memberOf(routing.supervisors())) {
      throw new AuthorizationException(caller.userId() + " may not change the due date of '"
          + task.getName() + "': only the supervisors of the case's district set it");
    }
  }
}
