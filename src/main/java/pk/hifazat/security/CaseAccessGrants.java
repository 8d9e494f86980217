package pk.hifazat.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.area.RoutingVariables;

/**
 * When a process of a case starts, the case's district (its female officers only, for a girl:
 * R-GIRL-FEMALE-CARE) and its supervisors may read it and its history, the province's managers
 * and national managers while it runs, in Cockpit and the engine REST API alike; nobody else can,
 * whatever id they guess.
 */
final class CaseAccessGrants {

  private CaseAccessGrants() {}

  static void grantFor(DelegateExecution instance) {
    String province = RoutingVariables.PROVINCE.from(instance);
    String district = RoutingVariables.DISTRICT.from(instance);
    if (province == null || district == null) {
      return;
    }
    Set<String> readers = new LinkedHashSet<>();
    readers.add(AreaGroups.officersOf(RoutingVariables.CHILD_SEX.from(instance), province,
        district));
    readers.add(AreaGroups.supervisors(province, district));
    CommandContext command = Context.getCommandContext();
    for (String group : readers) {
      save(command, group, Resources.PROCESS_INSTANCE, instance.getProcessInstanceId(),
          Permissions.READ);
      AuthorizationEntity history = save(command, group, Resources.HISTORIC_PROCESS_INSTANCE,
          instance.getProcessInstanceId(), HistoricProcessInstancePermissions.READ);
      belongToTheCasesHistory(history, (ExecutionEntity) instance);
    }
    // Managers follow the running case; its history, which holds every variable's value (the
    // screening notes, the child's own words), stays with its officers and supervisors.
    for (String group : List.of(AreaGroups.managers(province), AreaGroups.NATIONAL_MANAGERS)) {
      save(command, group, Resources.PROCESS_INSTANCE, instance.getProcessInstanceId(),
          Permissions.READ);
    }
  }

  /**
   * The district's supervisors see and may work each task of its cases, and may hand it to
   * another of the people the pathway routes it to (only supervisors reassign: the engine's door
   * guard checks who receives it, R-GIRL-FEMALE-CARE).
   */
  static void grantSupervisors(DelegateTask task) {
    String province = RoutingVariables.PROVINCE.from(task);
    String district = RoutingVariables.DISTRICT.from(task);
    if (province == null || district == null) {
      return;
    }
    String supervisors = AreaGroups.supervisors(province, district);
    if (task.getCandidates().stream().anyMatch(link -> supervisors.equals(link.getGroupId()))) {
      return; // their own task: the engine grants its candidates already
    }
    AuthorizationEntity grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
    grant.setGroupId(supervisors);
    grant.setResource(Resources.TASK);
    grant.setResourceId(task.getId());
    grant.addPermission(Permissions.READ);
    grant.addPermission(TaskPermissions.READ_VARIABLE);
    grant.addPermission(TaskPermissions.TASK_WORK);
    grant.addPermission(TaskPermissions.TASK_ASSIGN);
    CommandContext command = Context.getCommandContext();
    command.runWithoutAuthorization(() -> {
      command.getAuthorizationManager().insert(grant);
      return null;
    });
  }

  /** Written as the engine's own bookkeeping, not as a change the officer is authorized for. */
  private static AuthorizationEntity save(CommandContext command, String group, Resource resource,
      String id, Permission permission) {
    AuthorizationEntity grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(id);
    grant.addPermission(permission);
    command.runWithoutAuthorization(() -> {
      command.getAuthorizationManager().insert(grant);
      return null;
    });
    return grant;
  }

  /**
   * A grant on a case's history lives as long as that history: tied to the case's root process,
   * the engine stamps it with the history's removal time when the case ends and its history
   * cleanup removes both together, as it does for the grants it writes itself. Nothing is left
   * behind for closed work.
   */
  private static void belongToTheCasesHistory(AuthorizationEntity grant,
      ExecutionEntity instance) {
    grant.setRootProcessInstanceId(instance.getRootProcessInstanceId());
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    if (ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START
        .equals(configuration.getHistoryRemovalTimeStrategy())) {
      HistoricProcessInstanceEventEntity root = Context.getCommandContext().getDbEntityManager()
          .selectById(HistoricProcessInstanceEventEntity.class,
              instance.getRootProcessInstanceId());
      grant.setRemovalTime(root == null ? null : root.getRemovalTime());
    }
  }
}
