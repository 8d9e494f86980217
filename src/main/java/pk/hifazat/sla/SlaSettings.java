package pk.hifazat.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of deadline tracking. */
@ConfigurationProperties("hifazat.sla")
record SlaSettings(Duration sweepInterval) {}
