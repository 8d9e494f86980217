package pk.hifazat.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
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

  /**
   * A moment in time, read as an {@link Instant} and written as a Camunda Date variable (Cockpit
   * shows and edits it as a date, and a deadline may start at it). Still read from ISO-8601 text
   * with an offset: the Camunda Forms' datetime fields write that, and cases already running hold
   * their times that way.
   */
  public static ProcessVariable<Instant> time(String name) {
    return new ProcessVariable<>(name, Instant.class);
  }

  public T from(VariableScope scope) {
    return cast(scope.getVariable(name));
  }

  public T from(Map<String, ?> variables) {
    return cast(variables.get(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
  }

  public void put(Map<String, Object> variables, T value) {
    variables.put(name, stored(value));
  }

  private Object stored(T value) {
    return value instanceof Instant instant ? Date.from(instant) : value;
  }

  private T cast(Object value) {
    if (value == null) {
      return null;
    }
    if (type == Integer.class && value instanceof Number number) {
      return type.cast(number.intValue());
    }
    if (type == Instant.class) {
      return type.cast(instant(value));
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "Process variable '" + name + "' holds a " + value.getClass().getSimpleName()
              + ", expected " + type.getSimpleName());
    }
    return type.cast(value);
  }

  private Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof String text) {
      if (text.isBlank()) {
        return null;
      }
      try {
        return OffsetDateTime.parse(text.trim()).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalStateException("Process variable '" + name + "' holds '" + text
            + "', which is not an ISO-8601 time with offset");
      }
    }
    throw new IllegalStateException("Process variable '" + name + "' holds a "
        + value.getClass().getSimpleName() + ", expected a time");
  }
}
