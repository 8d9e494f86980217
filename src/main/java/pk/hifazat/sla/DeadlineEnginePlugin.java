package pk.hifazat.sla;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pk.hifazat.support.ParseListenerPlugin;

/**
 * Turns {@code sla.*} properties on model elements into clocks, and escalates a statutory clock
 * whose timer job fails for good.
 */
@Component
class DeadlineEnginePlugin extends ParseListenerPlugin {

  private final ObjectProvider<DeadlineClocks> clocks;

  DeadlineEnginePlugin(ObjectProvider<DeadlineClocks> clocks) {
    super(() -> new DeadlineParseListener(clocks::getObject));
    this.clocks = clocks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    super.preInit(configuration);
    // The engine's own failed-job handler still raises the incident; ours runs beside it.
    configuration.setCompositeIncidentHandlersEnabled(true);
    if (configuration.getCustomIncidentHandlers() == null) {
      configuration.setCustomIncidentHandlers(new ArrayList<>());
    }
    configuration.getCustomIncidentHandlers().add(new FailedTimerEscalation(clocks));
  }
}
