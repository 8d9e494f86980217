package pk.hifazat.policy;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pk.hifazat.checks.PathwayChecks;

/** Puts the pathway checks in front of the engine's deployers. */
@Component
class PolicyEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<PathwayChecks> checks;
  private final ObjectProvider<PathwayDeploymentRecords> records;
  private final ObjectProvider<FolderCheckedAhead> ahead;

  PolicyEnginePlugin(ObjectProvider<PathwayChecks> checks,
      ObjectProvider<PathwayDeploymentRecords> records, ObjectProvider<FolderCheckedAhead> ahead) {
    this.checks = checks;
    this.records = records;
    this.ahead = ahead;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    // Beans are looked up at the first deployment: they need the engine being built here.
    configuration.getCustomPreDeployers().add(deployment ->
        new CheckBeforeDeploy(checks.getObject(), records.getObject(), ahead.getObject())
            .deploy(deployment));
  }
}
