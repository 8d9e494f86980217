package pk.hifazat.reporting;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Follows every user task of every pathway into the task facts. */
class TaskFactParseListener extends AbstractBpmnParseListener {

  private final Supplier<TaskFacts> facts;

  TaskFactParseListener(Supplier<TaskFacts> facts) {
    this.facts = facts;
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    TaskDefinition task =
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
    task.addTaskListener(TaskListener.EVENTNAME_CREATE,
        (TaskListener) delegate -> facts.get().created(delegate));
    task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT,
        (TaskListener) delegate -> facts.get().assigned(delegate));
    task.addTaskListener(TaskListener.EVENTNAME_UPDATE,
        (TaskListener) delegate -> facts.get().dueDateChanged(delegate));
    task.addTaskListener(TaskListener.EVENTNAME_COMPLETE,
        (TaskListener) delegate -> facts.get().completed(delegate));
    task.addTaskListener(TaskListener.EVENTNAME_DELETE,
        (TaskListener) delegate -> facts.get().deleted(delegate));
  }
}
