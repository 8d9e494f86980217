package pk.hifazat.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.area.UserArea;
import pk.hifazat.area.UserAreas;
import pk.hifazat.security.CaseReaders;
import pk.hifazat.support.InvalidQueryException;
import pk.hifazat.support.QueryParameters;

/**
 * {@code GET /api/bottlenecks}: for each activity of each pathway, in the manager's area, how much
 * work waits, how fast it arrives and leaves, how long it waits and takes, and how often it is late.
 */
@RestController
class BottleneckController {

  private static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
  private static final long MAX_DAYS = 3660;

  private final BottleneckQueries queries;
  private final UserAreas areas;
  private final CaseReaders readers;

  BottleneckController(BottleneckQueries queries, UserAreas areas, CaseReaders readers) {
    this.queries = queries;
    this.areas = areas;
    this.readers = readers;
  }

  record Percentiles(Double median, Double p90) {

    static Percentiles of(Double median, Double p90) {
      return median == null ? null : new Percentiles(median, p90);
    }
  }

  record Activity(String processDefinitionKey, String activityId, String activityName,
      String province, String district, String agency, long workInProgress, long overdueOpen,
      double arrivalsPerDay, double completionsPerDay, Percentiles waitingSeconds,
      Percentiles handlingSeconds, Double breachRate,
      List<BottleneckQueries.OldestOpen> oldestOpen) {}

  record Bottlenecks(Instant from, Instant to, double days, List<Activity> activities) {}

  @GetMapping("/api/bottlenecks")
  Bottlenecks bottlenecks(Authentication user,
      @RequestParam(required = false) String province,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String groupBy) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant end = QueryParameters.instant("to", to, now);
    Instant start = QueryParameters.instant("from", from, end.minus(DEFAULT_WINDOW));
    QueryParameters.range(start, end);
    double days = Duration.between(start, end).toSeconds() / 86400.0;
    if (days > MAX_DAYS) {
      throw new InvalidQueryException("from", "the range may span at most " + MAX_DAYS + " days");
    }
    UserArea userArea = areas.of(user);
    UserArea.AreaFilter area = userArea.narrow(province, district);
    // Policy staff read aggregate figures only: no case numbers (R-NO-DISCLOSURE).
    boolean caseNumbers = !userArea.aggregatesOnly();
    BottleneckQueries.GroupBy grouping = groupBy == null ? BottleneckQueries.GroupBy.NONE
        : QueryParameters.oneOf("groupBy", groupBy, BottleneckQueries.GroupBy.class);
    List<Activity> activities = queries.figures(new BottleneckQueries.Filter(area.province(),
            area.district(), blankToNull(agency), start, end, now, grouping,
            // The drill-down names only cases the engine grants the user (R-GIRL-FEMALE-CARE).
            readers.readableCases(user)))
        .entrySet().stream()
        .map(entry -> {
          BottleneckQueries.Key key = entry.getKey();
          BottleneckQueries.Figures figures = entry.getValue();
          return new Activity(key.processDefinitionKey(), key.activityId(),
              figures.activityName, key.province(), key.district(), key.agency(),
              figures.workInProgress, figures.overdueOpen, round(figures.arrivals / days),
              round(figures.completions / days),
              Percentiles.of(figures.waitingMedian, figures.waitingP90),
              Percentiles.of(figures.handlingMedian, figures.handlingP90),
              figures.completions == 0 ? null
                  : round((double) figures.completedLate / figures.completions),
              caseNumbers ? List.copyOf(figures.oldestOpen) : List.of());
        })
        .sorted(Comparator.comparingLong(Activity::overdueOpen).reversed()
            .thenComparing(Comparator.comparingLong(Activity::workInProgress).reversed())
            .thenComparing(Activity::activityId))
        .toList();
    return new Bottlenecks(start, end, round(days), activities);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
