package pk.hifazat.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.DeploymentQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ResourceDefinition;

/**
 * The deployed pathways, read inside an engine command so a check within a deployment sees the
 * versions before it.
 */
final class EngineLibrary implements PathwayLibrary {

  private final CommandContext context;
  /** The guard and the diff both read the version before: it is fetched once per check. */
  private final Map<String, Optional<byte[]>> processModels = new HashMap<>();

  EngineLibrary(CommandContext context) {
    this.context = context;
  }

  /**
   * Which deployments there are: how many, and the newest. Every latest version a check reads
   * comes from them, so the same answer before and after means the same versions.
   */
  String version() {
    long count = context.getDeploymentManager()
        .findDeploymentCountByQueryCriteria(new DeploymentQueryImpl());
    DeploymentQueryImpl newestFirst = new DeploymentQueryImpl();
    newestFirst.orderByDeploymentTime().desc().orderByDeploymentId().desc();
    List<Deployment> newest = context.getDeploymentManager()
        .findDeploymentsByQueryCriteria(newestFirst, new Page(0, 1));
    return count + "/" + (newest.isEmpty() ? "" : newest.get(0).getId());
  }

  @Override
  public boolean hasProcess(String key) {
    return context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null;
  }

  @Override
  public boolean hasDecision(String key) {
    return context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null;
  }

  @Override
  public boolean hasForm(String formId) {
    return context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null;
  }

  @Override
  public Optional<byte[]> latestProcessModel(String key) {
    return processModels.computeIfAbsent(key, process -> resource(
        context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(process)));
  }

  @Override
  public Optional<byte[]> latestDecisionModel(String key) {
    return resource(context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key));
  }

  @Override
  public Optional<byte[]> latestForm(String formId) {
    return resource(context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId));
  }

  private Optional<byte[]> resource(ResourceDefinition definition) {
    if (definition == null) {
      return Optional.empty();
    }
    ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(
        definition.getDeploymentId(), definition.getResourceName());
    return Optional.ofNullable(resource).map(ResourceEntity::getBytes);
  }
}
