package pk.hifazat.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.Map;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/**
 * A deadline as policy staff declare it on a model element with Camunda extension properties:
 * {@code sla.rule}, {@code sla.target}, {@code sla.warning}, {@code sla.start}, {@code sla.kind}.
 */
public record DeadlineDeclaration(
    String elementId, String rule, Duration target, Duration warning, String start, Kind kind) {

  public static final String RULE = "sla.rule";
  public static final String TARGET = "sla.target";
  public static final String WARNING = "sla.warning";
  public static final String START = "sla.start";
  public static final String KIND = "sla.kind";
  /** {@code sla.start} value for a clock that starts when the element starts. */
  public static final String START_AT_ACTIVITY = "activity";

  private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
  private static final DatatypeFactory DURATIONS = datatypeFactory();

  public enum Kind {
    STATUTE,
    POLICY
  }

  /** Reads a declaration from an element's extension properties, or null if it declares none. */
  public static DeadlineDeclaration fromProperties(String elementId, Map<String, String> properties) {
    String rule = properties.get(RULE);
    if (rule == null) {
      return null;
    }
    String where = "Element '" + elementId + "' (" + rule + "): ";
    String target = required(properties, TARGET, where);
    String start = properties.getOrDefault(START, START_AT_ACTIVITY).trim();
    String kind = required(properties, KIND, where).trim();
    if (start.isEmpty()) {
      throw new InvalidDeadlineDeclaration(where + START + " is empty");
    }
    Kind parsedKind;
    try {
      parsedKind = Kind.valueOf(kind.toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new InvalidDeadlineDeclaration(
          where + KIND + " must be 'statute' or 'policy', not '" + kind + "'");
    }
    Duration warning = properties.containsKey(WARNING)
        ? duration(properties.get(WARNING), WARNING, where)
        : null;
    return new DeadlineDeclaration(
        elementId, rule.trim(), duration(target, TARGET, where), warning, start, parsedKind);
  }

  public boolean startsWithActivity() {
    return START_AT_ACTIVITY.equals(start);
  }

  /** The due time of a clock started at {@code startedAt}, months counted on Pakistan's calendar. */
  public Instant dueFrom(Instant startedAt) {
    return add(target, startedAt, 1);
  }

  /** When the clock turns AT_RISK, or null if no warning is declared. */
  public Instant warningBefore(Instant dueAt) {
    return warning == null ? null : add(warning, dueAt, -1);
  }

  private static Instant add(Duration duration, Instant instant, int sign) {
    GregorianCalendar calendar = GregorianCalendar.from(instant.atZone(PAKISTAN));
    (sign < 0 ? duration.negate() : duration).addTo(calendar);
    return calendar.toInstant();
  }

  private static String required(Map<String, String> properties, String name, String where) {
    String value = properties.get(name);
    if (value == null || value.isBlank()) {
      throw new InvalidDeadlineDeclaration(where + name + " is missing");
    }
    return value;
  }

  private static Duration duration(String text, String property, String where) {
    try {
      Duration duration = DURATIONS.newDuration(text.trim());
      if (duration.getSign() <= 0) {
        throw new InvalidDeadlineDeclaration(where + property + " must be positive: '" + text + "'");
      }
      return duration;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw new InvalidDeadlineDeclaration(
          where + property + " is not an ISO-8601 duration such as PT24H or P4M: '" + text + "'");
    }
  }

  private static DatatypeFactory datatypeFactory() {
    try {
      return DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
