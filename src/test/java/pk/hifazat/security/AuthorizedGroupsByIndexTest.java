package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.HifazatTest;

/**
 * The engine keeps, before each authorization check, those of the caller's groups that hold any
 * grant: asked of each group, not by reading every grant of every case.
 */
@HifazatTest
class AuthorizedGroupsByIndexTest {

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired AuthorizationService authorizations;

  private List<String> kept(String... groups) {
    return engine.getCommandExecutorTxRequired().execute(command ->
        command.getAuthorizationManager().filterAuthenticatedGroupIds(Arrays.asList(groups)));
  }

  private void grant(String group) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId("childProtectionCase");
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);
  }

  @Test
  @DisplayName("Every authorization check of the engine asks the grants group by group")
  void theEngineAsksGroupByGroup() {
    engine.getCommandExecutorTxRequired().execute(command -> {
      assertThat(command.getAuthorizationManager())
          .isInstanceOf(AuthorizedGroupsByIndex.GroupsLookedUp.class);
      return null;
    });
  }

  /** A district no other test has a case in: its groups hold only the grants made here. */
  private static String group(String role) {
    return role + "-pb-" + UUID.randomUUID();
  }

  @Test
  @DisplayName("Only the caller's groups that hold a grant are kept; none, an empty list and a missing group keep nothing")
  void onlyGroupsHoldingAGrantAreKept() {
    String femaleOfficers = group("cpo-female");
    String officers = group("cpo");
    grant(femaleOfficers);

    assertThat(kept(femaleOfficers, officers, femaleOfficers)).containsExactly(femaleOfficers);
    assertThat(kept(officers)).isEmpty();
    assertThat(kept()).isEmpty();
    assertThat(kept(femaleOfficers, null)).containsExactly(femaleOfficers);
  }

  @Test
  @DisplayName("A district's first grant counts from the next command on, and its last, once removed, no longer does")
  void aGroupsFirstAndLastGrantCountAtOnce() {
    String supervisors = group("supervisor");
    assertThat(kept(supervisors)).isEmpty();

    grant(supervisors);
    assertThat(kept(supervisors)).containsExactly(supervisors);

    authorizations.createAuthorizationQuery().groupIdIn(supervisors).list()
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    assertThat(kept(supervisors)).isEmpty();
  }
}
