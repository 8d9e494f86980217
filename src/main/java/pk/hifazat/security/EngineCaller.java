package pk.hifazat.security;

import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Who is asking the engine for the current command: a person through one of its doors (engine
 * REST, the webapps, our API, the Java API with an authentication), or the engine itself (the job
 * executor, the pathway's own delegates and listeners, the application's system calls).
 */
record EngineCaller(String userId, List<String> groups) {

  /** The person behind the command, or null when the engine acts on its own. */
  static EngineCaller current() {
    CommandContext command = Context.getCommandContext();
    if (command == null || command.getAuthenticatedUserId() == null) {
      return null;
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
    return new EngineCaller(command.getAuthenticatedUserId(), groups == null ? List.of() : groups);
  }

  boolean isAdministrator() {
    return groups.contains(AreaGroups.ADMINISTRATORS);
  }

  boolean memberOf(String group) {
    return group != null && groups.contains(group);
  }
}
