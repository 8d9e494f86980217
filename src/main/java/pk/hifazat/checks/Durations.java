package pk.hifazat.checks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.List;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/** ISO-8601 durations of deadlines, compared as the clocks count them. */
final class Durations {

  private static final DatatypeFactory FACTORY = factory();
  private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
  /**
   * Starts where months are shortest and longest (four months from 31 October are 120 days, from
   * 1 July 123), at month ends and across a leap February: where "P4M" and "P121D" part ways.
   */
  private static final List<Instant> STARTS = List.of(Instant.parse("2026-01-31T00:00:00Z"),
      Instant.parse("2026-02-28T12:00:00Z"), Instant.parse("2026-07-01T06:00:00Z"),
      Instant.parse("2026-07-31T23:00:00Z"), Instant.parse("2026-10-31T06:00:00Z"),
      Instant.parse("2028-02-29T06:00:00Z"));

  private Durations() {}

  static Duration parse(String text) {
    return FACTORY.newDuration(text.trim());
  }

  /** Whether a clock of {@code duration} can ever fall due later than one of {@code limit}. */
  static boolean longerThan(Duration duration, Duration limit) {
    return STARTS.stream().anyMatch(start -> due(duration, start).isAfter(due(limit, start)));
  }

  private static Instant due(Duration duration, Instant start) {
    GregorianCalendar calendar = GregorianCalendar.from(start.atZone(PAKISTAN));
    duration.addTo(calendar);
    return calendar.toInstant();
  }

  private static DatatypeFactory factory() {
    try {
      return DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
