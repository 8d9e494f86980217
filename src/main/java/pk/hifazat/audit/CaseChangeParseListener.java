package pk.hifazat.audit;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Audits the changes made to a case through any door, Tasklist and Cockpit included: every task
 * completed and every process of a case stopped, with the user the engine knows.
 */
class CaseChangeParseListener extends AbstractBpmnParseListener {

  private final Supplier<AuditLog> audit;

  CaseChangeParseListener(Supplier<AuditLog> audit) {
    this.audit = audit;
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
        .addTaskListener(TaskListener.EVENTNAME_COMPLETE, (TaskListener) this::completed);
  }

  @Override
  public void parseProcess(Element element, ProcessDefinitionEntity processDefinition) {
    processDefinition.addListener(ExecutionListener.EVENTNAME_END,
        (ExecutionListener) this::ended);
  }

  private void completed(DelegateTask task) {
    audit.get().record(engineUser(task.getProcessEngineServices()
            .getIdentityService().getCurrentAuthentication()), AuditAction.TASK_COMPLETED,
        task.getExecution().getProcessBusinessKey(),
        task.getTaskDefinitionKey() + " (" + task.getId() + ")");
  }

  private void ended(DelegateExecution execution) {
    if (execution.isCanceled()) {
      audit.get().record(engineUser(execution.getProcessEngineServices()
              .getIdentityService().getCurrentAuthentication()), AuditAction.CASE_STOPPED,
          execution.getProcessBusinessKey(),
          execution.getProcessDefinitionId() + " (" + execution.getProcessInstanceId() + ")");
    }
  }

  private static String engineUser(Authentication authentication) {
    return authentication == null ? "engine" : authentication.getUserId();
  }
}
