package pk.hifazat.sla;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pk.hifazat.support.RefreshedMetrics;

/**
 * Prometheus figures of the deadlines: open clocks by status ({@code hifazat_clocks_open}) and
 * breaches by rule ({@code hifazat_clock_breaches}), refreshed every {@code hifazat.metrics.refresh}.
 */
@Component
class ClockMetrics implements RefreshedMetrics {

  private final ClockQueries queries;
  private final JdbcClient jdbc;
  private final MultiGauge open;
  private final MultiGauge breaches;

  ClockMetrics(ClockQueries queries, JdbcClient jdbc, MeterRegistry registry) {
    this.queries = queries;
    this.jdbc = jdbc;
    this.open = MultiGauge.builder("hifazat.clocks.open")
        .description("Open deadline clocks by status").register(registry);
    this.breaches = MultiGauge.builder("hifazat.clock.breaches")
        .description("Deadline clocks breached, by rule").register(registry);
  }

  @Override
  public void refresh() {
    open.register(queries.openByStatus(ClockUtil.getCurrentTime().toInstant()).entrySet().stream()
        .map(entry -> MultiGauge.Row.of(Tags.of("status", entry.getKey().name()),
            entry.getValue()))
        .toList(), true);
    Map<String, Long> byRule = new LinkedHashMap<>();
    // Every breach ever recorded, counted from index sla_clock_status_rule alone: keep the
    // predicate and grouping to its two columns.
    jdbc.sql("select rule_id, count(*) from sla_clock where status = 'BREACHED' group by rule_id")
        .query((ResultSet rs) -> {
          byRule.put(rs.getString(1), rs.getLong(2));
        });
    breaches.register(byRule.entrySet().stream()
        .map(entry -> MultiGauge.Row.of(Tags.of("rule", entry.getKey()), entry.getValue()))
        .toList(), true);
  }
}
