package pk.hifazat.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
  private final Path processes;
  private final Path forms;

  PathwayFolderDeployment(RepositoryService repository, PolicySettings settings) {
    this.repository = repository;
    this.processes = settings.pathways().processes();
    this.forms = settings.pathways().forms();
  }

  @EventListener(ApplicationStartedEvent.class)
  void deployChangedPathways() {
    DeploymentBuilder deployment = repository.createDeployment()
        .name(NAME)
        .source(DeploymentDoor.FOLDER_SOURCE)
        .enableDuplicateFiltering(true);
    int files = add(deployment, processes) + add(deployment, forms);
    if (files == 0) {
      LOG.warn("No pathway files in {} or {}", processes, forms);
      return;
    }
    try {
      deployment.deploy();
    } catch (PathwayRefused refused) {
      LOG.error("Pathway folders not deployed; the versions deployed before stay in use. {}",
          refused.getMessage());
    }
  }

  private static int add(DeploymentBuilder deployment, Path folder) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> files = paths.filter(Files::isRegularFile)
          .filter(path -> PathwayFiles.isPathwayFile(path.getFileName().toString()))
          .sorted().toList();
      for (Path file : files) {
        // Named by their place in the folder, so the same checkout deploys alike wherever it is.
        deployment.addInputStream(folder.relativize(file).toString().replace('\\', '/'),
            new ByteArrayInputStream(Files.readAllBytes(file)));
      }
      return files.size();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read pathway folder " + folder, e);
    }
  }
}
