package pk.hifazat.support;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the engine's decision engine the FEEL engine that parses each expression once. */
@Component
class ParsedFeelPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return; // the legacy FEEL engine is another engine, left as it is
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration();
    if (dmn.getFeelEngineFactory() != null) {
      return;
    }
    // Made when the decision engine is built, once the engine has given it its functions.
    dmn.setFeelEngineFactory(() -> new ParsedFeelEngine(dmn.getFeelCustomFunctionProviders()));
    configuration.setDmnEngineConfiguration(dmn);
  }
}
