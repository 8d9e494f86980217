package pk.hifazat.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.area.AreaDeniedException;
import pk.hifazat.area.UserArea;
import pk.hifazat.area.UserAreas;
import pk.hifazat.security.CaseReaders;
import pk.hifazat.support.InvalidQueryException;
import pk.hifazat.support.QueryParameters;

/**
 * {@code GET /api/sla/clocks} and {@code GET /api/sla/breaches}: the deadlines of the cases in
 * the manager's area that the engine grants the user, by case number only (R-NO-DISCLOSURE).
 */
@RestController
class SlaController {

  private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
  private static final Duration DEFAULT_BREACH_WINDOW = Duration.ofDays(90);
  private static final int MAX_DAYS = 3660;

  private final ClockQueries queries;
  private final UserAreas areas;
  private final CaseReaders readers;

  SlaController(ClockQueries queries, UserAreas areas, CaseReaders readers) {
    this.queries = queries;
    this.areas = areas;
    this.readers = readers;
  }

  record ClockView(String caseNumber, String rule, String kind, String element,
      String processDefinitionKey, String province, String district, String agency,
      Instant startedAt, Instant warningAt, Instant dueAt, ClockStatus status, Instant atRiskAt,
      Instant breachedAt, Instant stoppedAt) {

    static ClockView of(Clock clock, Instant now) {
      ClockStatus status = clock.statusAt(now);
      return new ClockView(clock.caseNumber(), clock.rule(),
          clock.kind().name().toLowerCase(), clock.elementId(), clock.processDefinitionKey(),
          clock.province(), clock.district(), clock.agency(), clock.startedAt(),
          clock.warningAt(), clock.dueAt(), status, clock.atRiskAt(),
          status == ClockStatus.BREACHED ? clock.dueAt() : null, clock.stoppedAt());
    }
  }

  record Clocks(long total, List<ClockView> clocks) {}

  record RuleCount(String rule, long count) {}

  record DayCount(LocalDate day, long count) {}

  record Breaches(Instant from, Instant to, long total, List<RuleCount> byRule,
      List<DayCount> byDay, List<ClockView> breaches) {}

  /** The query parameters both lists take; all optional. */
  record ClockParams(String caseNumber, String rule, String status, String province,
      String district, String agency, String from, String to, Integer limit) {}

  @GetMapping("/api/sla/clocks")
  Clocks clocks(Authentication user, ClockParams params) {
    Instant now = now();
    ClockFilter filter = filter(user, params,
        QueryParameters.oneOf("status", params.status(), ClockStatus.class),
        QueryParameters.instant("from", params.from(), null),
        QueryParameters.instant("to", params.to(), null));
    return new Clocks(queries.count(filter, now),
        queries.list(filter, now, false).stream().map(clock -> ClockView.of(clock, now)).toList());
  }

  /** Breaches in a time range (by default the last 90 days); the status parameter is ignored. */
  @GetMapping("/api/sla/breaches")
  Breaches breaches(Authentication user, ClockParams params) {
    Instant now = now();
    Instant end = QueryParameters.instant("to", params.to(), now);
    Instant start = QueryParameters.instant("from", params.from(),
        end.minus(DEFAULT_BREACH_WINDOW));
    QueryParameters.range(start, end);
    if (Duration.between(start, end).toDays() > MAX_DAYS) {
      throw new InvalidQueryException("from", "the range may span at most " + MAX_DAYS + " days");
    }
    ClockFilter filter = filter(user, params, ClockStatus.BREACHED, start, end);
    // The counts name no case: they stay the area's, unless asked of one case; the list names
    // only cases the user may read.
    boolean oneCase = filter.caseNumber() != null && !filter.caseNumber().isBlank();
    ClockFilter counted = oneCase ? filter : filter.everyCase();
    List<RuleCount> byRule = queries.countByRule(counted, now).entrySet().stream()
        .map(entry -> new RuleCount(entry.getKey(), entry.getValue())).toList();
    return new Breaches(start, end, byRule.stream().mapToLong(RuleCount::count).sum(), byRule,
        byDay(queries.countByDay(counted, now, PAKISTAN), start, end),
        queries.list(filter, now, true).stream().map(clock -> ClockView.of(clock, now)).toList());
  }

  private ClockFilter filter(Authentication user, ClockParams params, ClockStatus status,
      Instant from, Instant to) {
    UserArea area = areas.of(user);
    if (area.aggregatesOnly()) {
      throw new AreaDeniedException("Lists of cases are for managers, supervisors and officers");
    }
    UserArea.AreaFilter cut = area.narrow(params.province(), params.district());
    return new ClockFilter(params.caseNumber(), params.rule(), status, cut.province(),
        cut.district(), params.agency(), from, to,
        QueryParameters.limit("limit", params.limit(), 100, 1000),
        // The lists name cases: only those the engine grants the user (R-GIRL-FEMALE-CARE).
        readers.readableInstances(user, "sla_clock.process_instance_id"),
        readers.readableCases(user));
  }

  /** Breaches per calendar day in Pakistan, every day of the range, none left out. */
  private static List<DayCount> byDay(Map<LocalDate, Long> breaches, Instant from, Instant to) {
    Map<LocalDate, Long> counts = new TreeMap<>();
    LocalDate last = to.minusNanos(1).atZone(PAKISTAN).toLocalDate();
    for (LocalDate day = from.atZone(PAKISTAN).toLocalDate(); !day.isAfter(last);
        day = day.plusDays(1)) {
      counts.put(day, 0L);
    }
    breaches.forEach((day, count) -> counts.merge(day, count, Long::sum));
    List<DayCount> days = new ArrayList<>();
    counts.forEach((day, count) -> days.add(new DayCount(day, count)));
    return days;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
