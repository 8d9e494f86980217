package pk.hifazat.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of deadline tracking ({@code hifazat.sla.*}, {@code hifazat.notifications.*}); a
 * missing or nonsensical value stops start-up with the property's name.
 *
 * @param sla how deadlines are watched
 * @param notifications how a breach is told to the supervisors
 */
@Validated
@ConfigurationProperties("hifazat")
record SlaSettings(@Valid @NotNull Sla sla, @Valid @NotNull Notifications notifications) {

  /**
   * How deadlines are watched.
   *
   * @param sweepInterval how often clocks are checked for warnings and breaches that no model
   *     timer watches
   */
  record Sla(@NotNull @DurationMin(seconds = 1) Duration sweepInterval) {}

  /**
   * How a breach is told to the supervisors.
   *
   * @param from sender of breach e-mails; e-mail goes out only when {@code spring.mail.host} is set
   */
  record Notifications(@NotBlank String from) {}
}
