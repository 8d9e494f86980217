package pk.hifazat.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.area.RoutingVariables;

/**
 * Whose hands a case's task may be in, checked by the engine for every change of assignee, owner
 * or candidates, through every door: only the people the pathway routes the task to (for a girl,
 * the district's female officers: R-GIRL-FEMALE-CARE; for a referral, the agency's focal points)
 * and the district's supervisors. Officers take and give back their own tasks; only supervisors
 * (and administrators) hand a task to someone else or change its candidates.
 */
final class TaskHands {

  private TaskHands() {}

  static void check(HistoricIdentityLinkLogEventEntity event, EngineCaller caller) {
    if (event.getTaskId() == null) {
      return;
    }
    CommandContext command = Context.getCommandContext();
    TaskEntity task = command.getTaskManager().findTaskById(event.getTaskId());
    if (task == null || task.getExecution() == null || task.getTaskDefinition() == null) {
      return;
    }
    Routing routing = Routing.of(task);
    boolean adding = "add".equals(event.getOperationType());
    String type = event.getType();
    if (IdentityLinkType.ASSIGNEE.equals(type)) {
      checkAssignee(task, routing, caller, adding, event.getUserId());
    } else if (IdentityLinkType.OWNER.equals(type)) {
      if (adding) {
        requireEligible(routing, task, event.getUserId());
        String handedBy = originalAssignee(task);
        if (!event.getUserId().equals(caller.userId())
            && !event.getUserId().equals(handedBy)) {
          requireSupervisor(routing, task, caller, "make " + event.getUserId() + " its owner");
        }
      }
    } else {
      requireSupervisor(routing, task, caller, "change who may work it");
      if (adding && event.getGroupId() != null && !routing.groups().contains(event.getGroupId())) {
        throw refused(task, routing, "group " + event.getGroupId());
      }
      if (adding && event.getUserId() != null) {
        requireEligible(routing, task, event.getUserId());
      }
    }
  }

  private static void checkAssignee(TaskEntity task, Routing routing, EngineCaller caller,
      boolean adding, String user) {
    String before = originalAssignee(task);
    if (adding) {
      requireEligible(routing, task, user);
      boolean backToOwner = user.equals(task.getOwner());
      boolean takesItHimself = user.equals(caller.userId())
          && (before == null || before.equals(caller.userId()));
      if (!backToOwner && !takesItHimself) {
        requireSupervisor(routing, task, caller, "hand it to " + user);
      }
    } else if (!user.equals(caller.userId()) && task.getAssignee() == null) {
      // Taking a task off someone else's list without giving it to anyone.
      requireSupervisor(routing, task, caller, "take it from " + user);
    }
  }

  private static String originalAssignee(TaskEntity task) {
    PropertyChange change = task.getPropertyChanges().get(TaskEntity.ASSIGNEE);
    return change == null ? task.getAssignee() : change.getOrgValueString();
  }

  private static void requireSupervisor(Routing routing, TaskEntity task, EngineCaller caller,
      String what) {
    if (caller.isAdministrator() || caller.memberOf(routing.supervisors())) {
      return;
    }
    throw new AuthorizationException(caller.userId() + " may not " + what + ": only the "
        + "supervisors of the case's district reassign its task '" + task.getName() + "'");
  }

  private static void requireEligible(Routing routing, TaskEntity task, String user) {
    Set<String> groups = groupsOf(user);
    if (routing.users().contains(user) || groups.stream().anyMatch(routing.groups()::contains)) {
      return;
    }
    throw refused(task, routing, user);
  }

  private static AuthorizationException refused(TaskEntity task, Routing routing, String who) {
    return new AuthorizationException("The task '" + task.getName() + "' of case "
        + task.getExecution().getProcessBusinessKey() + " may only be worked by "
        + String.join(", ", routing.groups())
        + ("F".equals(routing.childSex()) ? " (a girl's case: R-GIRL-FEMALE-CARE)" : "")
        + "; " + who + " is not one of them");
  }

  private static Set<String> groupsOf(String user) {
    CommandContext command = Context.getCommandContext();
    return command.runWithoutAuthorization(() -> {
      Set<String> ids = new LinkedHashSet<>();
      command.getProcessEngineConfiguration().getIdentityService().createGroupQuery()
          .groupMember(user).list().stream().map(Group::getId).forEach(ids::add);
      return ids;
    });
  }

  /**
   * Where the pathway itself sends the task: the groups and users its model names (evaluated now,
   * from variables nobody but the pathway can change) and the district's supervisors.
   */
  record Routing(Set<String> groups, Set<String> users, String supervisors, String childSex) {

    static Routing of(TaskEntity task) {
      ExecutionEntity execution = task.getExecution();
      TaskDefinition definition = task.getTaskDefinition();
      Set<String> groups = new LinkedHashSet<>();
      for (Expression expression : definition.getCandidateGroupIdExpressions()) {
        groups.addAll(values(expression, execution));
      }
      Set<String> users = new LinkedHashSet<>();
      for (Expression expression : definition.getCandidateUserIdExpressions()) {
        users.addAll(values(expression, execution));
      }
      if (definition.getAssigneeExpression() != null) {
        users.addAll(values(definition.getAssigneeExpression(), execution));
      }
      String province = RoutingVariables.PROVINCE.from(execution);
      String district = RoutingVariables.DISTRICT.from(execution);
      String supervisors = province == null || district == null ? null
          : AreaGroups.supervisors(province, district);
      if (supervisors != null) {
        groups.add(supervisors);
      }
      return new Routing(groups, users, supervisors, RoutingVariables.CHILD_SEX.from(execution));
    }

    private static List<String> values(Expression expression, ExecutionEntity execution) {
      Object value = expression.getValue(execution);
      List<String> values = new ArrayList<>();
      if (value instanceof Collection<?> many) {
        many.stream().filter(Objects::nonNull).map(Object::toString).forEach(values::add);
      } else if (value != null) {
        for (String one : value.toString().split(",")) {
          if (!one.isBlank()) {
            values.add(one.trim());
          }
        }
      }
      return values;
    }
  }
}
