package pk.hifazat.forms;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/** Adds the form check to every user task that has a Camunda Form ({@code camunda:formRef}). */
class CompletionFormCheckParseListener extends AbstractBpmnParseListener {

  private static final Namespace CAMUNDA = new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS);

  private final Supplier<CompletionFormCheck> check;

  CompletionFormCheckParseListener(Supplier<CompletionFormCheck> check) {
    this.check = check;
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (element.attributeNS(CAMUNDA, "formRef") == null) {
      return;
    }
    // First of the task's listeners: the pathway's own listeners read the values only once
    // the form has accepted them (an amount as text would fail them as a server error).
    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
            (TaskListener) task -> check.get().check(task));
  }
}
