package pk.hifazat.security;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Grants access to each case's process instances as they start, and to its tasks. */
class CaseAccessParseListener extends AbstractBpmnParseListener {

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
        .addTaskListener(TaskListener.EVENTNAME_CREATE,
            (TaskListener) CaseAccessGrants::grantSupervisors);
  }

  @Override
  public void parseProcess(Element element, ProcessDefinitionEntity processDefinition) {
    processDefinition.addListener(ExecutionListener.EVENTNAME_START,
        (ExecutionListener) CaseAccessGrants::grantFor);
  }
}
