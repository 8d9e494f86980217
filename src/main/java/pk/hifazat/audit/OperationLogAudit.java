package pk.hifazat.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceEntity;

/**
 * Copies each entry of the engine's user operation log into the audit trail, in the same
 * transaction: whatever the door (engine REST, the webapps, our API, the Java API), a change
 * made by a user is there with who, when, the case and the source address. Values are shown only
 * for properties that cannot carry a child's details; of a variable, only its name
 * (R-NO-DISCLOSURE).
 */
class OperationLogAudit implements HistoryEventHandler {

  /** Properties whose old and new values are ids, dates, numbers or flags. */
  private static final Set<String> SHOWN_VALUES = Set.of("assignee", "owner", "delegation",
      "candidate", "userId", "groupId", "dueDate", "duedate", "followUpDate", "priority",
      "retries", "suspensionState", "async", "cascade", "mode", "nrOfInstances",
      "nrOfVariables", "nrOfSetVariables", "processDefinitionId", "processDefinitionKey",
      "processDefinitionVersion", "processInstanceId", "deployChangedOnly",
      "duplicateFilterEnabled", "immediatelyDue", "incidentType", "type", "resource",
      "resourceId", "permissions", "tenantId", "historyTimeToLive", "removalTime",
      "decisionDefinitionId", "decisionDefinitionKey", "parentTask", "includeJobs",
      "includeProcessInstances", "jobDefinitionId");

  /** Names of the variables changed in each user operation of the command on this thread. */
  private static final ThreadLocal<Map<String, Set<String>>> VARIABLES = new ThreadLocal<>();

  private final Supplier<AuditLog> audit;

  OperationLogAudit(Supplier<AuditLog> audit) {
    this.audit = audit;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable
        && variable.getUserOperationId() != null) {
      remember(variable.getUserOperationId(), variable.getVariableName());
    } else if (event instanceof UserOperationLogEntryEventEntity entry
        && entry.getUserId() != null && !alreadyAudited(entry)) {
      audit.get().record(entry.getUserId(), action(entry.getEntityType()),
          caseNumber(entry.getProcessInstanceId()), detail(entry));
    }
  }

  @Override
  public void handleEvents(java.util.List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  /** A completed task is audited by the task's own listener (CaseChangeParseListener). */
  private static boolean alreadyAudited(UserOperationLogEntryEventEntity entry) {
    return EntityTypes.TASK.equals(entry.getEntityType())
        && UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType());
  }

  static AuditAction action(String entityType) {
    if (entityType == null) {
      return AuditAction.ENGINE_CHANGED;
    }
    return switch (entityType) {
      case EntityTypes.TASK, EntityTypes.IDENTITY_LINK, EntityTypes.ATTACHMENT,
           EntityTypes.COMMENT -> AuditAction.TASK_CHANGED;
      case EntityTypes.VARIABLE -> AuditAction.VARIABLE_CHANGED;
      case EntityTypes.JOB, EntityTypes.JOB_DEFINITION -> AuditAction.JOB_CHANGED;
      case EntityTypes.PROCESS_INSTANCE, EntityTypes.PROCESS_DEFINITION ->
          AuditAction.PROCESS_CHANGED;
      case EntityTypes.DEPLOYMENT -> AuditAction.DEPLOYMENT_CHANGED;
      case EntityTypes.USER, EntityTypes.GROUP, EntityTypes.GROUP_MEMBERSHIP, EntityTypes.TENANT,
           EntityTypes.TENANT_MEMBERSHIP, EntityTypes.AUTHORIZATION ->
          AuditAction.ACCOUNT_CHANGED;
      default -> AuditAction.ENGINE_CHANGED;
    };
  }

  private static String detail(UserOperationLogEntryEventEntity entry) {
    StringBuilder detail = new StringBuilder()
        .append(entry.getOperationType()).append(' ').append(entry.getEntityType());
    if (EntityTypes.VARIABLE.equals(entry.getEntityType())) {
      Set<String> names = variablesOf(entry.getOperationId());
      if (!names.isEmpty()) {
        detail.append(' ').append(String.join(", ", names));
      }
    } else if (entry.getProperty() != null) {
      detail.append(' ').append(entry.getProperty());
      if (SHOWN_VALUES.contains(entry.getProperty())) {
        detail.append(": ").append(entry.getOrgValue()).append(" -> ")
            .append(entry.getNewValue());
      }
    }
    Map<String, String> about = new LinkedHashMap<>();
    about.put("task", entry.getTaskId());
    about.put("job", entry.getJobId());
    about.put("jobDefinition", entry.getJobDefinitionId());
    about.put("deployment", entry.getDeploymentId());
    about.put("process", entry.getProcessDefinitionKey());
    about.put("instance", entry.getProcessInstanceId());
    about.put("operation", entry.getOperationId());
    detail.append(" (");
    String separator = "";
    for (Map.Entry<String, String> id : about.entrySet()) {
      if (id.getValue() != null) {
        detail.append(separator).append(id.getKey()).append(' ').append(id.getValue());
        separator = ", ";
      }
    }
    return detail.append(')').toString();
  }

  /** The case a process instance belongs to: its business key, running or finished. */
  private static String caseNumber(String processInstanceId) {
    CommandContext command = Context.getCommandContext();
    if (processInstanceId == null || command == null) {
      return null;
    }
    ExecutionEntity instance = command.getExecutionManager().findExecutionById(processInstanceId);
    if (instance != null) {
      return instance.getBusinessKey();
    }
    HistoricProcessInstanceEntity finished = command.getHistoricProcessInstanceManager()
        .findHistoricProcessInstance(processInstanceId);
    return finished == null ? null : finished.getBusinessKey();
  }

  private static void remember(String operationId, String variableName) {
    Map<String, Set<String>> byOperation = VARIABLES.get();
    if (byOperation == null) {
      CommandContext command = Context.getCommandContext();
      if (command == null) {
        return;
      }
      byOperation = new LinkedHashMap<>();
      VARIABLES.set(byOperation);
      command.registerCommandContextListener(new CommandContextListener() {
        @Override
        public void onCommandContextClose(CommandContext context) {
          VARIABLES.remove();
        }

        @Override
        public void onCommandFailed(CommandContext context, Throwable failure) {
          VARIABLES.remove();
        }
      });
    }
    byOperation.computeIfAbsent(operationId, id -> new TreeSet<>()).add(variableName);
  }

  private static Set<String> variablesOf(String operationId) {
    Map<String, Set<String>> byOperation = VARIABLES.get();
    Set<String> names = byOperation == null || operationId == null ? null
        : byOperation.get(operationId);
    return names == null ? Set.of() : names;
  }
}
