package pk.hifazat.retention;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the retention policy is ({@code hifazat.retention.policy}, beside the pathways so that
 * policy staff read and change it) and how often closed cases are checked against it.
 */
@Validated
@ConfigurationProperties("hifazat.retention")
record RetentionSettings(@NotNull Path policy, @NotNull Duration sweepInterval) {}
