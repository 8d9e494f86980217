package pk.hifazat.benchmark;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;

/**
 * The figures of {@code /api/bottlenecks} and {@code /api/sla/breaches} computed the way one would
 * without the application's own tables: with Camunda's HistoryService query API over the engine's
 * history (tasks, their process instances, the process variables {@code province} and
 * {@code district}), and the arithmetic in Java.
 *
 * <p>It is the cheaper side of the comparison: HistoricTaskInstance has no claim time, so the
 * waiting time (created to claimed) is not computed at all (it would need the identity-link log),
 * and the handling time is the task's whole duration.
 */
final class HistoryServiceFigures {

  /** The tasks whose due date is a deadline, and the rule of that deadline. */
  private static final Map<String, String> DUE_DATE_RULES = Map.of(
      NationalDataset.T_MAGISTRATE, NationalDataset.R_COURT_24H,
      NationalDataset.T_ARRANGE, NationalDataset.R_COURT_24H,
      NationalDataset.T_TEMP_CUSTODY, NationalDataset.R_COURT_24H,
      NationalDataset.T_PROTECTIONS, NationalDataset.R_COURT_24H,
      NationalDataset.T_PRODUCE, NationalDataset.R_COURT_24H,
      NationalDataset.T_DECISION, NationalDataset.R_DECISION_4M);

  private final HistoryService history;

  HistoryServiceFigures(HistoryService history) {
    this.history = history;
  }

  static final class Activity {
    final String activityId;
    long workInProgress;
    long overdueOpen;
    long arrivals;
    long completions;
    long completedLate;
    Double durationMedianSeconds;
    Double durationP90Seconds;
    final List<String> oldestOpenCases = new ArrayList<>();

    Activity(String activityId) {
      this.activityId = activityId;
    }
  }

  record Breach(String processInstanceId, String rule, Date breachedAt) {}

  record Breaches(long total, Map<String, Long> byRule, Map<LocalDate, Long> byDay,
      List<String> recentCases) {}

  private HistoricTaskInstanceQuery tasks(String province, String district) {
    HistoricTaskInstanceQuery query = history.createHistoricTaskInstanceQuery();
    if (province != null) {
      query.processVariableValueEquals("province", province);
    }
    if (district != null) {
      query.processVariableValueEquals("district", district);
    }
    return query;
  }

  /** Per activity: work in progress, overdue, arrivals, completions, late share, durations. */
  Map<String, Activity> bottlenecks(String province, String district, Instant from, Instant to,
      Instant now) {
    Map<String, Activity> result = new TreeMap<>();
    Function<String, Activity> activity = id -> result.computeIfAbsent(id, Activity::new);
    Date fromDate = Date.from(from);
    Date toDate = Date.from(to);
    Date nowDate = Date.from(now);

    List<HistoricTaskInstance> open =
        tasks(province, district).unfinished().startedBefore(nowDate).list();
    Map<String, List<HistoricTaskInstance>> openByActivity = new HashMap<>();
    for (HistoricTaskInstance task : open) {
      Activity figures = activity.apply(task.getTaskDefinitionKey());
      figures.workInProgress++;
      if (task.getDueDate() != null && !task.getDueDate().after(nowDate)) {
        figures.overdueOpen++;
      }
      openByActivity.computeIfAbsent(task.getTaskDefinitionKey(), k -> new ArrayList<>())
          .add(task);
    }

    for (HistoricTaskInstance task :
        tasks(province, district).startedAfter(fromDate).startedBefore(toDate).list()) {
      if (task.getStartTime().before(toDate)) {
        activity.apply(task.getTaskDefinitionKey()).arrivals++;
      }
    }

    Map<String, List<Long>> durations = new HashMap<>();
    for (HistoricTaskInstance task : tasks(province, district).finished()
        .finishedAfter(fromDate).finishedBefore(toDate).list()) {
      if (!task.getEndTime().before(toDate)) {
        continue;
      }
      Activity figures = activity.apply(task.getTaskDefinitionKey());
      figures.completions++;
      if (task.getDueDate() != null && task.getEndTime().after(task.getDueDate())) {
        figures.completedLate++;
      }
      durations.computeIfAbsent(task.getTaskDefinitionKey(), k -> new ArrayList<>())
          .add(task.getDurationInMillis() / 1000);
    }
    durations.forEach((id, values) -> {
      values.sort(null);
      result.get(id).durationMedianSeconds = percentile(values, 0.5);
      result.get(id).durationP90Seconds = percentile(values, 0.9);
    });

    // The five oldest open tasks of each activity, with their case numbers (business keys).
    Map<String, List<HistoricTaskInstance>> oldest = new HashMap<>();
    Set<String> instances = new HashSet<>();
    openByActivity.forEach((id, list) -> {
      List<HistoricTaskInstance> five = list.stream()
          .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime)
              .thenComparing(HistoricTaskInstance::getId))
          .limit(5).toList();
      oldest.put(id, five);
      five.forEach(task -> instances.add(task.getProcessInstanceId()));
    });
    Map<String, String> caseNumbers = caseNumbers(instances);
    oldest.forEach((id, five) -> five.forEach(task ->
        result.get(id).oldestOpenCases.add(caseNumbers.get(task.getProcessInstanceId()))));
    return result;
  }

  /**
   * Deadlines missed in the range: a task due in the range and completed after its due time (or
   * still open past it), one per process instance and rule; and for R-DELAY-60D, which no task's
   * due date carries, the delay-letter tasks the 60-day timer created in the range.
   */
  Breaches breaches(String province, String district, Instant from, Instant to, Instant now,
      int limit) {
    Date fromDate = Date.from(from);
    Date toDate = Date.from(to);
    Date nowDate = Date.from(now);
    Map<String, Breach> breaches = new LinkedHashMap<>();
    for (HistoricTaskInstance task :
        tasks(province, district).taskDueAfter(fromDate).taskDueBefore(toDate).list()) {
      String rule = DUE_DATE_RULES.get(task.getTaskDefinitionKey());
      if (rule == null) {
        continue;
      }
      Date end = task.getEndTime() != null ? task.getEndTime() : nowDate;
      if (!end.before(task.getDueDate())) {
        breaches.putIfAbsent(task.getProcessInstanceId() + "/" + rule,
            new Breach(task.getProcessInstanceId(), rule, task.getDueDate()));
      }
    }
    for (HistoricTaskInstance task : tasks(province, district)
        .taskDefinitionKey(NationalDataset.T_DELAY_LETTER)
        .startedAfter(fromDate).startedBefore(toDate).list()) {
      breaches.putIfAbsent(task.getProcessInstanceId() + "/" + NationalDataset.R_DELAY_60D,
          new Breach(task.getProcessInstanceId(), NationalDataset.R_DELAY_60D,
              task.getStartTime()));
    }
    Map<String, Long> byRule = breaches.values().stream()
        .collect(Collectors.groupingBy(Breach::rule, TreeMap::new, Collectors.counting()));
    Map<LocalDate, Long> byDay = new TreeMap<>();
    LocalDate lastDay = to.atZone(NationalDataset.PAKISTAN).toLocalDate();
    for (LocalDate day = from.atZone(NationalDataset.PAKISTAN).toLocalDate();
        !day.isAfter(lastDay); day = day.plusDays(1)) {
      byDay.put(day, 0L);
    }
    for (Breach breach : breaches.values()) {
      byDay.merge(breach.breachedAt().toInstant().atZone(NationalDataset.PAKISTAN).toLocalDate(),
          1L, Long::sum);
    }
    List<Breach> recent = breaches.values().stream()
        .sorted(Comparator.comparing(Breach::breachedAt).reversed())
        .limit(limit).toList();
    Map<String, String> caseNumbers = caseNumbers(
        recent.stream().map(Breach::processInstanceId).collect(Collectors.toSet()));
    return new Breaches(breaches.size(), byRule, byDay,
        recent.stream().map(breach -> caseNumbers.get(breach.processInstanceId())).toList());
  }

  private Map<String, String> caseNumbers(Set<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    return history.createHistoricProcessInstanceQuery()
        .processInstanceIds(processInstanceIds).list().stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId,
            instance -> String.valueOf(instance.getBusinessKey())));
  }

  /** As SQL's percentile_cont: linear interpolation between the closest ranks. */
  static Double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    double position = p * (sorted.size() - 1);
    int lower = (int) Math.floor(position);
    int upper = (int) Math.ceil(position);
    return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
  }
}
