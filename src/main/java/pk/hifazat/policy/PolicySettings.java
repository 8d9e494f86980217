package pk.hifazat.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the policy module.
 *
 * @param pathways the folders deployed at start-up
 */
@Validated
@ConfigurationProperties("hifazat")
record PolicySettings(@Valid @NotNull Pathways pathways) {

  /**
   * The folders deployed at start-up, through the same checks as every other door.
   *
   * @param processes the BPMN and DMN models (by default {@code processes} under {@code hifazat.home})
   * @param forms the Camunda Forms (by default {@code forms} under {@code hifazat.home})
   */
  record Pathways(@NotNull Path processes, @NotNull Path forms) {}
}
