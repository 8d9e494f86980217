package pk.hifazat.casefile;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.sla.Clock;
import pk.hifazat.sla.DeadlineClocks;
import pk.hifazat.support.EngineAsSystem;

/** {@code GET /api/cases/{caseNumber}}: the case's stage, open tasks and deadlines. */
@RestController
class CaseFileController {

  private final CaseAccess access;
  private final ApplicationEventPublisher events;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final DeadlineClocks deadlines;
  private final EngineAsSystem system;

  CaseFileController(CaseAccess access, ApplicationEventPublisher events, TaskService taskService,
      RuntimeService runtimeService, DeadlineClocks deadlines, EngineAsSystem system) {
    this.system = system;
    this.access = access;
    this.events = events;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.deadlines = deadlines;
  }

  @GetMapping("/api/cases/{caseNumber}")
  CaseView get(@PathVariable String caseNumber, Authentication user) {
    CaseFile file = access.readable(caseNumber, user);
    events.publishEvent(new CaseFileRead(caseNumber, user.getName()));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    // Access to the case was decided above; the case view shows all of its open work.
    boolean open = system.query(() -> runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).count() > 0);
    List<CaseView.TaskView> tasks = system.query(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(caseNumber)
        .orderByTaskCreateTime().asc()
        .list().stream()
        .map(this::task)
        .toList());
    List<CaseView.DeadlineView> clocks = deadlines.ofCase(caseNumber).stream()
        .sorted(Comparator.comparing(Clock::startedAt))
        .map(clock -> deadline(clock, now))
        .toList();
    return new CaseView(file.caseNumber(), open ? "OPEN" : "CLOSED", file.stage(),
        file.stageEnteredAt(), file.province(), file.district(), file.reportedAt(), file.source(),
        file.child(), file.offenceTypes(), file.custodyTakenAt(), file.processInstanceId(), tasks,
        clocks);
  }

  private CaseView.TaskView task(Task task) {
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .filter(group -> group != null)
        .sorted()
        .toList();
    return new CaseView.TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(),
        task.getAssignee(), groups, instant(task.getCreateTime()), instant(task.getDueDate()));
  }

  private static CaseView.DeadlineView deadline(Clock clock, Instant now) {
    return new CaseView.DeadlineView(clock.rule(), clock.kind().name().toLowerCase(),
        clock.elementId(), clock.startedAt(), clock.warningAt(), clock.dueAt(),
        clock.statusAt(now).name(), clock.statusAt(now) == pk.hifazat.sla.ClockStatus.BREACHED
            ? (clock.breachedAt() != null ? clock.breachedAt() : clock.dueAt())
            : null,
        clock.stoppedAt());
  }

  private static Instant instant(java.util.Date date) {
    return date == null ? null : date.toInstant();
  }
}
