package pk.hifazat.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.area.CaseMoved;

/**
 * R-TRANSFER: the engine's grants follow a transferred case. The receiving district (its female
 * officers only, for a girl: R-GIRL-FEMALE-CARE) and its supervisors read the case and all its
 * history, and its supervisors work its open tasks; the receiving province's managers follow it.
 * The sending district keeps what it did, not what follows: the history of the processes that
 * had ended and of each task it completed, but not the running processes, their variables to
 * come, nor any task from now on.
 */
@Component
class CaseAccessMove {

  @EventListener
  void on(CaseMoved moved) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      throw new IllegalStateException("A case moves inside the engine command that accepts it");
    }
    command.runWithoutAuthorization(() -> {
      move(command, moved);
      return null;
    });
  }

  private void move(CommandContext command, CaseMoved moved) {
    var configuration = command.getProcessEngineConfiguration();
    AuthorizationService authorizations = configuration.getAuthorizationService();
    List<HistoricProcessInstance> instances = configuration.getHistoryService()
        .createHistoricProcessInstanceQuery().processInstanceBusinessKey(moved.caseNumber())
        .list();
    List<String> former = List.of(moved.formerOfficers(), moved.formerSupervisors());
    List<String> receiving = List.of(moved.officers(), moved.supervisors());
    for (HistoricProcessInstance instance : instances) {
      boolean running = instance.getEndTime() == null;
      for (String group : receiving) {
        grant(command, group, Resources.HISTORIC_PROCESS_INSTANCE, instance.getId(),
            HistoricProcessInstancePermissions.READ, instance.getRootProcessInstanceId());
      }
      if (!running) {
        continue; // ended before the move: the sending district keeps the history of its work
      }
      for (String group : receiving) {
        grant(command, group, Resources.PROCESS_INSTANCE, instance.getId(), Permissions.READ,
            null);
      }
      revoke(authorizations, former, Resources.PROCESS_INSTANCE, instance.getId());
      revoke(authorizations, former, Resources.HISTORIC_PROCESS_INSTANCE, instance.getId());
      if (moved.provinceChanged()) {
        grant(command, AreaGroups.managers(moved.toProvince()), Resources.PROCESS_INSTANCE,
            instance.getId(), Permissions.READ, null);
        revoke(authorizations, List.of(AreaGroups.managers(moved.fromProvince())),
            Resources.PROCESS_INSTANCE, instance.getId());
      }
      for (HistoricTaskInstance done : configuration.getHistoryService()
          .createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).finished()
          .list()) {
        for (String group : former) {
          grant(command, group, Resources.HISTORIC_TASK, done.getId(),
              HistoricTaskPermissions.READ, instance.getRootProcessInstanceId());
        }
      }
    }
    for (Task task : configuration.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(moved.caseNumber()).list()) {
      if (task instanceof TaskEntity entity && entity.isDeleted()) {
        continue;
      }
      for (Resource resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
        for (Authorization grant : authorizations.createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT).resourceType(resource).resourceId(task.getId())
            .list()) {
          if (heldInTheSendingDistrict(grant, moved)) {
            authorizations.deleteAuthorization(grant.getId());
          }
        }
      }
      if (task.getExecutionId() != null) {
        CaseAccessGrants.grantSupervisors(entity(command, task));
      }
    }
  }

  /**
   * A grant on an open task that stays behind: the engine's own grants to the sending district's
   * groups and to the people who held the task there (its assignee, its owner).
   */
  private static boolean heldInTheSendingDistrict(Authorization grant, CaseMoved moved) {
    return grant.getUserId() != null
        || !moved.movedGroup(grant.getGroupId()).equals(grant.getGroupId());
  }

  private static TaskEntity entity(CommandContext command, Task task) {
    return command.getTaskManager().findTaskById(task.getId());
  }

  /** Adds the permission to the group's grant on the resource, or writes that grant. */
  private static void grant(CommandContext command, String group, Resource resource, String id,
      Permission permission, String rootProcessInstanceId) {
    AuthorizationService authorizations =
        command.getProcessEngineConfiguration().getAuthorizationService();
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource)
        .resourceId(id).singleResult();
    if (existing != null) {
      if (!existing.isPermissionGranted(permission)) {
        existing.addPermission(permission);
        command.getAuthorizationManager().update((AuthorizationEntity) existing);
      }
      return;
    }
    AuthorizationEntity grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(id);
    grant.addPermission(permission);
    if (rootProcessInstanceId != null) {
      // Removed with the case's history, as the engine's own grants are: a history that has
      // ended carries its removal time already, and a running one gets it when it ends.
      grant.setRootProcessInstanceId(rootProcessInstanceId);
      HistoricProcessInstanceEventEntity root = command.getDbEntityManager()
          .selectById(HistoricProcessInstanceEventEntity.class, rootProcessInstanceId);
      grant.setRemovalTime(root == null ? null : root.getRemovalTime());
    }
    command.getAuthorizationManager().insert(grant);
  }

  private static void revoke(AuthorizationService authorizations, List<String> groups,
      Resource resource, String id) {
    List<Authorization> grants = new ArrayList<>(authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groups.toArray(String[]::new))
        .resourceType(resource).resourceId(id).list());
    grants.forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
  }
}
