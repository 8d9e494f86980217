package pk.hifazat.support;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Re-reads every module's {@link RefreshedMetrics} at start-up and every {@code hifazat.metrics.refresh}. */
@Configuration(proxyBeanMethods = false)
class MetricsRefresh implements SchedulingConfigurer {

  private final List<RefreshedMetrics> metrics;
  private final Duration interval;

  MetricsRefresh(List<RefreshedMetrics> metrics, SupportSettings settings) {
    this.metrics = metrics;
    this.interval = settings.metrics().refresh();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    for (RefreshedMetrics figures : metrics) {
      registrar.addFixedDelayTask(new FixedDelayTask(figures::refresh, interval, Duration.ZERO));
    }
  }
}
