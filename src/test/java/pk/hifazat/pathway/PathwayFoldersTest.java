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

  @Test
  void changedModelIsDeployedAsNewVersionAndUnchangedOneIsNot(@TempDir Path installation)
      throws Exception {
    copy(Path.of("processes"), installation.resolve("pathways/processes"));
    copy(Path.of("forms"), installation.resolve("pathways/forms"));
    String[] settings = {
        "--spring.datasource.url=jdbc:h2:file:" + installation.resolve("db"),
        "--hifazat.pathways.processes=" + installation.resolve("pathways/processes"),
        "--hifazat.pathways.forms=" + installation.resolve("pathways/forms")};

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
}
