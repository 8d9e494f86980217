package pk.hifazat.statistics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a table covers: a range of Pakistan dates, an area already cut to the user's own, the
 * length of its periods, and the offences it is limited to (none: all).
 */
record Scope(LocalDate from, LocalDate toInclusive, String province, String district,
    Period period, List<String> offences) {

  /** Periods and dates are Pakistan's (UTC+5, no daylight saving). */
  static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

  enum Period { MONTH, QUARTER, YEAR }

  Instant start() {
    return from.atStartOfDay(PAKISTAN).toInstant();
  }

  Instant end() {
    return toInclusive.plusDays(1).atStartOfDay(PAKISTAN).toInstant();
  }

  Scope withOffences(List<String> limitedTo) {
    return new Scope(from, toInclusive, province, district, period, limitedTo);
  }

  /** The periods the range falls into, in order, each with its first day. */
  List<PeriodSlot> periods() {
    List<PeriodSlot> slots = new ArrayList<>();
    LocalDate start = switch (period) {
      case YEAR -> from.withDayOfYear(1);
      case QUARTER -> from.withDayOfMonth(1).withMonth(((from.getMonthValue() - 1) / 3) * 3 + 1);
      case MONTH -> from.withDayOfMonth(1);
    };
    while (!start.isAfter(toInclusive)) {
      String label = switch (period) {
        case YEAR -> Integer.toString(start.getYear());
        case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
        case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
      };
      slots.add(new PeriodSlot(label, start.atStartOfDay(PAKISTAN).toInstant()));
      start = switch (period) {
        case YEAR -> start.plusYears(1);
        case QUARTER -> start.plusMonths(3);
        case MONTH -> start.plusMonths(1);
      };
    }
    return slots;
  }

  record PeriodSlot(String label, Instant start) {}
}
