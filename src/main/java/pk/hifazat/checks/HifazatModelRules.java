package pk.hifazat.checks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import pk.hifazat.sla.DeadlineDeclaration;
import pk.hifazat.sla.InvalidDeadlineDeclaration;
import pk.hifazat.support.ModelProperties;

/**
 * Our own rules for a model to run here: every user task has a Camunda Form that exists, every
 * deadline property is well formed and every deadline a timer waits for is declared, every called
 * process and decision exists, every definition says how long its history is kept, and no model
 * brings code of its own.
 */
final class HifazatModelRules {

  private static final Set<String> DEADLINE_PROPERTIES = Set.of(DeadlineDeclaration.RULE,
      DeadlineDeclaration.TARGET, DeadlineDeclaration.WARNING, DeadlineDeclaration.START,
      DeadlineDeclaration.KIND);
  /** {@code ${deadlines.dueAt(execution, 'R-COURT-24H')}} and {@code warningAt}. */
  static final Pattern CLOCK_REFERENCE =
      Pattern.compile("deadlines\\.(dueAt|warningAt)\\(\\s*execution\\s*,\\s*'([^']+)'\\s*\\)");
  private static final String EXPRESSION = "${";
  private static final String RULE_CODE = "no-foreign-code";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final String OWN_CODE = "pk.hifazat.";
  private static final String SCRIPTS = "Scripts are not run in pathways: what a step does lives in"
      + " this application's delegates, reviewed with its code";

  private HifazatModelRules() {}

  static void check(String resource, BpmnModelInstance model, ParsedPathways change,
      PathwayLibrary library, List<Finding> findings) {
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
        findings.add(Finding.error(resource, process.getId(), "history-time-to-live",
            "Says nothing of how long its history is kept (camunda:historyTimeToLive)"));
      }
    }
    Set<String> forms = change.formKeys();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getCamundaFormRef();
      if (formRef == null || formRef.isBlank()) {
        findings.add(Finding.error(resource, task.getId(), "form-exists",
            "This user task has no Camunda Form (camunda:formRef): caseworkers could not "
                + "complete it in Tasklist"));
      } else if (!formRef.contains(EXPRESSION) && !forms.contains(formRef)
          && !library.hasForm(formRef)) {
        findings.add(Finding.error(resource, task.getId(), "form-exists",
            "Its form '" + formRef + "' is neither in this change nor deployed"));
      }
    }
    Set<String> processes = change.processKeys();
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      String called = call.getCalledElement();
      if (called == null || called.isBlank()) {
        findings.add(Finding.error(resource, call.getId(), "called-element-exists",
            "Calls no process (calledElement is empty)"));
      } else if (!called.contains(EXPRESSION) && !processes.contains(called)
          && !library.hasProcess(called)) {
        findings.add(Finding.error(resource, call.getId(), "called-element-exists",
            "Calls process '" + called + "', which is neither in this change nor deployed"));
      }
    }
    Set<String> decisions = change.decisionKeys();
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String decision = task.getCamundaDecisionRef();
      if (decision != null && !decision.contains(EXPRESSION) && !decisions.contains(decision)
          && !library.hasDecision(decision)) {
        findings.add(Finding.error(resource, task.getId(), "decision-exists",
            "Evaluates decision '" + decision + "', which is neither in this change nor deployed"));
      }
    }
    deadlines(resource, model, findings);
    code(resource, model, findings);
  }

  /**
   * What a step does is Java code of this application, reviewed with it; a deployment may not
   * bring code of its own (a script, or a class from elsewhere) that would run inside the engine
   * with access to every case (R-NO-DISCLOSURE).
   */
  private static void code(String resource, BpmnModelInstance model, List<Finding> findings) {
    for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
      findings.add(Finding.error(resource, task.getId(), RULE_CODE, SCRIPTS));
    }
    for (CamundaScript script : model.getModelElementsByType(CamundaScript.class)) {
      findings.add(Finding.error(resource, owner(script), RULE_CODE, SCRIPTS));
    }
    List<ModelElementInstance> withClasses = new java.util.ArrayList<>();
    withClasses.addAll(model.getModelElementsByType(ServiceTask.class));
    withClasses.addAll(model.getModelElementsByType(SendTask.class));
    withClasses.addAll(model.getModelElementsByType(BusinessRuleTask.class));
    withClasses.addAll(model.getModelElementsByType(MessageEventDefinition.class));
    withClasses.addAll(model.getModelElementsByType(CamundaExecutionListener.class));
    withClasses.addAll(model.getModelElementsByType(CamundaTaskListener.class));
    for (ModelElementInstance element : withClasses) {
      String type = element.getAttributeValueNs(CAMUNDA, "class");
      if (type != null && !type.startsWith(OWN_CODE)) {
        findings.add(Finding.error(resource, owner(element), RULE_CODE, "Runs class '" + type
            + "', which is not this application's (" + OWN_CODE + "*): use one of its delegates"));
      }
    }
  }

  /** The id of the nearest element with one, for a listener or script inside it. */
  private static String owner(ModelElementInstance element) {
    for (ModelElementInstance at = element; at != null; at = at.getParentElement()) {
      if (at instanceof BaseElement base && base.getId() != null) {
        return base.getId();
      }
    }
    return null;
  }

  static void check(String resource, DmnModelInstance model, List<Finding> findings) {
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        findings.add(Finding.error(resource, decision.getId(), "history-time-to-live",
            "Says nothing of how long its history is kept (camunda:historyTimeToLive)"));
      }
    }
  }

  private static void deadlines(String resource, BpmnModelInstance model, List<Finding> findings) {
    Set<String> declared = new java.util.HashSet<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      Map<String, String> properties = ModelProperties.of(element);
      for (String name : properties.keySet()) {
        if (name.startsWith("sla.") && !DEADLINE_PROPERTIES.contains(name)) {
          findings.add(Finding.error(resource, element.getId(), "deadline-properties",
              "Unknown deadline property '" + name + "'; the known ones are "
                  + String.join(", ", DEADLINE_PROPERTIES.stream().sorted().toList())));
        }
      }
      boolean declaresSome = properties.keySet().stream().anyMatch(DEADLINE_PROPERTIES::contains);
      if (declaresSome && !properties.containsKey(DeadlineDeclaration.RULE)) {
        findings.add(Finding.error(resource, element.getId(), "deadline-properties",
            "Declares a deadline without " + DeadlineDeclaration.RULE
                + " (the id of the rule it comes from, such as R-COURT-24H)"));
        continue;
      }
      try {
        DeadlineDeclaration declaration =
            DeadlineDeclaration.fromProperties(element.getId(), properties);
        if (declaration != null) {
          declared.add(declaration.rule());
        }
      } catch (InvalidDeadlineDeclaration e) {
        findings.add(Finding.error(resource, element.getId(), "deadline-properties",
            e.getMessage()));
      }
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      BaseElement event = (BaseElement) timer.getParentElement();
      for (String text : timerTexts(timer)) {
        Matcher reference = CLOCK_REFERENCE.matcher(text);
        while (reference.find()) {
          if (!declared.contains(reference.group(2))) {
            findings.add(Finding.error(resource, event.getId(), "deadline-properties",
                "Waits for deadline " + reference.group(2) + ", which no element of this model "
                    + "declares with sla.rule"));
          }
        }
      }
    }
  }

  static List<String> timerTexts(TimerEventDefinition timer) {
    return java.util.stream.Stream.of(timer.getTimeDate(), timer.getTimeDuration(),
            timer.getTimeCycle())
        .filter(java.util.Objects::nonNull)
        .map(expression -> expression.getTextContent().trim())
        .toList();
  }
}
