package pk.hifazat.outbox;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Teaches the engine the outbox's jobs and how to retry them. */
@Component
class OutboxEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<OwedWork> work;

  OutboxEnginePlugin(ObjectProvider<OwedWork> work) {
    this.work = work;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    // The kinds of work are beans that may need the engine, so they are looked up when run.
    configuration.getCustomJobHandlers().add(
        new OutboxJobHandler(() -> work.orderedStream().toList()));
    configuration.setFailedJobCommandFactory(OutboxRetry.factory());
  }
}
