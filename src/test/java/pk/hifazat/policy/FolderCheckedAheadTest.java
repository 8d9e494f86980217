package pk.hifazat.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import pk.hifazat.HifazatTest;
import pk.hifazat.checks.CheckReport;
import pk.hifazat.checks.PathwayChecks;
import pk.hifazat.checks.PathwayFiles;

/**
 * The pathway folders are checked while the service starts, and the folder deployment takes that
 * report only for the very files it checked on the very versions deployed then; any other
 * deployment is checked as it comes (R-COURT-24H and every other statutory deadline are never
 * deployed unchecked).
 */
@HifazatTest
class FolderCheckedAheadTest {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired PathwayChecks checks;
  @Autowired ApplicationContext context;

  @TempDir Path installation;

  /** A court production model that is not deployed: its order task has another label. */
  private static String productionRelabelled(String label) {
    return PathwayVariants.replaceOnce(PathwayVariants.committed("court-production.bpmn"),
        "name=\"Record the court's order\"", "name=\"" + label + "\"");
  }

  private PathwayFolders folders(String production) throws IOException {
    Path processes = Files.createDirectories(installation.resolve("processes"));
    Path forms = Files.createDirectories(installation.resolve("forms"));
    Files.writeString(processes.resolve("court-production.bpmn"), production);
    Files.copy(Path.of("forms", "record-court-order.form"),
        forms.resolve("record-court-order.form"));
    return new PathwayFolders(settings());
  }

  private PolicySettings settings() {
    return new PolicySettings(new PolicySettings.Pathways(installation.resolve("processes"),
        installation.resolve("forms")));
  }

  private FolderCheckedAhead checkedAtStart() {
    FolderCheckedAhead ahead =
        new FolderCheckedAhead(settings(), context.getBeanProvider(PathwayChecks.class));
    ahead.postProcessEngineBuild(engine);
    return ahead;
  }

  private Optional<CheckReport> reportTaken(FolderCheckedAhead ahead, PathwayFiles files) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(command -> ahead.reportFor(files, command));
  }

  @Test
  void theFolderDeploymentTakesTheReportMadeWhileTheServiceStarted() throws IOException {
    PathwayFiles files = folders(productionRelabelled("Record the order of the court")).read();

    Optional<CheckReport> taken = reportTaken(checkedAtStart(), files);

    assertThat(taken).contains(checks.dryRun(files));
    assertThat(taken.get().accepted()).isTrue();
    assertThat(taken.get().changes()).isNotEmpty();
  }

  @Test
  void aRefusalMadeAheadIsTheRefusalTheDeploymentGets() throws IOException {
    PathwayFiles files = folders(PathwayVariants.productionWithin48Hours()).read();

    Optional<CheckReport> taken = reportTaken(checkedAtStart(), files);

    assertThat(taken).isPresent();
    assertThat(taken.get().accepted()).isFalse();
    assertThat(taken.get().findings()).anyMatch(finding -> finding.refuses()
        && finding.rule().equals("statutory-deadline"));
  }

  @Test
  void aFileChangedByOneCharacterAfterTheCheckIsCheckedAgain() throws IOException {
    PathwayFolders folders = folders(productionRelabelled("Record the order of the court"));
    FolderCheckedAhead ahead = checkedAtStart();
    Files.writeString(installation.resolve("processes/court-production.bpmn"),
        productionRelabelled("Record the order of the courT"));

    assertThat(reportTaken(ahead, folders.read())).isEmpty();
  }

  @Test
  void aFileAddedOrTakenAwayAfterTheCheckIsCheckedAgain() throws IOException {
    PathwayFolders folders = folders(productionRelabelled("Record the order of the court"));
    FolderCheckedAhead ahead = checkedAtStart();
    Path form = installation.resolve("forms/record-court-order.form");
    byte[] formBytes = Files.readAllBytes(form);

    Files.delete(form);
    assertThat(reportTaken(ahead, folders.read())).isEmpty();

    Files.write(form, formBytes);
    Files.writeString(installation.resolve("forms/another.form"),
        new String(formBytes, StandardCharsets.UTF_8).replace("record-court-order", "another"));
    assertThat(reportTaken(ahead, folders.read())).isEmpty();
  }

  @Test
  void aDeploymentThroughAnotherDoorMeanwhileIsComparedWith() throws IOException {
    PathwayFiles files = folders(productionRelabelled("Record the order of the court")).read();
    FolderCheckedAhead ahead = checkedAtStart();
    // Let the check finish on the versions of before.
    assertThat(reportTaken(ahead, files)).isPresent();

    String meanwhile = repositoryService.createDeployment()
        .addString("court-production.bpmn", productionRelabelled("Record what the court ordered"))
        .deploy().getId();
    try {
      assertThat(reportTaken(ahead, files)).isEmpty();
    } finally {
      repositoryService.deleteDeployment(meanwhile, true);
    }
  }

  @Test
  void foldersTheEngineWillFindDeployedAlreadyAreNotChecked() throws IOException {
    PathwayFiles files = folders(PathwayVariants.committed("court-production.bpmn")).read();

    assertThat(reportTaken(checkedAtStart(), files)).isEmpty();
  }

  @Test
  void onceTheFoldersAreDeployedEveryLaterDeploymentIsCheckedAsItComes() throws IOException {
    PathwayFiles files = folders(productionRelabelled("Record the order of the court")).read();
    FolderCheckedAhead ahead = checkedAtStart();

    ahead.forget();

    assertThat(reportTaken(ahead, files)).isEmpty();
  }
}
