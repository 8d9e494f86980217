package pk.hifazat.tasklist;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pk.hifazat.casefile.CaseFiles;
import pk.hifazat.support.ParseListenerPlugin;

/**
 * Puts the case's card on every task (case number, child, district, stage), and keeps the cards
 * out of the engine's database history ({@link CardsKeptOutOfHistory}).
 */
@Component
class TasklistEnginePlugin extends ParseListenerPlugin {

  TasklistEnginePlugin(ObjectProvider<CaseFiles> files) {
    super(() -> new TaskCardParseListener(caseNumber -> files.getObject().find(caseNumber)));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    super.preInit(configuration);
    if (!configuration.isEnableDefaultDbHistoryEventHandler()) {
      return;
    }
    // The engine's own database handler, in the list in its place: the other handlers (audit,
    // statistics) still see every event.
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new CardsKeptOutOfHistory(new DbHistoryEventHandler()));
    configuration.setCustomHistoryEventHandlers(handlers);
  }
}
