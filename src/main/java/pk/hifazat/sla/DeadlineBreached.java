package pk.hifazat.sla;

import java.time.Instant;

/** A deadline of a case was missed: published once, when the breach is recorded. */
public record DeadlineBreached(String caseNumber, String processInstanceId, String rule,
    String province, String district, Instant dueAt) {

  static DeadlineBreached of(Clock clock) {
    return new DeadlineBreached(clock.caseNumber(), clock.processInstanceId(), clock.rule(),
        clock.province(), clock.district(), clock.dueAt());
  }
}
