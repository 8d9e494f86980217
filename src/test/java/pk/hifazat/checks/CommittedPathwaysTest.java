package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.HifazatTest;

/**
 * Every model in processes/ with every form in forms/ passes the checks a deployment passes, so a
 * model that would be refused at the door cannot land in the repository either.
 */
@HifazatTest
class CommittedPathwaysTest {

  @Autowired PathwayChecks checks;

  static PathwayFiles committedPathways() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Path folder : List.of(Path.of("processes"), Path.of("forms"))) {
      try (Stream<Path> paths = Files.list(folder)) {
        // What the folder deployment deploys: the policy files beside the models (retention.yaml,
        // indicators.yaml) are read by their own modules, never deployed to the engine.
        for (Path file : paths.filter(path -> PathwayFiles.isPathwayFile(
            path.getFileName().toString())).sorted().toList()) {
          files.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
      }
    }
    return PathwayFiles.of(files);
  }

  @Test
  @DisplayName("Every committed pathway passes the deployment checks, warnings included")
  void everyCommittedPathwayPassesTheChecks() throws IOException {
    CheckReport report = checks.dryRun(committedPathways());

    assertThat(report.findings())
        .as(report.findings().stream().map(Finding::line).collect(Collectors.joining("\n")))
        .isEmpty();
    assertThat(report.accepted()).isTrue();
  }
}
