package pk.hifazat.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import pk.hifazat.area.AreaGroups;

/**
 * Who is asking the engine for the current command: a person through one of its doors (engine
 * REST, the webapps, our API, the Java API with an authentication), or the engine itself (the job
 * executor, the pathway's own delegates and listeners, the application's system calls).
 */
record EngineCaller(String userId, List<String> groups, boolean batch) {

  /** The person behind the command, or null when the engine acts on its own. */
  static EngineCaller current() {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return null;
    }
    if (command.getAuthenticatedUserId() == null) {
      return batchOfAPerson(command);
    }
    // Model code (delegates, listeners, expressions) runs inside an execution and with the
    // engine's authorization checks off: it is the pathway acting, not the person; a submitted
    // form runs the same way but carries the person's input.
    boolean pathwayCode = Context.getCoreExecutionContext() != null
        || !command.isAuthorizationCheckEnabled();
    if (pathwayCode && !FormInputMarking.active()) {
      return null;
    }
    List<String> groups = command.getAuthenticatedGroupIds();
    return new EngineCaller(command.getAuthenticatedUserId(), groups == null ? List.of() : groups,
        false);
  }

  /**
   * A batch that sets variables, modifies, migrates or correlates messages runs its jobs in the
   * job executor with nobody authenticated, but every variable it writes was given by the person
   * who created it: it is judged as a person without any group.
   */
  private static EngineCaller batchOfAPerson(CommandContext command) {
    JobEntity job = command.getCurrentJob();
    if (job == null || !BATCHES_CARRYING_VARIABLES.contains(job.getJobHandlerType())
        || Context.getCoreExecutionContext() != null) {
      return null;
    }
    return new EngineCaller("the batch " + job.getJobDefinitionId(), List.of(), true);
  }

  private static final Set<String> BATCHES_CARRYING_VARIABLES = Set.of(Batch.TYPE_SET_VARIABLES,
      Batch.TYPE_PROCESS_INSTANCE_MODIFICATION, Batch.TYPE_PROCESS_INSTANCE_MIGRATION,
      Batch.TYPE_CORRELATE_MESSAGE);

  boolean isAdministrator() {
    return groups.contains(AreaGroups.ADMINISTRATORS);
  }

  boolean memberOf(String group) {
    return group != null && groups.contains(group);
  }
}
