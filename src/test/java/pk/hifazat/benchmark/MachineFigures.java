package pk.hifazat.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** What the benchmarks report the same way: percentiles of timings, and how busy the machine was. */
public final class MachineFigures {

  private MachineFigures() {}

  /** The nearest-rank percentile ({@code p} in 0..1) of the values; NaN when there are none. */
  public static double nearestRank(Collection<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** The machine's one-minute load average: the figures of a busy machine read differently. */
  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "n/a";
    }
  }
}
