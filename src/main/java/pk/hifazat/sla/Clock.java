package pk.hifazat.sla;

import java.time.Instant;

/** One deadline of one case: when it started, when it warns and falls due, and how it ended. */
public record Clock(
    String id,
    String caseNumber,
    String processInstanceId,
    String scopeExecutionId,
    String processDefinitionKey,
    String elementId,
    String rule,
    DeadlineDeclaration.Kind kind,
    String province,
    String district,
    String agency,
    Instant startedAt,
    Instant warningAt,
    Instant dueAt,
    ClockStatus status,
    Instant atRiskAt,
    Instant breachedAt,
    Instant stoppedAt,
    StopReason stopReason) {

  /** Why a clock stopped: the deadline's work was done, or the case was stopped before it. */
  public enum StopReason {
    COMPLETED,
    CANCELLED
  }

  public boolean isOpen() {
    return stoppedAt == null;
  }

  /** The status at {@code now}, so a reader never sees a breach the sweeper has yet to record. */
  public ClockStatus statusAt(Instant now) {
    if (!isOpen() || status == ClockStatus.BREACHED) {
      return status;
    }
    if (!now.isBefore(dueAt)) {
      return ClockStatus.BREACHED;
    }
    if (warningAt != null && !now.isBefore(warningAt)) {
      return ClockStatus.AT_RISK;
    }
    return status;
  }

  /** The status a clock starting now has: a custody reported 25 hours late is breached at once. */
  static ClockStatus initialStatus(Instant now, Instant warningAt, Instant dueAt) {
    if (!now.isBefore(dueAt)) {
      return ClockStatus.BREACHED;
    }
    if (warningAt != null && !now.isBefore(warningAt)) {
      return ClockStatus.AT_RISK;
    }
    return ClockStatus.RUNNING;
  }
}
