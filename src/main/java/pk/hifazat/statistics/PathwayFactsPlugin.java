package pk.hifazat.statistics;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Lets the statistics keep their copy of the pathways' facts beside the engine's history. */
@Component
class PathwayFactsPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<PathwayFacts> facts;

  PathwayFactsPlugin(ObjectProvider<PathwayFacts> facts) {
    this.facts = facts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Added to the list, never replacing it: the engine's own database handler keeps running.
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    PathwayFacts.Named[] named = new PathwayFacts.Named[1];
    handlers.add(new PathwayFactRecorder(() -> {
      if (named[0] == null) {
        named[0] = facts.getObject().named();
      }
      return named[0];
    }));
    configuration.setCustomHistoryEventHandlers(handlers);
  }
}
