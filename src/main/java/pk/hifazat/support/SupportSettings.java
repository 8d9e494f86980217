package pk.hifazat.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings every module shares ({@code hifazat.limits.*}, {@code hifazat.metrics.*}); a
 * missing or nonsensical value stops start-up with the property's name.
 *
 * @param limits how large a request body each door accepts
 * @param metrics how the figures re-read from the database are kept current
 */
@Validated
@ConfigurationProperties("hifazat")
public record SupportSettings(
    @NestedConfigurationProperty @Valid @NotNull BodyLimits limits,
    @Valid @DefaultValue Metrics metrics) {

  /**
   * Figures re-read from the database for Prometheus.
   *
   * @param refresh how often the deadline and task figures are re-read
   */
  public record Metrics(@DefaultValue("PT15S") @NotNull @DurationMin(seconds = 1) Duration refresh) {}
}
