package pk.hifazat.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks submitted values against a Camunda Form (form-js) schema: the same required fields,
 * ranges, lengths, patterns and options Tasklist enforces, again on the server, so a completion
 * through the REST API cannot skip them. Datetime fields record what has happened and may not be
 * in the future unless the field's custom property {@code allowFuture} is {@code true}.
 */
final class FormSchemaValidator {

  private FormSchemaValidator() {}

  /** The problems found, one line per field, naming the field; empty when the values pass. */
  public static List<String> validate(JsonNode schema, Function<String, Object> values,
      Instant now) {
    List<String> problems = new ArrayList<>();
    check(schema.path("components"), values, now, problems);
    return problems;
  }

  private static void check(JsonNode components, Function<String, Object> values, Instant now,
      List<String> problems) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        check(component.get("components"), values, now, problems);
      }
      String key = component.path("key").asText(null);
      if (key == null) {
        continue;
      }
      String label = component.path("label").asText(key);
      String field = "'" + key + "' (" + label + ")";
      Object value = values.apply(key);
      JsonNode rules = component.path("validate");
      boolean blank = value == null || value instanceof String text && text.isBlank();
      if (blank) {
        if (rules.path("required").asBoolean(false) && !component.has("conditional")) {
          problems.add(field + " is required");
        }
        continue;
      }
      String problem = switch (component.path("type").asText()) {
        case "number" -> number(value, rules);
        case "textfield", "textarea" -> text(value, rules);
        case "select", "radio" -> option(value, component.path("values"));
        case "checkbox" -> value instanceof Boolean ? null : "must be true or false";
        case "datetime" -> datetime(value, component, now);
        default -> null;
      };
      if (problem != null) {
        problems.add(field + " " + problem);
      }
    }
  }

  private static String number(Object value, JsonNode rules) {
    BigDecimal number;
    try {
      number = new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      return "must be a number";
    }
    if (rules.has("min") && number.compareTo(rules.get("min").decimalValue()) < 0) {
      return "must be at least " + rules.get("min").asText();
    }
    if (rules.has("max") && number.compareTo(rules.get("max").decimalValue()) > 0) {
      return "must be at most " + rules.get("max").asText();
    }
    return null;
  }

  private static String text(Object value, JsonNode rules) {
    if (!(value instanceof String text)) {
      return "must be text";
    }
    if (rules.has("minLength") && text.length() < rules.get("minLength").asInt()) {
      return "must have at least " + rules.get("minLength").asInt() + " characters";
    }
    if (rules.has("maxLength") && text.length() > rules.get("maxLength").asInt()) {
      return "must have at most " + rules.get("maxLength").asInt() + " characters";
    }
    if (rules.has("pattern")) {
      try {
        if (!Pattern.compile(rules.get("pattern").asText()).matcher(text).matches()) {
          return "does not have the expected form";
        }
      } catch (PatternSyntaxException e) {
        return null;
      }
    }
    return null;
  }

  private static String option(Object value, JsonNode options) {
    if (!options.isArray() || options.isEmpty()) {
      return null;
    }
    List<String> allowed = new ArrayList<>();
    options.forEach(option -> allowed.add(option.path("value").asText()));
    return allowed.contains(value.toString()) ? null : "must be one of " + allowed;
  }

  private static String datetime(Object value, JsonNode component, Instant now) {
    if (!(value instanceof String text)) {
      return value instanceof java.util.Date date ? future(date.toInstant(), component, now)
          : "must be a date and time";
    }
    String subtype = component.path("subtype").asText("datetime");
    try {
      return switch (subtype) {
        case "date" -> future(LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.ofHours(5))
            .toInstant(), component, now);
        case "time" -> LocalTime.parse(text.replaceAll("(Z|[+-]\\d\\d:?\\d\\d)$", "")) == null
            ? "must be a time" : null;
        default -> future(OffsetDateTime.parse(text).toInstant(), component, now);
      };
    } catch (DateTimeParseException e) {
      return "must be an ISO-8601 " + ("date".equals(subtype) ? "date" : "time with offset");
    }
  }

  private static String future(Instant time, JsonNode component, Instant now) {
    boolean allowFuture = component.path("properties").path("allowFuture").asText("false")
        .equals("true");
    // A minute of slack for the clock of the device the form was filled on.
    return !allowFuture && time.isAfter(now.plusSeconds(60)) ? "must not be in the future" : null;
  }
}
