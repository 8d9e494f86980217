package pk.hifazat.reporting;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;
import pk.hifazat.support.RefreshedMetrics;

/**
 * Prometheus figures of the work: tasks waiting by activity ({@code hifazat_tasks_waiting}), the
 * engine's jobs by state ({@code hifazat_jobs}) and its job executor's counters.
 */
@Component
class WorkMetrics implements RefreshedMetrics {

  private final BottleneckQueries queries;
  private final ManagementService management;
  private final MultiGauge waiting;
  private final MultiGauge jobs;

  WorkMetrics(BottleneckQueries queries, ManagementService management, MeterRegistry registry) {
    this.queries = queries;
    this.management = management;
    this.waiting = MultiGauge.builder("hifazat.tasks.waiting")
        .description("Open user tasks by pathway and activity").register(registry);
    this.jobs = MultiGauge.builder("hifazat.jobs")
        .description("Engine jobs: executable now, timers waiting, failed without retries")
        .register(registry);
    for (String metric : new String[] {Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
        Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_EXECUTION_REJECTED,
        Metrics.JOB_LOCKED_EXCLUSIVE}) {
      FunctionCounter.builder("hifazat.job.executor", management,
              service -> service.createMetricsQuery().name(metric).sum())
          .description("Job executor counters as the engine reports them")
          .tag("metric", metric)
          .register(registry);
    }
  }

  @Override
  public void refresh() {
    waiting.register(queries.openByActivity().entrySet().stream()
        .map(entry -> MultiGauge.Row.of(
            Tags.of("process", entry.getKey().get(0), "activity", entry.getKey().get(1)),
            entry.getValue()))
        .toList(), true);
    jobs.register(java.util.List.of(
        MultiGauge.Row.of(Tags.of("state", "executable"),
            management.createJobQuery().executable().count()),
        MultiGauge.Row.of(Tags.of("state", "timer"), management.createJobQuery().timers().count()),
        MultiGauge.Row.of(Tags.of("state", "failed"),
            management.createJobQuery().noRetriesLeft().count())), true);
  }
}
