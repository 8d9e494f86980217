package pk.hifazat.migration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import pk.hifazat.checks.ChangeKind;
import pk.hifazat.checks.PathwayElement;
import pk.hifazat.migration.MigrationProposal.ActivityChange;
import pk.hifazat.migration.MigrationProposal.Changes;
import pk.hifazat.migration.MigrationProposal.DeadlineChange;
import pk.hifazat.migration.MigrationProposal.Terms;
import pk.hifazat.migration.PathwayMigrations.RunningCase;
import pk.hifazat.sla.DeadlineDeclaration;

/**
 * What moving running cases from one version to another would change for them: activities
 * removed, added, renamed or of another type, and deadlines changed, with the cases each touches.
 * Running clocks keep their times whatever the new version declares.
 */
final class MigrationChanges {

  private MigrationChanges() {}

  static Changes of(PathwayVersion source, PathwayVersion target, List<RunningCase> cases) {
    List<ActivityChange> activities = new ArrayList<>();
    for (PathwayElement before : source.activities().values()) {
      PathwayElement after = target.activity(before.id());
      List<String> waiting = waitingAt(cases, before.id());
      if (after == null) {
        activities.add(new ActivityChange(before.id(), ChangeKind.REMOVED,
            source.label(before.id()), null, waiting));
        continue;
      }
      if (!before.type().equals(after.type())) {
        activities.add(new ActivityChange(before.id(), ChangeKind.TYPE_CHANGED, before.type(),
            after.type(), waiting));
      }
      if (!Objects.equals(before.name(), after.name())) {
        activities.add(new ActivityChange(before.id(), ChangeKind.RENAMED, before.name(),
            after.name(), waiting));
      }
    }
    for (PathwayElement after : target.activities().values()) {
      if (source.activity(after.id()) == null) {
        activities.add(new ActivityChange(after.id(), ChangeKind.ADDED, null,
            target.label(after.id()), List.of()));
      }
    }

    List<DeadlineChange> changed = new ArrayList<>();
    Set<String> elements = new LinkedHashSet<>(source.activities().keySet());
    elements.addAll(target.activities().keySet());
    for (String element : elements) {
      DeadlineDeclaration before = deadline(source, element);
      DeadlineDeclaration after = deadline(target, element);
      if (before == null && after == null || same(before, after)) {
        continue;
      }
      if (before != null && after != null && before.rule().equals(after.rule())) {
        List<String> running = runningClocks(cases, before.rule(), element);
        changed.add(new DeadlineChange(before.rule(), element, ChangeKind.CHANGED, terms(before),
            terms(after), running, clockCount(cases, before.rule(), element)
                + " running clock(s) keep their due time;"
                + " deadlines of " + before.rule() + " that start at '" + target.label(element)
                + "' after the migration are due " + after.target() + " after they start"));
        continue;
      }
      if (before != null) {
        List<String> running = runningClocks(cases, before.rule(), element);
        changed.add(new DeadlineChange(before.rule(), element, ChangeKind.REMOVED,
            terms(before), null, running, "Version " + target.version() + " no longer declares "
                + before.rule() + " on '" + source.label(element) + "'"
                + (running.isEmpty() ? "" : "; cases with a running clock cannot move")));
      }
      if (after != null) {
        List<String> waiting = waitingAt(cases, element);
        changed.add(new DeadlineChange(after.rule(), element, ChangeKind.ADDED, null, terms(after),
            List.of(), "Cases that reach '" + target.label(element) + "' after the migration"
                + " run " + after.rule() + " (" + after.target() + ")"
                + (waiting.isEmpty() ? "" : "; the " + waiting.size() + " case(s) already there"
                    + " get no clock for it, as a clock starts when its element starts")));
      }
    }
    return new Changes(runningDeadlinesStatement(changed), activities, changed);
  }

  private static String runningDeadlinesStatement(List<DeadlineChange> changed) {
    StringBuilder statement = new StringBuilder("Deadlines already running keep their start,"
        + " warning and due times and their status: migration changes no clock, and a deadline"
        + " already started is not changed by a new policy.");
    List<String> moved = changed.stream()
        .filter(change -> change.change() == ChangeKind.CHANGED)
        .map(change -> change.rule() + " " + change.from().target() + " -> "
            + change.to().target())
        .distinct().toList();
    if (!moved.isEmpty()) {
      statement.append(" The new targets (").append(String.join(", ", moved))
          .append(") apply to deadlines that start after the migration, and to new cases.");
    }
    return statement.toString();
  }

  private static DeadlineDeclaration deadline(PathwayVersion version, String element) {
    PathwayElement activity = version.activity(element);
    return activity == null ? null : activity.deadline();
  }

  private static boolean same(DeadlineDeclaration a, DeadlineDeclaration b) {
    return a != null && b != null && a.rule().equals(b.rule())
        && Objects.equals(terms(a), terms(b));
  }

  private static Terms terms(DeadlineDeclaration declaration) {
    return new Terms(String.valueOf(declaration.target()),
        declaration.warning() == null ? null : String.valueOf(declaration.warning()),
        declaration.start(), declaration.kind().name().toLowerCase());
  }

  private static List<String> waitingAt(List<RunningCase> cases, String activity) {
    return cases.stream().filter(running -> running.waitingAt().contains(activity))
        .map(RunningCase::caseNumber).distinct().toList();
  }

  private static List<String> runningClocks(List<RunningCase> cases, String rule,
      String element) {
    return cases.stream()
        .filter(running -> running.openClocks().stream().anyMatch(
            clock -> clock.rule().equals(rule) && clock.elementId().equals(element)))
        .map(RunningCase::caseNumber).distinct().toList();
  }

  private static long clockCount(List<RunningCase> cases, String rule, String element) {
    return cases.stream().flatMap(running -> running.openClocks().stream())
        .filter(clock -> clock.rule().equals(rule) && clock.elementId().equals(element))
        .count();
  }

}
