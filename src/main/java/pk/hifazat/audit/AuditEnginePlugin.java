package pk.hifazat.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pk.hifazat.support.ParseListenerPlugin;

/**
 * Audits changes to cases made through the engine: task completions and stopped cases from the
 * models, and every user operation the engine logs (OperationLogAudit), beside the engine's own
 * history handler.
 */
@Component
class AuditEnginePlugin extends ParseListenerPlugin {

  private final ObjectProvider<AuditLog> audit;

  AuditEnginePlugin(ObjectProvider<AuditLog> audit) {
    super(() -> new CaseChangeParseListener(once(audit)));
    this.audit = audit;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    super.preInit(configuration);
    // Added to the list, never replacing it: other custom handlers and the engine's own
    // database handler (enableDefaultDbHistoryEventHandler) keep running.
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new OperationLogAudit(once(audit)));
    configuration.setCustomHistoryEventHandlers(handlers);
  }
}
