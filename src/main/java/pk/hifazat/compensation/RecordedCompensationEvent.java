package pk.hifazat.compensation;

import java.math.BigDecimal;

/** One row of {@code compensation_event} (R-COMPENSATION). */
record RecordedCompensationEvent(CaseStep step, String scheme, BigDecimal amount) {

  String event() {
    return step.event();
  }

  String outcome() {
    return step.outcome();
  }
}
