package pk.hifazat.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import pk.hifazat.area.RoutingVariables;

/**
 * The variables that decide who works a case and where (its district, the child's sex, the
 * candidate groups) are written by intake and the pathways' own code only. A person changing,
 * adding or deleting one through any door — engine REST, Tasklist, Cockpit, the Java API, a task
 * completion's or a message's variables — is refused: otherwise an officer could send a girl's
 * case to male officers (R-GIRL-FEMALE-CARE) or to another district.
 */
final class ProtectedVariables {

  private ProtectedVariables() {}

  /** Refuses a variable event of a person on a protected name, whatever its scope. */
  static void check(HistoricVariableUpdateEventEntity event, EngineCaller caller) {
    String name = event.getVariableName();
    if (!RoutingVariables.isGuarded(name)) {
      return;
    }
    throw new AuthorizationException(caller.userId() + " may not change '" + name
        + "': the variables that decide who works a case are set at intake and by the pathway"
        + " only (R-GIRL-FEMALE-CARE)");
  }
}
