package pk.hifazat.sla;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.support.PathwayBean;
import pk.hifazat.support.ProcessVariable;

/**
 * The deadline clocks of every case. Models reach it as {@code deadlines}: a timer that enforces a
 * declared deadline takes its due time from here ({@code ${deadlines.dueAt(execution,
 * 'R-COURT-24H')}}), so the timer and the clock never disagree.
 */
@Component("deadlines")
@PathwayBean
public class DeadlineClocks {

  private final ClockRepository clocks;
  private final DeadlineDeclarations declarations;
  private final ApplicationEventPublisher events;

  DeadlineClocks(
      ClockRepository clocks, DeadlineDeclarations declarations, ApplicationEventPublisher events) {
    this.clocks = clocks;
    this.declarations = declarations;
    this.events = events;
  }

  /** Due time of the rule's clock in this case, starting the clock if the model has not yet. */
  public Date dueAt(DelegateExecution execution, String rule) {
    return Date.from(ensureStarted(execution, declaration(execution, rule)).dueAt());
  }

  /** Warning time of the rule's clock; its due time when the model declares no warning. */
  public Date warningAt(DelegateExecution execution, String rule) {
    Clock clock = ensureStarted(execution, declaration(execution, rule));
    return Date.from(clock.warningAt() != null ? clock.warningAt() : clock.dueAt());
  }

  public List<Clock> ofCase(String caseNumber) {
    return clocks.findByCase(caseNumber);
  }

  /** Records the warning of the rule's open clocks whose warning time has come (a timer fired). */
  public void recordWarning(String processInstanceId, String rule) {
    Instant now = now();
    clocks.findOpen(processInstanceId, rule).stream()
        .filter(clock -> clock.warningAt() != null && !now.isBefore(clock.warningAt()))
        .forEach(clock -> markAtRisk(clock, now));
  }

  /** Records the breach of the rule's open clocks that are due (a model's deadline timer fired). */
  public void recordBreach(String processInstanceId, String rule) {
    Instant now = now();
    clocks.findOpen(processInstanceId, rule).stream()
        .filter(clock -> !now.isBefore(clock.dueAt()))
        .forEach(this::markBreached);
  }

  /** Records every warning and breach that has come due, whether or not a model timer watches it. */
  @Transactional
  public int recordDueTransitions() {
    Instant now = now();
    int changed = 0;
    for (Clock clock : clocks.findOverdueTransitions(now)) {
      if (!now.isBefore(clock.dueAt())) {
        changed += markBreached(clock) ? 1 : 0;
      } else {
        changed += markAtRisk(clock, now) ? 1 : 0;
      }
    }
    return changed;
  }

  /**
   * A job of the process instance failed for good, so a timer that guards a statute may never
   * fire: its open statutory clocks turn AT_RISK (managers see them) and are returned for review.
   */
  List<Clock> escalateStoppedTimer(String processInstanceId) {
    Instant now = now();
    // Past due but unrecorded (the breach was the failing step): still at risk, never running.
    List<Clock> statutes = clocks.findOpenByProcessInstance(processInstanceId).stream()
        .filter(clock -> clock.kind() == DeadlineDeclaration.Kind.STATUTE)
        .toList();
    statutes.stream()
        .filter(clock -> clock.status() == ClockStatus.RUNNING)
        .forEach(clock -> clocks.markAtRisk(clock.id(), now));
    return statutes;
  }

  void start(DelegateExecution execution, DeadlineDeclaration declaration) {
    ensureStarted(execution, declaration);
  }

  void stop(DelegateExecution execution, DeadlineDeclaration declaration) {
    List<Clock> open = clocks.findOpen(execution.getProcessInstanceId(), declaration.rule());
    open.stream()
        .filter(clock -> execution.getId().equals(clock.scopeExecutionId()))
        .findFirst()
        .or(() -> open.stream().filter(clock -> clock.scopeExecutionId() == null).findFirst())
        .or(() -> orphanOf(execution, open))
        .ifPresent(clock -> stop(clock, execution.isCanceled()));
  }

  /**
   * The engine may move a waiting element onto another execution: when the other branch of a
   * parallel split ends first, the branch left is carried on by its parent. The element's clock
   * then names an execution that no longer exists; it is still the element's clock.
   */
  private static java.util.Optional<Clock> orphanOf(DelegateExecution execution,
      List<Clock> open) {
    String element = execution.getCurrentActivityId();
    var executions = Context.getCommandContext().getExecutionManager();
    return open.stream()
        .filter(clock -> clock.elementId().equals(element) && clock.scopeExecutionId() != null)
        .filter(clock -> executions.findExecutionById(clock.scopeExecutionId()) == null)
        .findFirst();
  }

  private void stop(Clock clock, boolean cancelled) {
    Instant now = now();
    if (cancelled) {
      clocks.stop(clock.id(), clock.statusAt(now), now, Clock.StopReason.CANCELLED);
      return;
    }
    boolean late = !now.isBefore(clock.dueAt());
    if (late && clock.status() != ClockStatus.BREACHED) {
      markBreached(clock);
    }
    clocks.stop(clock.id(), late ? ClockStatus.BREACHED : ClockStatus.MET, now,
        Clock.StopReason.COMPLETED);
  }

  private DeadlineDeclaration declaration(DelegateExecution execution, String rule) {
    return declarations.find(execution.getProcessDefinitionId(), rule);
  }

  /**
   * The open clock this execution runs under: its own, or its nearest enclosing scope's (a task
   * inside the sub-process that declares the deadline). Started here if there is none yet.
   */
  private Clock ensureStarted(DelegateExecution execution, DeadlineDeclaration declaration) {
    List<Clock> open = clocks.findOpen(execution.getProcessInstanceId(), declaration.rule());
    if (!open.isEmpty()) {
      for (ExecutionEntity scope = (ExecutionEntity) execution; scope != null;
          scope = scope.getParent()) {
        String id = scope.getId();
        for (Clock clock : open) {
          if (id.equals(clock.scopeExecutionId()) || clock.scopeExecutionId() == null) {
            return clock;
          }
        }
      }
    }
    return startClock(execution, declaration);
  }

  private Clock startClock(DelegateExecution execution, DeadlineDeclaration declaration) {
    Instant now = now();
    Instant startedAt = declaration.startsWithActivity()
        ? now
        : startFromVariable(execution, declaration);
    Instant dueAt = declaration.dueFrom(startedAt);
    Instant warningAt = declaration.warningBefore(dueAt);
    ClockStatus status = Clock.initialStatus(now, warningAt, dueAt);
    Clock clock = new Clock(
        UUID.randomUUID().toString(),
        execution.getProcessBusinessKey(),
        execution.getProcessInstanceId(),
        execution.getId(),
        processDefinitionKey(execution),
        declaration.elementId(),
        declaration.rule(),
        declaration.kind(),
        RoutingVariables.PROVINCE.from(execution),
        RoutingVariables.DISTRICT.from(execution),
        RoutingVariables.AGENCY.from(execution),
        startedAt,
        warningAt,
        dueAt,
        status,
        status == ClockStatus.AT_RISK ? warningAt : null,
        status == ClockStatus.BREACHED ? dueAt : null,
        null,
        null);
    clocks.insert(clock);
    if (status == ClockStatus.BREACHED) {
      events.publishEvent(DeadlineBreached.of(clock));
    }
    return clock;
  }

  private static Instant startFromVariable(
      DelegateExecution execution, DeadlineDeclaration declaration) {
    Instant start;
    try {
      start = ProcessVariable.time(declaration.start()).from(execution);
    } catch (IllegalStateException e) {
      throw new InvalidDeadlineDeclaration("Deadline " + declaration.rule() + " on '"
          + declaration.elementId() + "' starts at variable '" + declaration.start()
          + "', which is not an ISO-8601 time with offset: " + e.getMessage());
    }
    if (start == null) {
      throw new InvalidDeadlineDeclaration("Deadline " + declaration.rule() + " on '"
          + declaration.elementId() + "' starts at variable '" + declaration.start()
          + "', which is not set when the element starts");
    }
    return start;
  }

  private static String processDefinitionKey(DelegateExecution execution) {
    String id = execution.getProcessDefinitionId();
    int colon = id.indexOf(':');
    return colon < 0 ? id : id.substring(0, colon);
  }

  private boolean markAtRisk(Clock clock, Instant now) {
    Instant at = clock.warningAt() != null && clock.warningAt().isBefore(now)
        ? clock.warningAt()
        : now;
    return clocks.markAtRisk(clock.id(), at);
  }

  /** A breach is dated at the due time: the moment the deadline was missed. */
  private boolean markBreached(Clock clock) {
    boolean changed = clocks.markBreached(clock.id(), clock.dueAt());
    if (changed) {
      events.publishEvent(DeadlineBreached.of(clock));
    }
    return changed;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
