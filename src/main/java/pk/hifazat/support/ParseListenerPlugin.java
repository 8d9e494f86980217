package pk.hifazat.support;

import java.util.ArrayList;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * A process engine plugin that adds one parse listener after the engine's own. The listener is
 * built lazily because its Spring collaborators need the engine that is being built.
 */
public abstract class ParseListenerPlugin extends AbstractProcessEnginePlugin {

  private final Supplier<BpmnParseListener> listener;

  protected ParseListenerPlugin(Supplier<BpmnParseListener> listener) {
    this.listener = listener;
  }

  /**
   * A listener's Spring collaborator, looked up when the listener first runs and kept: the
   * listeners run on every task and every step of every case.
   */
  protected static <T> Supplier<T> once(ObjectProvider<T> bean) {
    return SingletonSupplier.of(bean::getObject);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(listener.get());
  }
}
