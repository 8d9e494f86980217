package pk.hifazat.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
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
    StartupCommand.run(engine, () -> grantAll(engine));
  }

  private static void grantAll(ProcessEngine engine) {
    String officers = AreaGroups.OFFICERS;
    String supervisors = AreaGroups.SUPERVISORS;
    String managers = AreaGroups.MANAGERS;
    String policy = AreaGroups.POLICY_EDITORS;
    Map<Grant, Set<Permission>> grants = new LinkedHashMap<>();

    for (String group : List.of(officers, supervisors, AreaGroups.AGENCY_FOCAL_POINTS)) {
      grant(grants, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    // Focal points see the pathways' names in Tasklist; their referral tasks come by candidacy.
    grant(grants, AreaGroups.AGENCY_FOCAL_POINTS, Resources.PROCESS_DEFINITION, ANY,
        Permissions.READ);
    for (String group : List.of(supervisors, managers, policy)) {
      grant(grants, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
    for (String group : List.of(officers, supervisors, managers, policy)) {
      grant(grants, group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }
    // Nobody starts a pathway through the engine: a case starts only through POST /api/cases,
    // which checks the report, the reporter's area and numbers the case.
    for (String group : List.of(managers, policy)) {
      grant(grants, group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      grant(grants, group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    grant(grants, policy, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    // Camunda Modeler deploys through the engine's REST API; every deployment, by any door, is
    // checked before it goes live (pk.hifazat.policy).
    grant(grants, policy, Resources.DEPLOYMENT, ANY, Permissions.CREATE);

    AuthorizationService authorizations = engine.getAuthorizationService();
    saveMissing(authorizations, grants);
    // Every user may read the shared task lists; what they list is still cut by task permissions.
    Set<String> readable = authorizations.createAuthorizationQuery()
        .resourceType(Resources.FILTER).authorizationType(AUTH_TYPE_GLOBAL).list().stream()
        .map(Authorization::getResourceId).collect(Collectors.toSet());
    for (Filter filter : engine.getFilterService().createFilterQuery().list()) {
      if (!readable.contains(filter.getId())) {
        Authorization global = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
        global.setUserId(ANY);
        global.setResource(Resources.FILTER);
        global.setResourceId(filter.getId());
        global.addPermission(Permissions.READ);
        authorizations.saveAuthorization(global);
      }
    }
  }

  /** A group's grant on one resource: the engine keeps one per group, resource and id. */
  private record Grant(String group, Resource resource, String resourceId) {

    boolean matches(Authorization authorization) {
      return group.equals(authorization.getGroupId())
          && resource.resourceType() == authorization.getResourceType()
          && resourceId.equals(authorization.getResourceId());
    }
  }

  private static void grant(Map<Grant, Set<Permission>> grants, String group, Resource resource,
      String resourceId, Permission permission) {
    grants.computeIfAbsent(new Grant(group, resource, resourceId), grant -> new LinkedHashSet<>())
        .add(permission);
  }

  /** Adds what is missing to the grants that exist, in one query, and makes the others. */
  private static void saveMissing(AuthorizationService authorizations,
      Map<Grant, Set<Permission>> grants) {
    List<Authorization> existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(grants.keySet().stream().map(Grant::group).distinct().toArray(String[]::new))
        .list();
    grants.forEach((grant, permissions) -> {
      Authorization authorization = existing.stream().filter(grant::matches).findFirst()
          .orElse(null);
      List<Permission> missing = permissions.stream()
          .filter(permission -> authorization == null
              || !authorization.isPermissionGranted(permission))
          .toList();
      if (missing.isEmpty()) {
        return;
      }
      Authorization saved = authorization != null ? authorization
          : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      saved.setGroupId(grant.group());
      saved.setResource(grant.resource());
      saved.setResourceId(grant.resourceId());
      missing.forEach(saved::addPermission);
      authorizations.saveAuthorization(saved);
    });
  }
}
