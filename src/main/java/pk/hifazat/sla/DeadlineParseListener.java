package pk.hifazat.sla;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import pk.hifazat.support.ModelElementListener;

/**
 * Starts a clock when an element declaring {@code sla.*} properties starts and stops it when the
 * element ends, so a new model version carries its own deadlines without a Java change.
 */
class DeadlineParseListener extends ModelElementListener {

  private final Supplier<DeadlineClocks> clocks;

  DeadlineParseListener(Supplier<DeadlineClocks> clocks) {
    this.clocks = clocks;
  }

  @Override
  protected void parseActivity(Element element, ActivityImpl activity) {
    DeadlineDeclaration declaration =
        DeadlineDeclaration.fromProperties(activity.getId(), extensionProperties(element));
    if (declaration == null) {
      return;
    }
    activity.addListener(ExecutionListener.EVENTNAME_START,
        (ExecutionListener) execution -> clocks.get().start(execution, declaration));
    activity.addListener(ExecutionListener.EVENTNAME_END,
        (ExecutionListener) execution -> clocks.get().stop(execution, declaration));
  }
}
