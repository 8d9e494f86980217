package pk.hifazat.support;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable, declared once with its name and type, read and written the same way by
 * delegates, controllers and tests.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  public T from(VariableScope scope) {
    return cast(scope.getVariable(name));
  }

  public T from(Map<String, ?> variables) {
    return cast(variables.get(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void put(Map<String, Object> variables, T value) {
    variables.put(name, value);
  }

  private T cast(Object value) {
    if (value == null) {
      return null;
    }
    if (type == Integer.class && value instanceof Number number) {
      return type.cast(number.intValue());
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "Process variable '" + name + "' holds a " + value.getClass().getSimpleName()
              + ", expected " + type.getSimpleName());
    }
    return type.cast(value);
  }
}
