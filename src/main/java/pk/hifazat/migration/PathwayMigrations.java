package pk.hifazat.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pk.hifazat.checks.PathwayElement;
import pk.hifazat.migration.MigrationProposal.CaseMove;
import pk.hifazat.migration.MigrationProposal.Instruction;
import pk.hifazat.migration.MigrationProposal.Problem;
import pk.hifazat.migration.MigrationProposal.RunningDeadline;
import pk.hifazat.migration.MigrationProposal.Version;
import pk.hifazat.migration.MigrationProposal.Waiting;
import pk.hifazat.sla.Clock;
import pk.hifazat.sla.DeadlineClocks;
import pk.hifazat.sla.DeadlineDeclaration;
import pk.hifazat.support.ConflictException;
import pk.hifazat.support.EngineAsSystem;
import pk.hifazat.support.NotFoundException;

/**
 * Moves a pathway's running cases to another version when a policy editor decides it: proposes
 * Camunda's migration plan, shows who would move and what would change for them, and migrates
 * them in a batch. Running deadline clocks are never changed: a deadline already started keeps
 * its due time whatever the new version declares (R-COURT-24H, R-REFERRAL and every other rule).
 *
 * <p>Policy editors hold no engine permission on cases; their access to this was decided by
 * the web security, so the engine is called as the system. Only case numbers and counts leave
 * here, never anything that identifies a child (R-NO-DISCLOSURE).
 */
@Service
class PathwayMigrations {

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final DeadlineClocks deadlines;
  private final ApplicationEventPublisher events;
  private final EngineAsSystem system;

  PathwayMigrations(RepositoryService repositoryService, RuntimeService runtimeService,
      ManagementService managementService, HistoryService historyService,
      DeadlineClocks deadlines, ApplicationEventPublisher events, EngineAsSystem system) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.deadlines = deadlines;
    this.events = events;
    this.system = system;
  }

  /** The two versions of one pathway a migration moves cases between. */
  private record Versions(String key, PathwayVersion source, PathwayVersion target) {}

  /** Camunda's plan (null when it is invalid) and what is wrong with it. */
  private record Plan(MigrationPlan plan, Map<String, String> targets, List<Problem> problems) {

    String targetOf(String sourceActivityId) {
      return targets.get(sourceActivityId);
    }
  }

  /** A running case on the source version: where it waits and which clocks run for it. */
  record RunningCase(String caseNumber, String processInstanceId, Set<String> waitingAt,
      List<Clock> openClocks) {}

  record MigrationStarted(String batchId, String pathway, Version source, Version target,
      int caseCount, List<String> cases) {}

  /** Where a batch stands; {@code failures} are the engine's reasons for failed jobs. */
  record MigrationStatus(String batchId, String status, Jobs jobs, List<String> failures,
      Instant startedAt, Instant endedAt) {}

  record Jobs(int total, int done, int failed, int remaining) {}

  MigrationProposal propose(String key, String from, String to) {
    return system.query(() -> {
      Versions versions = versions(key, from, to);
      Plan plan = plan(versions);
      List<RunningCase> cases = running(versions.source(), null);
      List<Problem> problems = new ArrayList<>(plan.problems());
      problems.addAll(caseProblems(versions, plan, cases));
      return new MigrationProposal(key, Version.of(versions.source()),
          Version.of(versions.target()), instructions(plan), cases.size(),
          cases.stream().map(c -> caseMove(versions.source(), c)).toList(),
          MigrationChanges.of(versions.source(), versions.target(), cases), problems,
          problems.isEmpty() && !cases.isEmpty());
    });
  }

  /**
   * Starts the batch that migrates the running cases (all, or those named) of the source
   * version, after checking that every one of them can move with its clocks intact.
   */
  @Transactional
  MigrationStarted migrate(String key, String from, String to, List<String> caseNumbers) {
    if (caseNumbers != null && caseNumbers.isEmpty()) {
      throw MigrationRefused.field("caseNumbers",
          "must name at least one case, or be left out to migrate every running case");
    }
    MigrationStarted started = system.query(() -> {
      Versions versions = versions(key, from, to);
      Plan plan = plan(versions);
      List<RunningCase> cases = running(versions.source(), caseNumbers);
      if (cases.isEmpty()) {
        throw new ConflictException("No case of pathway " + key + " runs on version "
            + versions.source().version() + ": there is nothing to migrate");
      }
      List<Problem> problems = new ArrayList<>(plan.problems());
      problems.addAll(caseProblems(versions, plan, cases));
      if (!problems.isEmpty()) {
        throw MigrationRefused.problems(problems);
      }
      Batch batch = runtimeService.newMigration(plan.plan())
          .processInstanceIds(cases.stream().map(RunningCase::processInstanceId).toList())
          .executeAsync();
      List<String> numbers = cases.stream().map(RunningCase::caseNumber).distinct().toList();
      return new MigrationStarted(batch.getId(), key, Version.of(versions.source()),
          Version.of(versions.target()), numbers.size(), numbers);
    });
    events.publishEvent(new CasesMigrated(started.pathway(), started.source().version(),
        started.source().id(), started.target().version(), started.target().id(),
        started.batchId(), started.cases()));
    return started;
  }

  MigrationStatus status(String batchId) {
    return system.query(() -> {
      BatchStatistics running = managementService.createBatchStatisticsQuery().batchId(batchId)
          .singleResult();
      if (running != null && Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(running.getType())) {
        String status = running.getFailedJobs() > 0 ? "FAILED"
            : running.isSuspended() ? "SUSPENDED" : "RUNNING";
        return new MigrationStatus(batchId, status, new Jobs(running.getTotalJobs(),
            running.getCompletedJobs(), running.getFailedJobs(), running.getRemainingJobs()),
            failures(running), instant(running.getStartTime()), null);
      }
      HistoricBatch ended = historyService.createHistoricBatchQuery().batchId(batchId)
          .singleResult();
      if (running != null || ended == null
          || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(ended.getType())) {
        throw new NotFoundException("No migration " + batchId);
      }
      // A batch leaves the runtime when its last job is done, or when an administrator
      // deletes it: the job log tells the two apart.
      int done = (int) historyService.createHistoricJobLogQuery()
          .jobDefinitionId(ended.getBatchJobDefinitionId()).successLog().count();
      int total = ended.getTotalJobs();
      return new MigrationStatus(batchId, done >= total ? "COMPLETED" : "CANCELLED",
          new Jobs(total, Math.min(done, total), 0, Math.max(total - done, 0)), List.of(),
          instant(ended.getStartTime()), instant(ended.getEndTime()));
    });
  }

  /**
   * Why jobs failed, as the engine says it (ids of instances and activities, never a variable's
   * value); typically a case moved on to an activity the target lacks after the check.
   */
  private List<String> failures(Batch batch) {
    return managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId())
        .withException().list().stream()
        .map(job -> job.getExceptionMessage())
        .filter(Objects::nonNull)
        .distinct().limit(10).toList();
  }

  private Versions versions(String key, String from, String to) {
    List<ProcessDefinition> all = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(key).orderByProcessDefinitionVersion().asc().list();
    if (all.isEmpty()) {
      throw new NotFoundException("No pathway " + key);
    }
    if (from == null || from.isBlank()) {
      throw MigrationRefused.field("from", "is required: the id of the version the running cases"
          + " are on", Map.of("sources", sources(all)));
    }
    ProcessDefinition source = find(all, from.trim());
    if (source == null) {
      throw MigrationRefused.field("from", "is not a version of pathway " + key,
          Map.of("sources", sources(all)));
    }
    ProcessDefinition target = to == null || to.isBlank() ? all.get(all.size() - 1)
        : find(all, to.trim());
    if (target == null) {
      throw MigrationRefused.field("to", "is not a version of pathway " + key);
    }
    if (target.getId().equals(source.getId())) {
      throw MigrationRefused.field("to", "is the version the cases are on already (version "
          + source.getVersion() + (to == null || to.isBlank() ? ", the latest" : "") + ")");
    }
    return new Versions(key, version(source), version(target));
  }

  private static ProcessDefinition find(List<ProcessDefinition> all, String id) {
    return all.stream().filter(definition -> definition.getId().equals(id)).findFirst()
        .orElse(null);
  }

  /** The versions of a pathway with their running cases, for a caller who has to choose. */
  private List<Map<String, Object>> sources(List<ProcessDefinition> all) {
    return all.stream().map(definition -> Map.<String, Object>of(
        "id", definition.getId(),
        "version", definition.getVersion(),
        "runningCases", runtimeService.createProcessInstanceQuery()
            .processDefinitionId(definition.getId()).count())).toList();
  }

  private PathwayVersion version(ProcessDefinition definition) {
    return PathwayVersion.of(definition,
        repositoryService.getBpmnModelInstance(definition.getId()));
  }

  /**
   * Equal activities are mapped onto each other. Event triggers are deliberately not updated:
   * a timer keeps the due date it has, which our timers read from the case's clock, so a
   * deadline already started is not moved by a new policy; messages and signals keep theirs.
   */
  private Plan plan(Versions versions) {
    try {
      MigrationPlan plan = runtimeService
          .createMigrationPlan(versions.source().id(), versions.target().id())
          .mapEqualActivities()
          .build();
      Map<String, String> targets = new LinkedHashMap<>();
      for (MigrationInstruction instruction : plan.getInstructions()) {
        targets.put(instruction.getSourceActivityId(), instruction.getTargetActivityId());
      }
      return new Plan(plan, targets, List.of());
    } catch (MigrationPlanValidationException e) {
      List<Problem> problems = new ArrayList<>();
      for (MigrationInstructionValidationReport report :
          e.getValidationReport().getInstructionReports()) {
        for (String failure : report.getFailures()) {
          problems.add(new Problem(report.getMigrationInstruction().getSourceActivityId(),
              report.getMigrationInstruction().getTargetActivityId(), failure, List.of()));
        }
      }
      if (problems.isEmpty()) {
        problems.add(new Problem(null, null, e.getMessage(), List.of()));
      }
      return new Plan(null, Map.of(), problems);
    }
  }

  private static List<Instruction> instructions(Plan plan) {
    if (plan.plan() == null) {
      return List.of();
    }
    return plan.plan().getInstructions().stream()
        .map(instruction -> new Instruction(List.of(instruction.getSourceActivityId()),
            List.of(instruction.getTargetActivityId()), instruction.isUpdateEventTrigger()))
        .toList();
  }

  /** The running cases of the source version, or those of them named; unknown names refused. */
  private List<RunningCase> running(PathwayVersion source, List<String> caseNumbers) {
    List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
        .processDefinitionId(source.id()).orderByProcessInstanceId().asc().list();
    if (caseNumbers != null) {
      Set<String> running = new TreeSet<>();
      instances.forEach(instance -> running.add(instance.getBusinessKey()));
      List<String> asked = caseNumbers.stream().map(n -> n == null ? "" : n.trim()).toList();
      for (int i = 0; i < asked.size(); i++) {
        if (!running.contains(asked.get(i))) {
          throw MigrationRefused.field("caseNumbers[" + i + "]", "is not a case running on"
              + " version " + source.version());
        }
      }
      instances = instances.stream()
          .filter(instance -> asked.contains(instance.getBusinessKey())).toList();
    }
    List<RunningCase> cases = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      ActivityInstance tree = runtimeService.getActivityInstance(instance.getId());
      if (tree == null) {
        continue;
      }
      Set<String> waiting = new LinkedHashSet<>();
      waitingAt(tree, waiting);
      List<Clock> clocks = instance.getBusinessKey() == null ? List.of()
          : deadlines.ofCase(instance.getBusinessKey()).stream()
              .filter(clock -> clock.isOpen()
                  && instance.getId().equals(clock.processInstanceId()))
              .toList();
      cases.add(new RunningCase(instance.getBusinessKey(), instance.getId(), waiting, clocks));
    }
    cases.sort(Comparator.comparing(RunningCase::caseNumber,
        Comparator.nullsLast(Comparator.naturalOrder())));
    return cases;
  }

  /** The activities an instance waits at: leaves of its tree and async continuations. */
  private static void waitingAt(ActivityInstance instance, Set<String> into) {
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      into.add(transition.getActivityId());
    }
    ActivityInstance[] children = instance.getChildActivityInstances();
    if (children.length == 0 && instance.getChildTransitionInstances().length == 0
        && instance.getParentActivityInstanceId() != null) {
      into.add(instance.getActivityId());
    }
    for (ActivityInstance child : children) {
      waitingAt(child, into);
    }
  }

  /**
   * What would hold cases back or break their deadlines: an activity they wait at that the
   * target version does not have, and a running clock whose element the target does not have
   * (migration would cancel it) or does not declare the same rule on (it would never stop).
   */
  private static List<Problem> caseProblems(Versions versions, Plan plan,
      List<RunningCase> cases) {
    if (plan.plan() == null) {
      return List.of();
    }
    PathwayVersion source = versions.source();
    PathwayVersion target = versions.target();
    Map<Hold, Set<String>> held = new LinkedHashMap<>();
    for (RunningCase running : cases) {
      for (String activity : running.waitingAt()) {
        if (plan.targetOf(activity) == null) {
          held.computeIfAbsent(new Hold(activity, null, "Cases wait at '" + source.label(activity)
                  + "' (" + activity + "), and version " + target.version()
                  + " has no activity with that id: they cannot move to it"
                  + sameLabel(source, target, activity)),
              k -> new TreeSet<>()).add(running.caseNumber());
        }
      }
      for (Clock clock : running.openClocks()) {
        String element = plan.targetOf(clock.elementId());
        if (element == null) {
          held.computeIfAbsent(new Hold(clock.elementId(), null, "The deadline " + clock.rule()
                  + " runs on '" + source.label(clock.elementId()) + "' (" + clock.elementId()
                  + "), which version " + target.version() + " does not have: migration would"
                  + " cancel the running clock"),
              k -> new TreeSet<>()).add(running.caseNumber());
          continue;
        }
        PathwayElement declaring = target.activity(element);
        DeadlineDeclaration declared = declaring == null ? null : declaring.deadline();
        if (declared == null || !declared.rule().equals(clock.rule())) {
          held.computeIfAbsent(new Hold(clock.elementId(), element, "Version "
                  + target.version() + " does not declare " + clock.rule() + " on '"
                  + target.label(element) + "' (" + element + "): the running clock would"
                  + " never stop"),
              k -> new TreeSet<>()).add(running.caseNumber());
        }
      }
    }
    List<Problem> problems = new ArrayList<>();
    held.forEach((hold, numbers) -> problems.add(new Problem(hold.activityId(),
        hold.targetActivityId(), hold.message(), List.copyOf(numbers))));
    return problems;
  }

  /** What holds cases back, at a source activity (and the target it maps to, if any). */
  private record Hold(String activityId, String targetActivityId, String message) {}

  /** A hint when the target has a new activity with the same label: its id was changed. */
  private static String sameLabel(PathwayVersion source, PathwayVersion target, String activity) {
    PathwayElement before = source.activity(activity);
    if (before == null || before.name() == null) {
      return "";
    }
    return target.activities().values().stream()
        .filter(after -> source.activity(after.id()) == null
            && before.name().equals(after.name()))
        .map(after -> " (version " + target.version() + " has '" + after.id()
            + "' with the same label: keep the id " + activity + " so that cases can move)")
        .findFirst().orElse("");
  }

  private static CaseMove caseMove(PathwayVersion source, RunningCase running) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return new CaseMove(running.caseNumber(), running.processInstanceId(),
        running.waitingAt().stream().map(id -> new Waiting(id, source.label(id))).toList(),
        running.openClocks().stream()
            .map(clock -> new RunningDeadline(clock.rule(), clock.elementId(), clock.agency(),
                clock.kind().name().toLowerCase(), clock.startedAt(), clock.warningAt(),
                clock.dueAt(), clock.statusAt(now).name()))
            .toList());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
