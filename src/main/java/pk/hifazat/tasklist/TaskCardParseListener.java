package pk.hifazat.tasklist;

import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import pk.hifazat.casefile.CaseFile;

/** Gives every user task of every pathway its case card when it is created. */
class TaskCardParseListener extends AbstractBpmnParseListener {

  private final TaskListener card;

  TaskCardParseListener(Function<String, Optional<CaseFile>> files) {
    this.card = new TaskCard(files);
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
        .addTaskListener(TaskListener.EVENTNAME_CREATE, card);
  }
}
