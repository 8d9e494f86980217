package pk.hifazat.support;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine query without the caller's engine authorizations, for answers whose access the
 * application has already decided (e.g. every open task of a case the caller may open).
 */
@Component
public class EngineAsSystem {

  private final IdentityService identityService;

  EngineAsSystem(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T query(Supplier<T> query) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
