package pk.hifazat.matching;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who answered the supervisor's task: the engine's authenticated user, or the engine itself. */
final class Deciders {

  private Deciders() {}

  static String of(DelegateExecution execution) {
    Authentication current = execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    return current == null || current.getUserId() == null ? "engine" : current.getUserId();
  }
}
