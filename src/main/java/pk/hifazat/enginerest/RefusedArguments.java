package pk.hifazat.enginerest;

import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.core.CoreLogger;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.form.handler.SubmitFormVariablesInvocation;
import org.camunda.bpm.engine.impl.util.EnsureUtil;
import org.camunda.bpm.engine.impl.variable.serializer.DefaultVariableSerializers;

/**
 * The engine refusing what a caller gave it, where the engine says so only by a plain
 * {@link ProcessEngineException}: an argument its checks refuse (a negative count, an id that is
 * not a valid identifier), a variable value it cannot store (an object in a format it has no
 * serializer for, Java serialization, a transient flag changed), and a value longer than its
 * database column. Where it was thrown tells these from a failure of ours: inside a listener or
 * delegate of a pathway the same refusal is the pathway's fault, whoever asked; inside a form's
 * submission it is the caller's.
 */
final class RefusedArguments {

  /** SQL's "string data, right truncation": a value longer than its column. */
  private static final String TOO_LONG_FOR_ITS_COLUMN = "22001";

  private RefusedArguments() {}

  /** Whether the engine refused an argument or variable value its caller gave it. */
  static boolean refusedByEngine(Throwable exception) {
    if (!(exception instanceof ProcessEngineException) || insidePathwayCode(exception)) {
      return false;
    }
    StackTraceElement thrownAt = firstOwnFrame(exception);
    if (thrownAt == null) {
      return false;
    }
    String where = thrownAt.getClassName();
    String method = thrownAt.getMethodName();
    return where.equals(EnsureUtil.class.getName()) && method.equals("generateException")
        || where.equals(CoreLogger.class.getName())
            && (method.equals("transientVariableException")
                || method.equals("javaSerializationProhibitedException"))
        || where.equals(DefaultVariableSerializers.class.getName())
            && method.equals("findSerializerForValue");
  }

  /** What the caller is told of a value the engine has no serializer for. */
  static String explained(Throwable exception, String message) {
    StackTraceElement thrownAt = firstOwnFrame(exception);
    if (thrownAt != null
        && thrownAt.getClassName().equals(DefaultVariableSerializers.class.getName())
        && message != null && exception.getMessage() != null) {
      return message.replace(exception.getMessage(), "The engine cannot store an object in this"
          + " serialization format; send text, numbers, dates, booleans or a file");
    }
    return message;
  }

  /** Whether the database refused a value as longer than its column (any database's words). */
  static boolean tooLongForItsColumn(Throwable exception) {
    if (!(exception instanceof SQLException sql)) {
      return false;
    }
    // A batch of inserts carries the statement's own refusal as its next exception.
    for (SQLException refusal = sql; refusal != null; refusal = refusal.getNextException()) {
      if (TOO_LONG_FOR_ITS_COLUMN.equals(refusal.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The frame that made the exception, past the reflection that may have built it. */
  private static StackTraceElement firstOwnFrame(Throwable exception) {
    for (StackTraceElement frame : exception.getStackTrace()) {
      String name = frame.getClassName();
      if (!name.startsWith("jdk.internal.reflect.") && !name.startsWith("java.lang.reflect.")
          && !name.startsWith("sun.reflect.")) {
        return frame;
      }
    }
    return null;
  }

  /**
   * Whether the innermost delegate invocation around the refusal ran a pathway's code (a
   * listener, a delegate, an expression) rather than submitting a form: a form's submission is
   * an invocation too, and its values are the caller's.
   */
  private static boolean insidePathwayCode(Throwable exception) {
    for (StackTraceElement frame : exception.getStackTrace()) {
      if (frame.getClassName().equals(SubmitFormVariablesInvocation.class.getName())) {
        return false;
      }
      if (frame.getClassName().equals(DelegateInvocation.class.getName())) {
        return true;
      }
    }
    return false;
  }
}
