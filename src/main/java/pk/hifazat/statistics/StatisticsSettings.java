package pk.hifazat.statistics;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the statistics module.
 *
 * @param indicators the indicator dictionary (by default {@code processes/indicators.yaml} under
 *     {@code hifazat.home}), read at start
 * @param suppressionThreshold counts from 1 up to this less one are not shown (R-NO-DISCLOSURE)
 * @param sourceReaders how many sources of facts the annex reads at once, in the whole
 *     application (each on a connection of its own); 1 reads them one after another
 */
@Validated
@ConfigurationProperties("hifazat.statistics")
record StatisticsSettings(@NotNull Path indicators, @Min(2) int suppressionThreshold,
    @DefaultValue("3") @Min(1) int sourceReaders) {}
