package pk.hifazat.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Deadline tracking's settings: without a sweep interval, clocks that no model timer watches would
 * never breach (R-COURT-24H), so a missing or zero interval stops start-up and names the property.
 */
class SlaSettingsTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SlaSettings.class)
  static class Bound {}

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(Bound.class)
      .withPropertyValues("hifazat.notifications.from=hifazat@localhost");

  @Test
  void sweepIntervalAndSenderAreBoundAsWritten() {
    context.withPropertyValues("hifazat.sla.sweep-interval=PT30S").run(started -> {
      SlaSettings settings = started.getBean(SlaSettings.class);
      assertThat(settings.sla().sweepInterval()).hasSeconds(30);
      assertThat(settings.notifications().from()).isEqualTo("hifazat@localhost");
    });
  }

  @Test
  void noSweepIntervalStopsStartUp() {
    context.run(started -> assertThat(started).hasFailed()
        .getFailure().rootCause().hasMessageContaining("hifazat.sla"));
  }

  @Test
  void aZeroSweepIntervalStopsStartUp() {
    context.withPropertyValues("hifazat.sla.sweep-interval=0s").run(started ->
        assertThat(started).hasFailed().getFailure().rootCause()
            .hasMessageContaining("hifazat.sla.sweepInterval"));
  }

  @Test
  void aBlankSenderStopsStartUp() {
    context.withPropertyValues("hifazat.sla.sweep-interval=PT30S", "hifazat.notifications.from= ")
        .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
            .hasMessageContaining("hifazat.notifications.from"));
  }
}
