package pk.hifazat.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading query parameters the same way everywhere, with a 400 naming the parameter. */
public final class QueryParameters {

  private QueryParameters() {}

  public static Instant instant(String name, String value, Instant fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(value.trim()).toInstant();
      } catch (DateTimeParseException again) {
        throw new InvalidQueryException(name, "must be an ISO-8601 time, e.g. 2026-11-20T00:00:00Z");
      }
    }
  }

  public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException(name, "must be one of "
          + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  public static int limit(String name, Integer value, int fallback, int maximum) {
    if (value == null) {
      return fallback;
    }
    if (value < 1 || value > maximum) {
      throw new InvalidQueryException(name, "must be between 1 and " + maximum);
    }
    return value;
  }

  public static void range(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new InvalidQueryException("from", "must be before 'to'");
    }
  }
}
