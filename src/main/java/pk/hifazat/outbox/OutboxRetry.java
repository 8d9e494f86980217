package pk.hifazat.outbox;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A failed outbox job is tried again after a growing pause (a mail server down for an hour is
 * outlasted), then raises an incident that an administrator retries from Cockpit or the REST
 * API. Every other job keeps the engine's own retry rules.
 */
class OutboxRetry extends DefaultJobRetryCmd {

  /** Pauses after the 1st, 2nd, ... failed attempt; one attempt more than pauses. */
  static final List<Duration> PAUSES = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1),
      Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60));
  static final int ATTEMPTS = PAUSES.size() + 1;

  OutboxRetry(String jobId, Throwable exception) {
    super(jobId, exception);
  }

  @Override
  public Object execute(CommandContext context) {
    JobEntity job = getJob();
    if (job == null || !Outbox.JOB_TYPE.equals(job.getJobHandlerType())) {
      return super.execute(context);
    }
    executeStandardStrategy(context);
    int failed = ATTEMPTS - job.getRetries();
    if (job.getRetries() > 0 && failed >= 1 && failed <= PAUSES.size()) {
      job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime()
          + PAUSES.get(failed - 1).toMillis()));
    }
    return null;
  }

  /** The engine's factory of failed-job commands, with ours for the outbox's jobs. */
  static FailedJobCommandFactory factory() {
    return new FailedJobCommandFactory() {
      @Override
      public Command<Object> getCommand(String jobId, Throwable exception) {
        return new OutboxRetry(jobId, exception);
      }
    };
  }
}
