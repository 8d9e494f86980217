package pk.hifazat.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the engine's own database history handler in its place among the handlers, without the
 * events a {@link HistoryLeftOut} leaves out: the other handlers (audit, statistics) still see
 * every event.
 */
@Component
class DatabaseHistoryPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<HistoryLeftOut> leftOut;

  DatabaseHistoryPlugin(ObjectProvider<HistoryLeftOut> leftOut) {
    this.leftOut = leftOut;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!configuration.isEnableDefaultDbHistoryEventHandler()) {
      return;
    }
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new DatabaseHistory(new DbHistoryEventHandler(),
        leftOut.orderedStream().toList()));
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** The engine's database handler, given only the events nothing leaves out. */
  record DatabaseHistory(HistoryEventHandler database, List<HistoryLeftOut> leftOut)
      implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      for (HistoryLeftOut rule : leftOut) {
        if (rule.leavesOut(event)) {
          return;
        }
        if (rule.keeps(event)) {
          break;
        }
      }
      database.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
