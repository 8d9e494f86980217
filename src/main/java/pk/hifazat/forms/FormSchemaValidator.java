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
 *
 * <p>Rules across fields and the case are declared in a field's custom properties, where policy
 * staff see them in the Modeler, and checked here whatever door the values come through:
 * <ul>
 *   <li>{@code notBefore}: a variable holding a time this datetime field may not precede (the
 *   production may not precede the custody, R-COURT-24H; the court's order not the production),
 *   named for people by {@code notBeforeName};</li>
 *   <li>{@code notAbove}: a variable holding an amount this number may not exceed, named by
 *   {@code notAboveName}, unless the field named by {@code unlessGiven} gives the reason;</li>
 *   <li>{@code agencyOfTheDistrict}: the text is the code of an agency that has focal points in
 *   the case's district (R-REFERRAL: a referral to nobody would wait out its 48 hours).</li>
 * </ul>
 */
final class FormSchemaValidator {

  private FormSchemaValidator() {}

  /** Whether an agency (by its code) has focal points in the district of the case. */
  interface Agencies {
    /** Knows no agency: for checks without a case. */
    Agencies NONE = code -> false;

    boolean inTheDistrict(String code);
  }

  /**
   * Whether a field's {@code conditional.hide} expression hides it for the values given: true,
   * false, or null when it cannot be told (then a required field is not demanded).
   */
  interface Conditions {
    /** Tells nothing: conditional fields are never demanded. */
    Conditions UNKNOWN = expression -> null;

    Boolean hides(String expression);
  }

  /** The problems found, one line per field, naming the field; empty when the values pass. */
  public static List<String> validate(JsonNode schema, Function<String, Object> values,
      Instant now) {
    return validate(schema, values, now, Agencies.NONE);
  }

  static List<String> validate(JsonNode schema, Function<String, Object> values, Instant now,
      Agencies agencies) {
    return validate(schema, values, now, agencies, Conditions.UNKNOWN);
  }

  static List<String> validate(JsonNode schema, Function<String, Object> values, Instant now,
      Agencies agencies, Conditions conditions) {
    List<String> problems = new ArrayList<>();
    check(schema.path("components"), values, now, agencies, conditions, problems);
    return problems;
  }

  private static void check(JsonNode components, Function<String, Object> values, Instant now,
      Agencies agencies, Conditions conditions, List<String> problems) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        check(component.get("components"), values, now, agencies, conditions, problems);
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
        // A field the form shows for these values is as required as the form says; one it
        // hides, or whose condition cannot be told, is not (the form does not send it).
        boolean shown = !component.has("conditional") || Boolean.FALSE.equals(
            conditions.hides(component.path("conditional").path("hide").asText(null)));
        if (rules.path("required").asBoolean(false) && shown) {
          problems.add(field + " is required");
        }
        continue;
      }
      String problem = switch (component.path("type").asText()) {
        case "number" -> number(value, rules);
        case "textfield", "textarea" -> text(value, rules, component.path("properties"));
        case "select", "radio" -> option(value, component.path("values"));
        case "checkbox" -> value instanceof Boolean ? null : "must be true or false";
        case "datetime" -> datetime(value, component, now);
        default -> null;
      };
      if (problem == null) {
        problem = acrossFields(component.path("properties"), value, values, agencies);
      }
      if (problem != null) {
        problems.add(field + " " + problem);
      }
    }
  }

  private static String acrossFields(JsonNode properties, Object value,
      Function<String, Object> values, Agencies agencies) {
    if (properties.hasNonNull("notBefore")) {
      Instant earliest = moment(values.apply(properties.get("notBefore").asText()));
      Instant time = moment(value);
      if (earliest != null && time != null && time.isBefore(earliest)) {
        return "must not be before " + properties.path("notBeforeName")
            .asText(properties.get("notBefore").asText()) + " ("
            + PAKISTAN_TIME.format(earliest) + ")";
      }
    }
    if (properties.hasNonNull("notAbove")) {
      BigDecimal ceiling = decimal(values.apply(properties.get("notAbove").asText()));
      BigDecimal amount = decimal(value);
      String reason = properties.path("unlessGiven").asText(null);
      Object given = reason == null ? null : values.apply(reason);
      boolean explained = given instanceof String text && !text.isBlank();
      if (ceiling != null && amount != null && amount.compareTo(ceiling) > 0 && !explained) {
        return "must not be more than " + properties.path("notAboveName")
            .asText(properties.get("notAbove").asText()) + " (" + ceiling.toPlainString() + ")"
            + (reason == null ? "" : " unless '" + reason + "' says why");
      }
    }
    if (properties.path("agencyOfTheDistrict").asText("false").equals("true")
        && value instanceof String code && !code.isBlank()
        && !agencies.inTheDistrict(code.strip())) {
      return "is not the code of an agency with focal points in the case's district";
    }
    return null;
  }

  private static final java.time.format.DateTimeFormatter PAKISTAN_TIME =
      java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
          .withZone(java.time.ZoneId.of("Asia/Karachi"));

  /** A time as a variable holds it: ISO-8601 text with offset, or a date. */
  private static Instant moment(Object value) {
    if (value instanceof java.util.Date date) {
      return date.toInstant();
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private static BigDecimal decimal(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String number(Object value, JsonNode rules) {
    // A number field holds a number: the pathways read it as one, and text in its place would
    // fail them later, as a server error instead of the caller's mistake.
    if (!(value instanceof Number)) {
      return "must be a number";
    }
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

  private static String text(Object value, JsonNode rules, JsonNode properties) {
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
          // Said in words where the form says what is expected, never as the raw pattern.
          return properties.hasNonNull("patternName")
              ? "must be " + properties.get("patternName").asText()
              : "does not have the expected form";
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
