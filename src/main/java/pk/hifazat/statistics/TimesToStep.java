package pk.hifazat.statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How long children wait from their report to a step of their case (production before the
 * court, a placement, compensation paid), by sex, zone or another dimension: the gaps the
 * Committee asks about (R-DATA-DISAGGREGATED). Each child counts once, at the first time the
 * step came in the period. A group of fewer children than the suppression threshold shows no
 * times, since a median of two or three could point to a child.
 */
final class TimesToStep {

  /** One group's wait in days: the median and the 90th percentile, or hidden when too few. */
  record Row(String category, Long children, boolean suppressed, Double medianDays,
      Double p90Days) {}

  record Report(String indicator, String step, String by, List<Row> rows, Row total,
      String note) {}

  private TimesToStep() {}

  static Report of(Indicator indicator, Dimension by, List<Tables.Wait> waits, int threshold,
      Function<String, String> label) {
    Map<String, List<Double>> days = new LinkedHashMap<>();
    List<Double> all = new ArrayList<>();
    for (Tables.Wait wait : waits) {
      double waited = Duration.between(wait.reportedAt(), wait.factAt()).toMinutes() / 1440.0;
      if (waited < 0) {
        continue; // a step recorded before its report belongs to an earlier report of the child
      }
      days.computeIfAbsent(label.apply(wait.category()), key -> new ArrayList<>()).add(waited);
      all.add(waited);
    }
    List<Row> rows = days.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(group -> row(group.getKey(), group.getValue(), threshold)).toList();
    return new Report(indicator.id(), indicator.wording(), by.id, rows,
        row("All", all, threshold), "Days from the report to the step, for each child once;"
            + " groups of fewer than " + threshold + " children show neither their number nor their"
            + " times.");
  }

  private static Row row(String category, List<Double> days, int threshold) {
    if (days.isEmpty()) {
      return new Row(category, 0L, false, null, null);
    }
    if (days.size() < threshold) {
      return new Row(category, null, true, null, null);
    }
    List<Double> sorted = days.stream().sorted().toList();
    return new Row(category, (long) sorted.size(), false, round(percentile(sorted, 0.5)),
        round(percentile(sorted, 0.9)));
  }

  /** The nearest-rank percentile: a day a child actually waited, never an average of two. */
  static double percentile(List<Double> sorted, double share) {
    int rank = (int) Math.ceil(share * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  private static double round(double days) {
    return Math.round(days * 10) / 10.0;
  }
}
