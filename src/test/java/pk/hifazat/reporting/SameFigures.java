package pk.hifazat.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Two ways of adding up one activity's figures agree: counts exactly, percentiles closely. */
final class SameFigures {

  private SameFigures() {}

  static void assertSame(String row, BottleneckQueries.Figures actual,
      BottleneckQueries.Figures expected) {
    assertThat(actual).as(row).isNotNull();
    assertThat(actual.activityName).as(row).isEqualTo(expected.activityName);
    assertThat(actual.workInProgress).as(row).isEqualTo(expected.workInProgress);
    assertThat(actual.arrivals).as(row).isEqualTo(expected.arrivals);
    assertThat(actual.completions).as(row).isEqualTo(expected.completions);
    assertThat(actual.completedLate).as(row).isEqualTo(expected.completedLate);
    close(row + " waiting p50", actual.waitingMedian, expected.waitingMedian);
    close(row + " waiting p90", actual.waitingP90, expected.waitingP90);
    close(row + " handling p50", actual.handlingMedian, expected.handlingMedian);
    close(row + " handling p90", actual.handlingP90, expected.handlingP90);
  }

  private static void close(String what, Double actual, Double expected) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
    } else {
      assertThat(actual).as(what).isCloseTo(expected, within(1e-6));
    }
  }
}
