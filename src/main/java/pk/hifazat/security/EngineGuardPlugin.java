package pk.hifazat.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;
import pk.hifazat.support.BodyLimits;
import pk.hifazat.support.SupportSettings;

/**
 * Puts the case rules where every door meets, inside the engine: the routing variables, the hands
 * a task may be in, statutory due dates and job operations are checked in the engine's own
 * command, so engine REST, the webapps, our API and the Java API all get the same answer.
 */
@Component
class EngineGuardPlugin extends AbstractProcessEnginePlugin {

  private final BodyLimits limits;

  EngineGuardPlugin(SupportSettings settings) {
    this.limits = settings.limits();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new EngineDoorGuard(limits.files().toBytes()));
    configuration.setManagementService(new JobsForAdministrators(configuration));
    configuration.setDelegateInterceptor(new FormInputMarking(
        configuration.getDelegateInterceptor() != null ? configuration.getDelegateInterceptor()
            : new DefaultDelegateInterceptor()));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // The guard reads the engine's history events: a history level without them would turn it off.
    if (!configuration.getHistoryLevel().isHistoryEventProduced(
        HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, null)) {
      throw new IllegalStateException("camunda.bpm.history-level must be 'full' (or 'audit'):"
          + " the rules on routing variables and task assignment are checked on history events");
    }
  }
}
