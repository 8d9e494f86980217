package pk.hifazat.sla;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records warnings and breaches of clocks that no model timer watches, within one sweep interval
 * of their time ({@code hifazat.sla.sweep-interval}), whether or not anybody is looking.
 */
@Component
class DueClockSweeper implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(DueClockSweeper.class);

  private final DeadlineClocks clocks;
  private final TransactionTemplate transaction;
  private final Duration interval;

  DueClockSweeper(DeadlineClocks clocks, TransactionTemplate transaction, SlaSettings settings) {
    this.clocks = clocks;
    this.transaction = transaction;
    this.interval = settings.sla().sweepInterval();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
  }

  public void sweep() {
    int changed = transaction.execute(status -> clocks.recordDueTransitions());
    if (changed > 0) {
      log.info("Recorded {} deadline warning(s) or breach(es)", changed);
    }
  }
}
