package pk.hifazat.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records warnings and breaches of clocks that no model timer watches, within one sweep interval
 * of their time, whether or not anybody is looking.
 */
@Component
class DueClockSweeper {

  private static final Logger log = LoggerFactory.getLogger(DueClockSweeper.class);

  private final DeadlineClocks clocks;

  DueClockSweeper(DeadlineClocks clocks) {
    this.clocks = clocks;
  }

  @Scheduled(fixedDelayString = "${hifazat.sla.sweep-interval}",
      initialDelayString = "${hifazat.sla.sweep-interval}")
  @Transactional
  public void sweep() {
    int changed = clocks.recordDueTransitions();
    if (changed > 0) {
      log.info("Recorded {} deadline warning(s) or breach(es)", changed);
    }
  }
}
