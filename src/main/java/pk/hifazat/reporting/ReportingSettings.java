package pk.hifazat.reporting;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the bottleneck figures ({@code hifazat.reporting.*}); a missing or nonsensical
 * value stops start-up with the property's name.
 *
 * @param daysInterval how often the days that are over are added up ({@link TaskFactDays})
 * @param dayClosedAfter how long after its end a day is added up: longer than any transaction
 *     that records a fact lasts, so none of the day's facts is still on its way
 */
@Validated
@ConfigurationProperties("hifazat.reporting")
record ReportingSettings(@NotNull @DurationMin(seconds = 1) Duration daysInterval,
    @NotNull @DurationMin(minutes = 1) Duration dayClosedAfter) {}
