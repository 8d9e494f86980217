package pk.hifazat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Lahore reports made long ago, girls' first, then boys', ten minutes apart: a list that names
 * only readable cases must find the boys' behind the girls' for a male officer
 * (R-GIRL-FEMALE-CARE). Start at a moment no other scenario uses, so these come first.
 */
public record GirlsThenBoys(List<String> girls, List<String> boys) {

  public static GirlsThenBoys reported(CaseDriver cases, Instant from, int girls, int boys)
      throws Exception {
    GirlsThenBoys reported = new GirlsThenBoys(new ArrayList<>(), new ArrayList<>());
    try {
      for (int i = 0; i < girls + boys; i++) {
        Instant at = from.plus(Duration.ofMinutes(10L * i));
        cases.clockAt(at);
        boolean girl = i < girls;
        (girl ? reported.girls : reported.boys).add(cases.report(
            Reports.notInCustody("PB", "Lahore", girl ? "F" : "M", "SEXUAL_ABUSE", at)));
      }
    } finally {
      ClockUtil.reset();
    }
    return reported;
  }
}
