package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.HifazatTest;
import pk.hifazat.area.AreaGroups;

/**
 * Every start makes the roles' grants and the demo identity once, whatever a database already
 * holds: nothing twice, what is missing made, and a grant that lost a permission given it back
 * without a second grant beside it.
 */
@HifazatTest
class StartupIdentityAndGrantsTest {

  private static final String FOCAL_POINT = "focal.education.lahore";

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;
  @Autowired DemoIdentity demoIdentity;
  @Autowired SecuritySettings settings;

  @Test
  void aRestartOnAFullDatabaseWritesNothing() {
    long grants = authorizations.createAuthorizationQuery().count();
    long users = identity.createUserQuery().count();
    long groups = identity.createGroupQuery().count();
    long members = identity.createUserQuery().memberOfGroup(AreaGroups.OFFICERS).count();

    new AuthorizationSetup().postProcessEngineBuild(engine);
    demoIdentity.postProcessEngineBuild(engine);

    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identity.createUserQuery().memberOfGroup(AreaGroups.OFFICERS).count())
        .isEqualTo(members);
  }

  @Test
  void aPolicyEditorsGrantThatLostAPermissionGetsItBackInTheSameGrant() {
    Authorization deployments = policyEditorsDeploymentGrants().get(0);
    deployments.removePermission(Permissions.CREATE);
    authorizations.saveAuthorization(deployments);
    assertThat(policyEditorsDeploymentGrants().get(0).isPermissionGranted(Permissions.CREATE))
        .isFalse();

    new AuthorizationSetup().postProcessEngineBuild(engine);

    List<Authorization> after = policyEditorsDeploymentGrants();
    assertThat(after).hasSize(1);
    assertThat(after.get(0).getId()).isEqualTo(deployments.getId());
    assertThat(after.get(0).isPermissionGranted(Permissions.CREATE)).isTrue();
    assertThat(after.get(0).isPermissionGranted(Permissions.READ)).isTrue();
  }

  @Test
  void aRoleGrantDeletedIsMadeAgainWithAllItsPermissions() {
    Authorization cockpit = authorizations.createAuthorizationQuery()
        .groupIdIn(AreaGroups.MANAGERS).resourceType(Resources.APPLICATION)
        .resourceId("cockpit").singleResult();
    authorizations.deleteAuthorization(cockpit.getId());

    new AuthorizationSetup().postProcessEngineBuild(engine);

    Authorization again = authorizations.createAuthorizationQuery()
        .groupIdIn(AreaGroups.MANAGERS).resourceType(Resources.APPLICATION)
        .resourceId("cockpit").singleResult();
    assertThat(again.isPermissionGranted(Permissions.ACCESS)).isTrue();
  }

  @Test
  void aDemoUserDeletedComesBackWithItsGroupsAndTheDemoPassword() {
    List<String> groupsBefore = groupsOf(FOCAL_POINT);
    assertThat(groupsBefore).hasSize(2);
    identity.deleteUser(FOCAL_POINT);
    assertThat(identity.createUserQuery().userId(FOCAL_POINT).count()).isZero();

    demoIdentity.postProcessEngineBuild(engine);

    assertThat(groupsOf(FOCAL_POINT)).containsExactlyInAnyOrderElementsOf(groupsBefore);
    assertThat(identity.checkPassword(FOCAL_POINT, settings.demoIdentity().password())).isTrue();
  }

  private List<Authorization> policyEditorsDeploymentGrants() {
    return authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(AreaGroups.POLICY_EDITORS)
        .resourceType(Resources.DEPLOYMENT).resourceId(Authorization.ANY).list();
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream()
        .map(group -> group.getId()).toList();
  }
}
