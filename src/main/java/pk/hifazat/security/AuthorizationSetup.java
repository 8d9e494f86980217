package pk.hifazat.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import pk.hifazat.area.AreaGroups;

/**
 * What each role may do in the engine, for every door (engine REST, Tasklist, Cockpit). Which
 * cases a user sees is granted per case instead ({@link CaseAccessGrants}): the role grants here
 * never include another district's instances.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AuthorizationSetup extends AbstractProcessEnginePlugin {

  private static final String ANY = Authorization.ANY;

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    // One transaction for every grant, not one per call.
    StartupTransaction.run(engine, () -> grantAll(engine));
  }

  private static void grantAll(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    String officers = AreaGroups.OFFICERS;
    String supervisors = AreaGroups.SUPERVISORS;
    String managers = AreaGroups.MANAGERS;
    String policy = AreaGroups.POLICY_EDITORS;

    for (String group : List.of(officers, supervisors, AreaGroups.AGENCY_FOCAL_POINTS)) {
      grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    // Focal points see the pathways' names in Tasklist; their referral tasks come by candidacy.
    grant(authorizations, AreaGroups.AGENCY_FOCAL_POINTS, Resources.PROCESS_DEFINITION, ANY,
        Permissions.READ);
    for (String group : List.of(supervisors, managers, policy)) {
      grant(authorizations, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
    for (String group : List.of(officers, supervisors, managers, policy)) {
      grant(authorizations, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }
    // Nobody starts a pathway through the engine: a case starts only through POST /api/cases,
    // which checks the report, the reporter's area and numbers the case.
    for (String group : List.of(managers, policy)) {
      grant(authorizations, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grant(authorizations, group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    grant(authorizations, policy, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY,
        Permissions.READ);
    // Camunda Modeler deploys through the engine's REST API; every deployment, by any door, is
    // checked before it goes live (pk.hifazat.policy).
    grant(authorizations, policy, Resources.DEPLOYMENT, ANY, Permissions.CREATE);

    // Every user may read the shared task lists; what they list is still cut by task permissions.
    FilterService filters = engine.getFilterService();
    for (Filter filter : filters.createFilterQuery().list()) {
      if (authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
          .resourceId(filter.getId()).authorizationType(AUTH_TYPE_GLOBAL).count() == 0) {
        Authorization global = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
        global.setUserId(ANY);
        global.setResource(Resources.FILTER);
        global.setResourceId(filter.getId());
        global.addPermission(Permissions.READ);
        authorizations.saveAuthorization(global);
      }
    }
  }

  private static void grant(AuthorizationService authorizations, String group, Resource resource,
      String resourceId, Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).list().stream().findFirst().orElse(null);
    if (existing != null && existing.isPermissionGranted(permission)) {
      return;
    }
    Authorization authorization = existing != null ? existing
        : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }
}
