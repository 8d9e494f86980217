package pk.hifazat.policy;

import java.io.ByteArrayInputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pk.hifazat.checks.PathwayFiles;

/**
 * Deploys what changed in the configured {@code processes/} and {@code forms/} folders when the
 * service starts, through the same checks as every other door. A refused change is logged and
 * recorded, and the service goes on with the versions already deployed: a bad commit must not
 * leave running cases unwatched.
 */
@Component
class PathwayFolderDeployment {

  /** Duplicate filtering compares with earlier deployments of this name only. */
  static final String NAME = "hifazat-pathway-folders";

  private static final Logger LOG = LoggerFactory.getLogger(PathwayFolderDeployment.class);

  private final RepositoryService repository;
  private final PathwayFolders folders;
  private final FolderCheckedAhead ahead;

  PathwayFolderDeployment(RepositoryService repository, PolicySettings settings,
      FolderCheckedAhead ahead) {
    this.repository = repository;
    this.folders = new PathwayFolders(settings);
    this.ahead = ahead;
  }

  @EventListener(ApplicationStartedEvent.class)
  void deployChangedPathways() {
    try {
      PathwayFiles files = folders.read();
      if (files.isEmpty()) {
        LOG.warn("No pathway files in {}", folders);
        return;
      }
      DeploymentBuilder deployment = repository.createDeployment()
          .name(NAME)
          .source(DeploymentDoor.FOLDER_SOURCE)
          .enableDuplicateFiltering(true);
      for (String name : files.names()) {
        deployment.addInputStream(name, new ByteArrayInputStream(files.bytes(name)));
      }
      deployment.deploy();
    } catch (PathwayRefused refused) {
      LOG.error("Pathway folders not deployed; the versions deployed before stay in use. {}",
          refused.getMessage());
    } finally {
      ahead.forget();
    }
  }
}
