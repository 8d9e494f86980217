package pk.hifazat.policy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import pk.hifazat.checks.CheckReport;
import pk.hifazat.checks.PathwayChecks;
import pk.hifazat.checks.PathwayFiles;

/**
 * Checks the pathway folders on a thread of their own while the rest of the service starts. The
 * checks are most of what the folder deployment costs, and the engine can answer them as soon as
 * it is built, seconds before the service is up. The folder deployment then takes this report if
 * it deploys the very same files onto the very same deployed versions; anything else, through any
 * door, is checked as it is deployed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FolderCheckedAhead extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(FolderCheckedAhead.class);
  /** How long a deployment waits for the check under way before it checks again itself. */
  private static final Duration WAIT = Duration.ofMinutes(2);

  private final PathwayFolders folders;
  private final ObjectProvider<PathwayChecks> checks;
  private volatile Ahead ahead;

  /** A report and the deployed versions it compared the files with. */
  private record Checked(String libraryVersion, CheckReport report) {}

  /** Checked is empty when the engine will find the files deployed already and not deploy. */
  private record Ahead(PathwayFiles files, CompletableFuture<Optional<Checked>> checked) {}

  FolderCheckedAhead(PolicySettings settings, ObjectProvider<PathwayChecks> checks) {
    this.folders = new PathwayFolders(settings);
    this.checks = checks;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    PathwayFiles files;
    try {
      files = folders.read();
    } catch (UncheckedIOException unreadable) {
      // The folder deployment reads them again and says what is wrong.
      return;
    }
    if (files.isEmpty()) {
      return;
    }
    PathwayChecks pathwayChecks = checks.getObject();
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    CompletableFuture<Optional<Checked>> checked = new CompletableFuture<>();
    ahead = new Ahead(files, checked);
    Thread checking = new Thread(() -> {
      long began = System.nanoTime();
      try {
        checked.complete(configuration.getCommandExecutorTxRequired().execute(context ->
            deployedAlready(files, context) ? Optional.empty()
                : Optional.of(new Checked(pathwayChecks.libraryVersion(context),
                    pathwayChecks.check(files, context, configuration)))));
        LOG.debug("Pathway folders checked ahead in {} ms",
            (System.nanoTime() - began) / 1_000_000);
      } catch (RuntimeException | Error e) {
        checked.completeExceptionally(e);
      }
    }, "pathway-folder-checks");
    checking.setDaemon(true);
    checking.start();
  }

  /**
   * The report made ahead, if these are the files it checked and nothing has been deployed
   * since. Runs in the deployment's command context.
   */
  Optional<CheckReport> reportFor(PathwayFiles files, CommandContext context) {
    Ahead current = ahead;
    if (current == null || !current.files().sameAs(files)) {
      return Optional.empty();
    }
    Optional<Checked> checked;
    try {
      checked = current.checked().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("The pathway folders' checks made ahead are not used: {}", e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    Optional<CheckReport> taken = checked
        .filter(made -> made.libraryVersion().equals(checks.getObject().libraryVersion(context)))
        .map(Checked::report);
    LOG.debug("Pathway folders' checks made ahead {}", taken.isPresent() ? "taken" : "not taken");
    return taken;
  }

  /** Once the folders are deployed, or refused: any later deployment is checked as it comes. */
  void forget() {
    ahead = null;
  }

  /** What the engine's duplicate filter will find unchanged, and so not deploy. */
  private static boolean deployedAlready(PathwayFiles files, CommandContext context) {
    Map<String, ResourceEntity> latest = context.getResourceManager()
        .findLatestResourcesByDeploymentName(PathwayFolderDeployment.NAME, files.names(),
            DeploymentDoor.FOLDER_SOURCE, null);
    return files.names().stream().allMatch(name -> {
      ResourceEntity deployed = latest.get(name);
      return deployed != null && !deployed.isGenerated()
          && Arrays.equals(deployed.getBytes(), files.bytes(name));
    });
  }
}
