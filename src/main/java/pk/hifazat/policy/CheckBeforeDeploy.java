package pk.hifazat.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import pk.hifazat.checks.CheckReport;
import pk.hifazat.checks.PathwayChecks;
import pk.hifazat.checks.PathwayFiles;

/**
 * Runs the checks on every new deployment before the engine's own deployers, so no door can
 * skip them: a refused deployment throws, its transaction is rolled back and running cases see
 * nothing of it. An accepted one is recorded with what it changed.
 */
class CheckBeforeDeploy implements Deployer {

  private final PathwayChecks checks;
  private final PathwayDeploymentRecords records;
  private final FolderCheckedAhead ahead;

  CheckBeforeDeploy(PathwayChecks checks, PathwayDeploymentRecords records,
      FolderCheckedAhead ahead) {
    this.checks = checks;
    this.records = records;
    this.ahead = ahead;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    // Deployers also run when the engine reloads an old deployment into its cache: only a new
    // deployment is a change.
    if (!deployment.isNew()) {
      return;
    }
    // Every resource, not only the pathway files: anything else (a CMMN case, a script) is
    // refused by name rather than deployed unchecked.
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      files.put(resource.getName(), resource.getBytes());
    }
    if (files.isEmpty()) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    PathwayFiles pathway = PathwayFiles.of(files);
    CheckReport report = ahead.reportFor(pathway, context)
        .orElseGet(() -> checks.check(pathway, context, configuration));
    String user = context.getAuthenticatedUserId();
    if (!report.accepted()) {
      records.refused(deployment.getSource(), user, files.keySet(), report);
      throw new PathwayRefused(report.findings());
    }
    records.deployed(deployment.getId(), deployment.getSource(), user, files.keySet(), report);
  }
}
