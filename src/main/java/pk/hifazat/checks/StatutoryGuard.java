package pk.hifazat.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import pk.hifazat.checks.PathwayModel.Timer;
import pk.hifazat.sla.DeadlineDeclaration;

/**
 * No version of a pathway may lose or lengthen a statutory deadline: not those the law sets
 * ({@link StatutoryDeadline}), nor any the version before declared as statute. A statutory
 * deadline must be declared as a statute, no longer than the law allows, and watched by a timer.
 * Policy deadlines may change freely.
 */
final class StatutoryGuard {

  private static final String RULE = "statutory-deadline";

  private StatutoryGuard() {}

  static void check(String resource, BpmnModelInstance bpmn, PathwayLibrary library,
      List<Finding> findings) {
    PathwayModel model = PathwayModel.of(bpmn);
    for (String process : model.executableProcesses()) {
      Map<String, Declared> now = declared(model, process);
      Map<String, Declared> before = library.latestProcessModel(process)
          .map(xml -> declared(PathwayModel.read(xml), process))
          .orElse(Map.of());
      List<Statute> statutes = new ArrayList<>();
      for (StatutoryDeadline statute : StatutoryDeadline.values()) {
        if (statute.processKey.equals(process) && statute.cycle) {
          guardCycle(resource, process, statute, model, findings);
        } else if (statute.processKey.equals(process)) {
          statutes.add(new Statute(statute.rule, statute.longest.toString(), statute.start,
              "statute, " + statute.source));
        }
      }
      before.values().stream()
          .filter(declared -> declared.kind().equalsIgnoreCase("statute"))
          .filter(declared -> statutes.stream().noneMatch(s -> s.rule().equals(declared.rule())))
          .forEach(declared -> statutes.add(new Statute(declared.rule(), declared.target(),
              declared.start(), "statute in the version before")));
      for (Statute statute : statutes) {
        guard(resource, process, statute, now.get(statute.rule()),
            Optional.ofNullable(before.get(statute.rule())), model, findings);
      }
    }
  }

  private static void guard(String resource, String process, Statute statute, Declared now,
      Optional<Declared> before, PathwayModel model, List<Finding> findings) {
    if (now == null) {
      String where = before.map(b -> "; the version before declared it on '" + b.elementId() + "'")
          .orElse("");
      findings.add(Finding.error(resource, before.map(Declared::elementId).orElse(process),
          RULE, statute.rule() + " (" + statute.source() + ", at most " + statute.longest()
              + ") is no longer declared: a statutory deadline cannot be removed" + where));
      return;
    }
    if (!now.kind().equalsIgnoreCase("statute")) {
      findings.add(Finding.error(resource, now.elementId(), RULE, statute.rule()
          + " is a statutory deadline (" + statute.source() + "): sla.kind must be 'statute', not '"
          + now.kind() + "'"));
    }
    if (!now.start().equals(statute.start())) {
      // A clock that starts later lengthens the deadline as surely as a longer target does.
      findings.add(Finding.error(resource, now.elementId(), RULE, statute.rule() + " runs from '"
          + statute.start() + "' (" + statute.source() + "), not from '" + now.start() + "'"));
    }
    try {
      if (Durations.longerThan(Durations.parse(now.target()), Durations.parse(statute.longest()))) {
        findings.add(Finding.error(resource, now.elementId(), RULE, statute.rule() + " set to "
            + now.target() + " is longer than the law allows: at most " + statute.longest() + " ("
            + statute.source() + ")"));
      }
    } catch (RuntimeException malformed) {
      // A malformed sla.target is reported by the deadline-properties rule.
    }
    boolean watched = model.timers(process).stream()
        .flatMap(timer -> timer.texts().stream())
        .anyMatch(text -> {
          var reference = HifazatModelRules.CLOCK_REFERENCE.matcher(text);
          while (reference.find()) {
            if (reference.group(1).equals("dueAt") && reference.group(2).equals(statute.rule())) {
              return true;
            }
          }
          return false;
        });
    if (!watched) {
      findings.add(Finding.error(resource, now.elementId(), RULE, "No timer waits for "
          + statute.rule() + " (" + statute.source() + "): a timer with ${deadlines.dueAt("
          + "execution, '" + statute.rule() + "')} must escalate the statutory deadline when it "
          + "falls due"));
    }
  }

  /** A statute kept by a repeating timer: one must remain, repeating at least as often. */
  private static void guardCycle(String resource, String process, StatutoryDeadline statute,
      PathwayModel model, List<Finding> findings) {
    List<Timer> cycles = model.timers(process).stream().filter(timer -> timer.cycle() != null)
        .toList();
    String what = statute.rule + " (statute, " + statute.source + ", at least every "
        + statute.longest + ")";
    if (cycles.isEmpty()) {
      findings.add(Finding.error(resource, process, RULE, what + " is kept by a repeating "
          + "timer, and this version has none: a statutory deadline cannot be removed"));
      return;
    }
    boolean kept = false;
    Timer longer = null;
    for (Timer timer : cycles) {
      String period = timer.cycle().substring(timer.cycle().lastIndexOf('/') + 1);
      try {
        if (Durations.longerThan(Durations.parse(period), statute.longest)) {
          longer = timer;
        } else {
          kept = true;
        }
      } catch (RuntimeException notADuration) {
        // An expression or a malformed cycle cannot be shown to keep the statute.
        longer = timer;
      }
    }
    if (!kept) {
      findings.add(Finding.error(resource, longer.elementId(), RULE, "Repeats '"
          + longer.cycle() + "', less often than the law requires: " + what));
    }
  }

  /** The deadlines each element of the process declares, by rule, as written. */
  private static Map<String, Declared> declared(PathwayModel model, String process) {
    Map<String, Declared> declared = new LinkedHashMap<>();
    for (PathwayElement element : model.elements(process)) {
      Map<String, String> properties = element.properties();
      String rule = properties.get(DeadlineDeclaration.RULE);
      if (rule != null) {
        declared.put(rule.trim(), new Declared(element.id(), rule.trim(),
            String.valueOf(properties.get(DeadlineDeclaration.TARGET)).trim(),
            String.valueOf(properties.get(DeadlineDeclaration.KIND)).trim(),
            properties.getOrDefault(DeadlineDeclaration.START,
                DeadlineDeclaration.START_AT_ACTIVITY).trim()));
      }
    }
    return declared;
  }

  private record Statute(String rule, String longest, String start, String source) {}

  private record Declared(String elementId, String rule, String target, String kind,
      String start) {}
}
