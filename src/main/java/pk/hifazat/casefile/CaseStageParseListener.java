package pk.hifazat.casefile;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import pk.hifazat.support.ModelElementListener;

/** Records the case's stage when an element declaring {@code case.stage} starts. */
class CaseStageParseListener extends ModelElementListener {

  static final String STAGE_PROPERTY = "case.stage";

  private final Supplier<CaseStages> stages;

  CaseStageParseListener(Supplier<CaseStages> stages) {
    this.stages = stages;
  }

  @Override
  protected void parseActivity(Element element, ActivityImpl activity) {
    String stage = extensionProperties(element).get(STAGE_PROPERTY);
    if (stage == null || stage.isBlank()) {
      return;
    }
    activity.addListener(ExecutionListener.EVENTNAME_START,
        (ExecutionListener) execution -> stages.get().enter(execution, stage.trim()));
  }
}
