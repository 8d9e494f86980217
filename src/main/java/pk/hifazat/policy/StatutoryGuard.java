package pk.hifazat.policy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import pk.hifazat.sla.DeadlineDeclaration;
import pk.hifazat.support.ModelProperties;

/**
 * No version of a pathway may lose or lengthen a statutory deadline: not those the law sets
 * ({@link StatutoryDeadline}), nor any the version before declared as statute. A statutory
 * deadline must be declared as a statute, no longer than the law allows, and watched by a timer.
 * Policy deadlines may change freely.
 */
final class StatutoryGuard {

  private static final String RULE = "statutory-deadline";

  private StatutoryGuard() {}

  static void check(String resource, BpmnModelInstance model, PathwayLibrary library,
      List<Finding> findings) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      Map<String, Declared> now = declared(model, process);
      Map<String, Declared> before = library.latestProcessModel(process.getId())
          .map(xml -> declared(Bpmn.readModelFromStream(new ByteArrayInputStream(xml)),
              process.getId()))
          .orElse(Map.of());
      List<Statute> statutes = new ArrayList<>();
      for (StatutoryDeadline statute : StatutoryDeadline.values()) {
        if (statute.processKey.equals(process.getId()) && statute.cycle) {
          guardCycle(resource, process, statute, model, findings);
        } else if (statute.processKey.equals(process.getId())) {
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

  private static void guard(String resource, Process process, Statute statute, Declared now,
      Optional<Declared> before, BpmnModelInstance model, List<Finding> findings) {
    if (now == null) {
      String where = before.map(b -> "; the version before declared it on '" + b.elementId() + "'")
          .orElse("");
      findings.add(Finding.error(resource, before.map(Declared::elementId).orElse(process.getId()),
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
    boolean watched = model.getModelElementsByType(TimerEventDefinition.class).stream()
        .filter(timer -> belongsTo(timer, process))
        .flatMap(timer -> HifazatModelRules.timerTexts(timer).stream())
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
  private static void guardCycle(String resource, Process process, StatutoryDeadline statute,
      BpmnModelInstance model, List<Finding> findings) {
    List<TimerEventDefinition> cycles = model.getModelElementsByType(TimerEventDefinition.class)
        .stream().filter(timer -> belongsTo(timer, process) && timer.getTimeCycle() != null)
        .toList();
    String what = statute.rule + " (statute, " + statute.source + ", at least every "
        + statute.longest + ")";
    if (cycles.isEmpty()) {
      findings.add(Finding.error(resource, process.getId(), RULE, what + " is kept by a repeating "
          + "timer, and this version has none: a statutory deadline cannot be removed"));
      return;
    }
    boolean kept = false;
    String longer = null;
    for (TimerEventDefinition timer : cycles) {
      String cycle = timer.getTimeCycle().getTextContent().trim();
      String period = cycle.substring(cycle.lastIndexOf('/') + 1);
      try {
        if (Durations.longerThan(Durations.parse(period), statute.longest)) {
          longer = ((BaseElement) timer.getParentElement()).getId() + "|" + cycle;
        } else {
          kept = true;
        }
      } catch (RuntimeException notADuration) {
        // An expression or a malformed cycle cannot be shown to keep the statute.
        longer = ((BaseElement) timer.getParentElement()).getId() + "|" + cycle;
      }
    }
    if (!kept) {
      String[] timer = longer.split("\\|", 2);
      findings.add(Finding.error(resource, timer[0], RULE, "Repeats '" + timer[1]
          + "', less often than the law requires: " + what));
    }
  }

  private static Map<String, Declared> declared(BpmnModelInstance model, String processKey) {
    return model.getModelElementsByType(Process.class).stream()
        .filter(process -> process.getId().equals(processKey))
        .findFirst().map(process -> declared(model, process)).orElse(Map.of());
  }

  private static Map<String, Declared> declared(BpmnModelInstance model, Process process) {
    Map<String, Declared> declared = new LinkedHashMap<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      if (!belongsTo(element, process)) {
        continue;
      }
      Map<String, String> properties = ModelProperties.of(element);
      String rule = properties.get(DeadlineDeclaration.RULE);
      if (rule != null) {
        declared.put(rule.trim(), new Declared(element.getId(), rule.trim(),
            String.valueOf(properties.get(DeadlineDeclaration.TARGET)).trim(),
            String.valueOf(properties.get(DeadlineDeclaration.KIND)).trim(),
            properties.getOrDefault(DeadlineDeclaration.START,
                DeadlineDeclaration.START_AT_ACTIVITY).trim()));
      }
    }
    return declared;
  }

  private static boolean belongsTo(ModelElementInstance element, Process process) {
    for (var parent = element.getParentElement(); parent != null;
        parent = parent.getParentElement()) {
      if (parent instanceof Process owner) {
        return owner.getId().equals(process.getId());
      }
    }
    return false;
  }

  private record Statute(String rule, String longest, String start, String source) {}

  private record Declared(String elementId, String rule, String target, String kind,
      String start) {}
}
