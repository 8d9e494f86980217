package pk.hifazat.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.HifazatTest;
import pk.hifazat.support.SqlTimes;

/**
 * The deadline figures in Prometheus: open clocks by status as a reader sees them at the refresh
 * (a breach the sweep has yet to record counts as breached), and every recorded breach by rule.
 */
@HifazatTest
class ClockMetricsTest {

  private static final Instant NOW = Instant.parse("2027-03-01T05:00:00Z");
  private static final String RULE = "R-TEST-METRICS";
  private static final List<ClockStatus> OPEN =
      List.of(ClockStatus.RUNNING, ClockStatus.AT_RISK, ClockStatus.BREACHED);
  private static final AtomicInteger CASES = new AtomicInteger();

  @Autowired ClockRepository clocks;
  @Autowired ClockQueries queries;
  @Autowired ClockMetrics metrics;
  @Autowired MeterRegistry registry;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void refreshedAt() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Clock clock(ClockStatus status, Duration warningIn, Duration dueIn,
      Clock.StopReason stop) {
    Instant due = NOW.plus(dueIn);
    Clock clock = new Clock(UUID.randomUUID().toString(),
        "PB-2027-9" + String.format("%05d", CASES.incrementAndGet()),
        UUID.randomUUID().toString(), null, "courtProduction", "SubProcess_Production", RULE,
        DeadlineDeclaration.Kind.POLICY, "PB", "Lahore", null, due.minus(Duration.ofHours(24)),
        NOW.plus(warningIn), due, status, null, status == ClockStatus.BREACHED ? due : null,
        stop == null ? null : NOW.minus(Duration.ofMinutes(5)), stop);
    clocks.insert(clock);
    return clock;
  }

  private double gauge(String name, String tag, String value) {
    Gauge gauge = registry.find(name).tag(tag, value).gauge();
    return gauge == null ? 0 : gauge.value();
  }

  private Map<ClockStatus, Double> openFigures() {
    Map<ClockStatus, Double> figures = new LinkedHashMap<>();
    OPEN.forEach(status -> figures.put(status, gauge("hifazat.clocks.open", "status",
        status.name())));
    return figures;
  }

  private long apiCount(ClockStatus status) {
    return queries.count(new ClockFilter(null, null, status, null, null, null, null, null, 100),
        NOW);
  }

  @Test
  void openClocksCountAsAReaderSeesThemAndBreachesCountByRule() {
    metrics.refresh();
    Map<ClockStatus, Double> before = openFigures();
    Duration hour = Duration.ofHours(1);

    // given: one clock of each kind
    clock(ClockStatus.RUNNING, hour, hour.multipliedBy(2), null);
    clock(ClockStatus.RUNNING, hour.negated(), hour, null); // warning passed, not yet swept
    clock(ClockStatus.AT_RISK, hour.negated(), hour, null);
    clock(ClockStatus.AT_RISK, hour.multipliedBy(-2), Duration.ofMinutes(-1), null); // not swept
    clock(ClockStatus.BREACHED, hour.multipliedBy(-7), hour.negated(), null);
    clock(ClockStatus.MET, hour.negated(), hour, Clock.StopReason.COMPLETED);
    clock(ClockStatus.BREACHED, hour.multipliedBy(-7), hour.negated(), Clock.StopReason.COMPLETED);
    clock(ClockStatus.RUNNING, hour, hour.multipliedBy(2), Clock.StopReason.CANCELLED);

    // when
    metrics.refresh();

    // then
    Map<ClockStatus, Double> after = openFigures();
    assertThat(after.get(ClockStatus.RUNNING) - before.get(ClockStatus.RUNNING)).isEqualTo(1);
    assertThat(after.get(ClockStatus.AT_RISK) - before.get(ClockStatus.AT_RISK)).isEqualTo(2);
    assertThat(after.get(ClockStatus.BREACHED) - before.get(ClockStatus.BREACHED)).isEqualTo(2);
    assertThat(gauge("hifazat.clock.breaches", "rule", RULE)).isEqualTo(2);
    // the same figures as the clocks API answers a manager
    assertThat(after.get(ClockStatus.RUNNING)).isEqualTo(apiCount(ClockStatus.RUNNING));
    assertThat(after.get(ClockStatus.AT_RISK)).isEqualTo(apiCount(ClockStatus.AT_RISK));
  }

  @Test
  void aClockStopsWithItsReasonOrNotAtAll() {
    Clock open = clock(ClockStatus.RUNNING, Duration.ofHours(1), Duration.ofHours(2), null);

    assertThatThrownBy(() -> jdbc.sql("update sla_clock set stopped_at = ? where id = ?")
        .params(SqlTimes.toColumn(NOW), open.id()).update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
