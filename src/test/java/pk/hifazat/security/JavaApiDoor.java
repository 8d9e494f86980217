package pk.hifazat.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * The Java API as a person uses it through our own code or a plugin: the engine is told who is
 * calling, with the user's real groups, for the length of one call.
 */
final class JavaApiDoor {

  private JavaApiDoor() {}

  static void as(IdentityService identity, String user, Runnable call) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      call.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
