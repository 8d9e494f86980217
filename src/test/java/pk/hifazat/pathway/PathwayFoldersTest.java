package pk.hifazat.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pk.hifazat.RunningApplication;
import pk.hifazat.policy.PathwayDeploymentRecord;
import pk.hifazat.policy.PathwayDeploymentRecords;
import pk.hifazat.policy.PathwayVariants;

/**
 * Pathways are deployed from the configured {@code processes/} and {@code forms/} folders: a
 * changed model becomes a new version at start-up, an unchanged one is left alone.
 */
@Tag("standalone")
class PathwayFoldersTest {

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static int latestVersion(RepositoryService repository, String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getVersion();
  }

  /** An installation with its own file database and a copy of the committed pathway folders. */
  private static String[] installationOfTheCommittedPathways(Path installation)
      throws IOException {
    copy(Path.of("processes"), installation.resolve("pathways/processes"));
    copy(Path.of("forms"), installation.resolve("pathways/forms"));
    return new String[] {
        "--spring.datasource.url=jdbc:h2:file:" + installation.resolve("db"),
        "--hifazat.pathways.processes=" + installation.resolve("pathways/processes"),
        "--hifazat.pathways.forms=" + installation.resolve("pathways/forms")};
  }

  @Test
  void changedModelIsDeployedAsNewVersionAndUnchangedOneIsNot(@TempDir Path installation)
      throws Exception {
    String[] settings = installationOfTheCommittedPathways(installation);

    try (RunningApplication app = RunningApplication.start(settings)) {
      RepositoryService repository = app.bean(RepositoryService.class);
      assertThat(latestVersion(repository, "courtProduction")).isEqualTo(1);
      assertThat(latestVersion(repository, "childProtectionCase")).isEqualTo(1);
      assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("jurisdiction")
          .count()).isOne();
    }

    Path model = installation.resolve("pathways/processes/court-production.bpmn");
    Files.writeString(model, Files.readString(model)
        .replace("name=\"Record the court's order\"", "name=\"Record the order of the court\""));

    try (RunningApplication app = RunningApplication.start(settings)) {
      RepositoryService repository = app.bean(RepositoryService.class);
      assertThat(latestVersion(repository, "courtProduction")).isEqualTo(2);
      assertThat(latestVersion(repository, "childProtectionCase")).isEqualTo(1);
      assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("jurisdiction")
          .count()).isOne();
    }
  }

  @Test
  void refusedChangeInTheFolderIsNotDeployedAndTheServiceRunsOnTheVersionBefore(
      @TempDir Path installation) throws Exception {
    String[] settings = installationOfTheCommittedPathways(installation);
    try (RunningApplication app = RunningApplication.start(settings)) {
      assertThat(latestVersion(app.bean(RepositoryService.class), "courtProduction")).isEqualTo(1);
    }
    Path production = installation.resolve("pathways/processes/court-production.bpmn");

    // Each bad commit, in turn: the statutory timer removed, production within 48 hours (both
    // R-COURT-24H), a form that does not exist, XML that does not parse.
    String[][] badCommits = {
        {PathwayVariants.productionWithoutItsStatutoryTimer(), "SubProcess_Production",
            "statutory-deadline"},
        {PathwayVariants.productionWithin48Hours(), "SubProcess_Production", "statutory-deadline"},
        {PathwayVariants.productionWithAMissingForm(), "Task_RecordCourtOrder", "form-exists"},
        {PathwayVariants.productionThatIsNotWellFormed(), "line ", "xml"}};
    for (String[] commit : badCommits) {
      Files.writeString(production, commit[0]);
      try (RunningApplication app = RunningApplication.start(settings)) {
        assertThat(latestVersion(app.bean(RepositoryService.class), "courtProduction"))
            .isEqualTo(1);
        PathwayDeploymentRecord refusal = app.bean(PathwayDeploymentRecords.class)
            .newestFirst(1).get(0);
        assertThat(refusal.outcome()).isEqualTo(PathwayDeploymentRecord.Outcome.REFUSED);
        assertThat(refusal.door().name()).isEqualTo("FOLDER");
        assertThat(refusal.findings()).anyMatch(finding -> finding.refuses()
            && finding.rule().equals(commit[2])
            && String.valueOf(finding.element()).startsWith(commit[1]));
        assertThat(app.get("/actuator/health", "admin", "demo").statusCode()).isEqualTo(200);
      }
    }
  }
}
