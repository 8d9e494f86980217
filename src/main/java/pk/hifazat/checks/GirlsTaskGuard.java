package pk.hifazat.checks;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import pk.hifazat.area.CaseTeam;

/**
 * A girl's task goes to female officers only (R-GIRL-FEMALE-CARE). Each user task's candidate
 * groups, candidate users and assignee are worked out as the engine would for a girl's case; what
 * they name must be a group known to be female-only, or one that oversees or serves the case
 * without caring for the child (supervisors, the referral agencies' focal points). A literal user,
 * a mixed group or anything the guard cannot place is refused. The models' shared routing,
 * {@code ${caseTeam.officers(execution)}}, is worked out with the pathway bean itself, so a change
 * to it that sent a girl's task to male officers would be refused in every model at once.
 */
final class GirlsTaskGuard {

  private static final String RULE = "girls-tasks-female-only";
  private static final String FEMALE_SUFFIX = "-female";
  /** The one way the models write an officer task's candidate groups. */
  static final String SHARED_ROUTING = "${caseTeam.officers(execution)}";

  /** The routing variables every case carries (set at intake) and what each one names. */
  private enum Routing {
    femaleOfficersGroup(true),
    officersGroup(false),
    supervisorsGroup(true),
    agencyGroup(true);

    final boolean allowedForAGirl;

    Routing(boolean allowedForAGirl) {
      this.allowedForAGirl = allowedForAGirl;
    }

    String placeholder() {
      return "{" + name() + "}";
    }
  }

  private GirlsTaskGuard() {}

  static void check(String resource, BpmnModelInstance model, List<Finding> findings) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      Map<String, String> who = new java.util.LinkedHashMap<>();
      who.put("candidate groups", task.getCamundaCandidateGroups());
      who.put("candidate users", task.getCamundaCandidateUsers());
      who.put("assignee", task.getCamundaAssignee());
      for (Map.Entry<String, String> entry : who.entrySet()) {
        if (entry.getValue() == null || entry.getValue().isBlank()) {
          continue;
        }
        for (String part : parts(entry.getValue())) {
          String problem = problemForAGirl(entry.getKey(), part);
          if (problem != null) {
            findings.add(Finding.error(resource, task.getId(), RULE, problem));
          }
        }
      }
    }
  }

  private static String problemForAGirl(String role, String text) {
    List<String> named;
    try {
      named = evaluateForAGirl(text);
    } catch (ELException | IllegalArgumentException e) {
      return "Its " + role + " '" + text + "' cannot be shown to reach female officers only for"
          + " a girl: use " + SHARED_ROUTING;
    }
    for (String name : named) {
      boolean isGroup = role.equals("candidate groups");
      Routing routing = java.util.Arrays.stream(Routing.values())
          .filter(r -> r.placeholder().equals(name)).findFirst().orElse(null);
      boolean allowed = routing != null ? isGroup && routing.allowedForAGirl
          : isGroup && name.endsWith(FEMALE_SUFFIX);
      if (!allowed) {
        String what = routing != null ? routing.name() : "'" + name + "'";
        return "For a girl, its " + role + " '" + text + "' give the task to " + what
            + ", which is not female-only: a girl's task goes to female officers only";
      }
    }
    return null;
  }

  private static List<String> evaluateForAGirl(String text) {
    if (!text.contains("${") && !text.contains("#{")) {
      return List.of(text.trim());
    }
    // Worked out here, outside the engine: only what the expression check allows is evaluated.
    if (!ExpressionGuard.problems(text).isEmpty()) {
      throw new IllegalArgumentException(text);
    }
    ExpressionFactory factory = new ExpressionFactoryImpl();
    SimpleContext context = new SimpleContext();
    Map<String, Object> girlsCase = new HashMap<>();
    girlsCase.put("childSex", "F");
    for (Routing routing : Routing.values()) {
      girlsCase.put(routing.name(), routing.placeholder());
    }
    girlsCase.forEach((name, value) ->
        context.setVariable(name, factory.createValueExpression(value, Object.class)));
    VariableScope execution = variablesOnly(girlsCase);
    context.setVariable("execution", factory.createValueExpression(execution, VariableScope.class));
    context.setVariable("task", factory.createValueExpression(execution, VariableScope.class));
    context.setVariable("caseTeam", factory.createValueExpression(new CaseTeam(), CaseTeam.class));
    Object value = factory.createValueExpression(context, text.trim(), Object.class)
        .getValue(context);
    List<String> named = new ArrayList<>();
    if (value instanceof Collection<?> values) {
      values.forEach(v -> named.add(String.valueOf(v).trim()));
    } else if (value != null && !String.valueOf(value).isBlank()) {
      for (String part : String.valueOf(value).split(",")) {
        named.add(part.trim());
      }
    }
    return named;
  }

  /** A girl's case as the pathway beans see it: its variables, and nothing else to reach. */
  private static VariableScope variablesOnly(Map<String, Object> variables) {
    return (VariableScope) Proxy.newProxyInstance(GirlsTaskGuard.class.getClassLoader(),
        new Class<?>[] {VariableScope.class}, (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(variables, args);
          }
          if (method.getName().equals("getVariable") && args != null && args.length == 1) {
            return variables.get(String.valueOf(args[0]));
          }
          throw new IllegalArgumentException("a girl's routing cannot be placed through "
              + method.getName());
        });
  }

  /** Splits "a, ${x}, b" at the commas outside expressions, as the engine does. */
  private static List<String> parts(String attribute) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    int depth = 0;
    for (char c : attribute.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        parts.add(part.toString().trim());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    if (!part.toString().isBlank()) {
      parts.add(part.toString().trim());
    }
    return parts;
  }
}
