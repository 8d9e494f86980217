package pk.hifazat.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import pk.hifazat.area.RoutingVariables;

/**
 * The variables that decide who works a case and where are set at intake and carried unchanged
 * (R-GIRL-FEMALE-CARE). A model that writes one of its own — a task's input or output parameter,
 * a call activity's mapping from another name or an expression, a result or loop variable, a form
 * field — would re-route a task or a called pathway past every check of the engine, which trusts
 * the pathway: refused by name, in any spelling.
 */
final class RoutingSetAtIntake {

  static final String RULE = "routing-set-at-intake";

  private RoutingSetAtIntake() {}

  static void check(String resource, BpmnModelInstance model, List<Finding> findings) {
    Consumer<Write> refuse = write -> {
      if (RoutingVariables.isGuarded(write.name())) {
        findings.add(Finding.error(resource, write.element(), RULE, write.how() + " '"
            + write.name() + "': the variables that decide who works a case are set at intake"
            + " and passed on unchanged"));
      }
    };
    each(model, CamundaInputParameter.class, parameter -> {
      if (!declaresEachReferralsAgency(parameter)) {
        refuse.accept(
            new Write(owner(parameter), "Sets the local variable", parameter.getCamundaName()));
      }
    });
    each(model, CamundaOutputParameter.class, parameter -> refuse.accept(
        new Write(owner(parameter), "Sets the variable", parameter.getCamundaName())));
    each(model, CamundaIn.class, in -> {
      if (!passedOnUnchanged(in.getCamundaSource(), in.getCamundaTarget(),
          in.getCamundaSourceExpression())) {
        refuse.accept(new Write(owner(in), "Hands the called pathway", in.getCamundaTarget()));
      }
    });
    each(model, CamundaOut.class, out -> {
      if (!passedOnUnchanged(out.getCamundaSource(), out.getCamundaTarget(),
          out.getCamundaSourceExpression())) {
        refuse.accept(new Write(owner(out), "Takes back from the called pathway",
            out.getCamundaTarget()));
      }
    });
    each(model, ServiceTask.class, task -> refuse.accept(
        new Write(task.getId(), "Stores its result in", task.getCamundaResultVariable())));
    each(model, SendTask.class, task -> refuse.accept(
        new Write(task.getId(), "Stores its result in", task.getCamundaResultVariable())));
    each(model, ScriptTask.class, task -> refuse.accept(
        new Write(task.getId(), "Stores its result in", task.getCamundaResultVariable())));
    each(model, BusinessRuleTask.class, task -> refuse.accept(
        new Write(task.getId(), "Stores its decision in", task.getCamundaResultVariable())));
    each(model, MultiInstanceLoopCharacteristics.class, loop -> refuse.accept(
        new Write(owner(loop), "Loops over the variable", loop.getCamundaElementVariable())));
  }

  /** A form field is submitted by the person who completes the task. */
  static void check(String resource, JsonNode form, List<Finding> findings) {
    for (JsonNode component : form.findParents("key")) {
      String key = component.path("key").asText();
      if (RoutingVariables.isGuarded(key)) {
        findings.add(Finding.error(resource, key, RULE, "Lets the person who completes the task"
            + " set '" + key + "': the variables that decide who works a case are set at intake"
            + " and passed on unchanged"));
      }
    }
  }

  /**
   * The agency's group is not set at intake: each referral of a case goes to its own agency, so
   * the referral declares it empty in its own scope and the referral's code fills it (R-REFERRAL).
   */
  private static boolean declaresEachReferralsAgency(CamundaInputParameter parameter) {
    return "agencyGroup".equals(parameter.getCamundaName())
        && parameter.getDomElement().getChildElements().isEmpty()
        && parameter.getTextContent().isBlank();
  }

  /** A guarded variable may only be handed on under its own name: {@code source == target}. */
  private static boolean passedOnUnchanged(String source, String target, String expression) {
    return target == null || expression == null && target.equals(source);
  }

  private static <T extends ModelElementInstance> void each(BpmnModelInstance model,
      Class<T> type, Consumer<T> action) {
    model.getModelElementsByType(type).forEach(action);
  }

  /** The flow element that carries a mapping or a loop: the nearest ancestor with an id. */
  private static String owner(ModelElementInstance element) {
    for (ModelElementInstance parent = element.getParentElement(); parent != null;
        parent = parent.getParentElement()) {
      if (parent instanceof BaseElement base && base.getId() != null) {
        return base.getId();
      }
    }
    return null;
  }

  private record Write(String element, String how, String name) {}
}
