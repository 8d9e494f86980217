package pk.hifazat.migration;

import java.time.Instant;
import java.util.List;
import pk.hifazat.checks.ChangeKind;

/**
 * What migrating a pathway's running cases from one version to another would do: the plan, the
 * cases that would move, what would change for them, and what stops them from moving. Cases are
 * named by case number only (R-NO-DISCLOSURE).
 */
record MigrationProposal(
    String pathway,
    Version source,
    Version target,
    List<Instruction> instructions,
    int caseCount,
    List<CaseMove> cases,
    Changes changes,
    List<Problem> problems,
    boolean migratable) {

  record Version(String id, int version) {

    static Version of(PathwayVersion version) {
      return new Version(version.id(), version.version());
    }
  }

  /** One instruction of Camunda's migration plan, in the shape of its REST API. */
  record Instruction(List<String> sourceActivityIds, List<String> targetActivityIds,
      boolean updateEventTrigger) {}

  /** A running case on the source version and where it waits. */
  record CaseMove(String caseNumber, String processInstanceId, List<Waiting> waitingAt,
      List<RunningDeadline> deadlines) {}

  record Waiting(String activityId, String name) {}

  /**
   * A clock already running for the case (one per agency for a referral): migration leaves it
   * exactly as it is.
   */
  record RunningDeadline(String rule, String activityId, String agency, String kind,
      Instant startedAt, Instant warningAt, Instant dueAt, String status) {}

  record Changes(String runningDeadlines, List<ActivityChange> activities,
      List<DeadlineChange> deadlines) {}

  /**
   * An activity that differs between the versions: {@code REMOVED}, {@code ADDED},
   * {@code RENAMED} (its label) or {@code TYPE_CHANGED}; {@code casesWaiting} are the cases that
   * wait at it now.
   */
  record ActivityChange(String activityId, ChangeKind change, String from, String to,
      List<String> casesWaiting) {}

  /**
   * A deadline declared differently: {@code CHANGED}, {@code ADDED} or {@code REMOVED}.
   * {@code casesWithRunningClock} keep the due time their clock already has.
   */
  record DeadlineChange(String rule, String activityId, ChangeKind change, Terms from, Terms to,
      List<String> casesWithRunningClock, String effect) {}

  /** A deadline as declared with the {@code sla.*} properties. */
  record Terms(String target, String warning, String start, String kind) {}

  /**
   * Why the plan or some cases cannot migrate, naming the source activity (and the target one
   * where the plan maps it); {@code cases} are the cases it holds back.
   */
  record Problem(String activityId, String targetActivityId, String message,
      List<String> cases) {}
}
