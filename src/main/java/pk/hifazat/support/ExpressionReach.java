package pk.hifazat.support;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a pathway's expression may reach, one list for the deployment check and the engine's
 * resolver alike: process variables, the pathway beans, and of the execution or task only its
 * variables and business key. Nothing that leads to the engine's services, the application
 * context, classes or reflection: a policy editor changes pathways, not who may do what
 * (R-NO-DISCLOSURE).
 */
public final class ExpressionReach {

  /** What {@code execution} and {@code task} offer a model, called as methods. */
  public static final Set<String> SCOPE_METHODS = Set.of("getVariable", "getVariableLocal",
      "hasVariable", "hasVariableLocal", "setVariable", "setVariableLocal", "getBusinessKey",
      "getProcessBusinessKey");
  /** ... and read as properties ({@code #{execution.processBusinessKey}}). */
  public static final Set<String> SCOPE_PROPERTIES = Set.of("businessKey", "processBusinessKey");
  /** The names the engine resolves to an execution or a task rather than to a variable. */
  public static final Set<String> SCOPES = Set.of("execution", "task", "caseExecution");
  /** Resolved by the engine to an object a model has no business reading from. */
  public static final Set<String> OPAQUE = Set.of("externalTask");
  /** The functions the engine registers, without prefix; any other is refused. */
  public static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser",
      "currentUserGroups");

  /**
   * Parts of a member name that lead out of the pathway: to the engine's services and
   * configuration, the application context and its beans, classes, class loaders, reflection,
   * threads and processes. Compared without regard to case.
   */
  private static final List<String> FORBIDDEN_PARTS = List.of("class", "loader", "engine",
      "service", "context", "reflect", "bean", "invoke", "forname", "newinstance", "declared",
      "constructor", "runtime", "thread", "unsafe", "proxy", "script", "lookup", "jndi",
      "security", "identity", "authoriz");
  private static final Set<String> FORBIDDEN_NAMES = Set.of("getmethod", "getmethods",
      "getfield", "getfields", "exec", "getmodule", "getprotectiondomain", "wait", "notify",
      "notifyall");

  private ExpressionReach() {}

  /** Whether a member of this name is refused on whatever object it is asked of. */
  public static boolean forbidden(String member) {
    String name = member.strip().toLowerCase(Locale.ROOT);
    return FORBIDDEN_NAMES.contains(name) || FORBIDDEN_PARTS.stream().anyMatch(name::contains);
  }

  /** Whether {@code execution} or {@code task} offers a model this member. */
  public static boolean scopeOffers(String member, boolean method) {
    return method ? SCOPE_METHODS.contains(member) : SCOPE_PROPERTIES.contains(member);
  }

  /** The words a refusal ends with, so policy staff see what they may write instead. */
  public static final String ALLOWED = "an expression reaches process variables, the pathway "
      + "beans, and of execution or task only getVariable, setVariable, hasVariable and the "
      + "business key";
}
