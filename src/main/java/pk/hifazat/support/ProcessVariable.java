package pk.hifazat.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable, declared once with its name and type, read and written the same way by
 * delegates, controllers and tests.
 */
public final class ProcessVariable<T> {

  /**
   * Small values kept as JSON text. A mapper of its own, not the web layer's: what is stored must
   * read back for as long as a case runs, whatever the API's settings, and a value written by an
   * earlier version with a field since dropped still reads.
   */
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final String name;
  private final Class<?> type;
  private final Function<Object, T> read;
  private final Function<T, Object> write;

  private ProcessVariable(String name, Class<?> type, Function<Object, T> read,
      Function<T, Object> write) {
    this.name = name;
    this.type = type;
    this.read = read;
    this.write = write;
  }

  /** A variable the engine holds as {@code type} itself (a string, boolean, number). */
  public ProcessVariable(String name, Class<T> type) {
    this.name = name;
    this.type = type;
    this.read = value -> plain(name, type, value);
    this.write = value -> value;
  }

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
    return new ProcessVariable<>(name, Instant.class, value -> moment(name, value),
        Date::from);
  }

  /**
   * A moment a Camunda Form's datetime field shows again (prefilled in Tasklist): kept as the
   * ISO-8601 text with offset such a field writes ({@code 2026-11-20T08:00+05:00}), read as an
   * {@link OffsetDateTime}. Also read from a Date, as set in Cockpit.
   */
  public static ProcessVariable<OffsetDateTime> isoTime(String name) {
    return new ProcessVariable<>(name, OffsetDateTime.class, value -> {
      if (value instanceof Date date) {
        return date.toInstant().atOffset(ZoneOffset.UTC);
      }
      return value instanceof OffsetDateTime time ? time : offsetTime(name, value);
    }, OffsetDateTime::toString);
  }

  /**
   * A small value object or list, kept as a JSON string variable: Java serialization stays off,
   * and without Camunda Spin the engine stores no JSON objects of its own. Cockpit and the engine
   * REST API show the text as it is.
   */
  public static <T> ProcessVariable<T> json(String name, Class<T> type) {
    return json(name, JSON.constructType(type));
  }

  /** {@link #json(String, Class)} for a generic type such as {@code List<String>}. */
  public static <T> ProcessVariable<T> json(String name, TypeReference<T> type) {
    return json(name, JSON.constructType(type));
  }

  private static <T> ProcessVariable<T> json(String name, JavaType type) {
    return new ProcessVariable<>(name, type.getRawClass(),
        value -> value == null ? null : fromJson(name, type, plain(name, String.class, value)),
        value -> toJson(name, value));
  }

  /**
   * The same JSON variable, still read from the text it held before it was JSON (cases running
   * on a deployed database keep their variables): a JSON array or object starts with {@code [}
   * or {@code {}, which such text never does.
   */
  public ProcessVariable<T> orEarlierText(Function<String, T> earlier) {
    Function<Object, T> json = read;
    return new ProcessVariable<>(name, type, value -> {
      if (value instanceof String text && !text.isBlank() && !text.strip().startsWith("[")
          && !text.strip().startsWith("{")) {
        return earlier.apply(text);
      }
      return json.apply(value);
    }, write);
  }

  public String name() {
    return name;
  }

  public T from(VariableScope scope) {
    return read(scope.getVariable(name));
  }

  public T from(Map<String, ?> variables) {
    return read(variables.get(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
  }

  public void put(Map<String, Object> variables, T value) {
    variables.put(name, stored(value));
  }

  /** Two declarations of one variable with one type are the same variable. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ProcessVariable<?> variable && name.equals(variable.name)
        && type.equals(variable.type);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return name + " (" + type.getSimpleName() + ")";
  }

  private T read(Object value) {
    return value == null ? null : read.apply(value);
  }

  private Object stored(T value) {
    return value == null ? null : write.apply(value);
  }

  private static <T> T plain(String name, Class<T> type, Object value) {
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

  private static Instant moment(String name, Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    OffsetDateTime time = offsetTime(name, value);
    return time == null ? null : time.toInstant();
  }

  private static OffsetDateTime offsetTime(String name, Object value) {
    if (!(value instanceof String text)) {
      throw new IllegalStateException("Process variable '" + name + "' holds a "
          + value.getClass().getSimpleName() + ", expected a time");
    }
    if (text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("Process variable '" + name + "' holds '" + text
          + "', which is not an ISO-8601 time with offset");
    }
  }

  private static <T> T fromJson(String name, JavaType type, String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Process variable '" + name + "' holds text that is not"
          + " JSON of a " + type.getRawClass().getSimpleName() + ": " + e.getOriginalMessage());
    }
  }

  private static String toJson(String name, Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Process variable '" + name + "' cannot hold a "
          + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage());
    }
  }
}
