package pk.hifazat.sla;

import java.util.ArrayList;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pk.hifazat.support.EngineAsSystem;

/**
 * Lets migrations of running cases, by any door (our API, the engine REST API), carry the deadline clocks along:
 * {@link ClockRealignment} hears each migrated activity instance in the engine's history stream,
 * which needs history level {@code activity} or above ({@code full} here).
 */
@Component
class ClockRealignmentPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<HistoryService> history;
  private final ObjectProvider<EngineAsSystem> system;
  private final JdbcClient jdbc;

  ClockRealignmentPlugin(ObjectProvider<HistoryService> history,
      ObjectProvider<EngineAsSystem> system, JdbcClient jdbc) {
    this.history = history;
    this.system = system;
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers()
        .add(new ClockRealignment(history::getObject, system::getObject, jdbc));
  }
}
