package pk.hifazat.reporting;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pk.hifazat.area.RoutingVariables;

/**
 * Records each user task's life (created, claimed, completed) by area and activity, in the
 * engine's transaction: the facts the bottleneck figures are computed from.
 */
@Repository
class TaskFacts {

  private final JdbcClient jdbc;
  private final TaskFactDays days;

  TaskFacts(JdbcClient jdbc, TaskFactDays days) {
    this.jdbc = jdbc;
    this.days = days;
  }

  void created(DelegateTask task) {
    String definitionId = task.getProcessDefinitionId();
    jdbc.sql("""
            insert into task_fact (task_id, case_number, process_instance_id,
              process_definition_key, activity_id, activity_name, province, district, agency,
              created_at, due_at, completed_late, state)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 'OPEN')""")
        .params(task.getId(), task.getExecution().getProcessBusinessKey(),
            task.getProcessInstanceId(), definitionId.substring(0, definitionId.indexOf(':')),
            task.getTaskDefinitionKey(), task.getName(), RoutingVariables.PROVINCE.from(task),
            RoutingVariables.DISTRICT.from(task), RoutingVariables.AGENCY.from(task),
            toColumn(task.getCreateTime().toInstant()),
            toColumn(task.getDueDate() == null ? null : task.getDueDate().toInstant()))
        .update();
    days.changed(List.of(task.getCreateTime().toInstant()));
  }

  /** The first claim ends the wait; later re-assignments do not restart it. */
  void assigned(DelegateTask task) {
    if (task.getAssignee() == null) {
      return;
    }
    Instant now = now();
    jdbc.sql("update task_fact set claimed_at = ?, wait_seconds = ? where task_id = ?"
            + " and claimed_at is null")
        .params(toColumn(now), seconds(task.getCreateTime().toInstant(), now), task.getId())
        .update();
    days.changed(List.of(now));
  }

  /** A task completed without a claim was waiting until it was done, and handled at once. */
  void completed(DelegateTask task) {
    Instant now = now();
    Instant created = task.getCreateTime().toInstant();
    Instant claimed = jdbc.sql("select claimed_at from task_fact where task_id = ?")
        .param(task.getId())
        .query((rs, row) -> Optional.ofNullable(fromColumn(rs, "claimed_at")))
        .list().stream().findFirst().flatMap(value -> value).orElse(now);
    jdbc.sql("""
            update task_fact set claimed_at = ?, wait_seconds = ?, completed_at = ?,
              handle_seconds = ?, state = 'COMPLETED', completed_late = ?
            where task_id = ?""")
        .params(toColumn(claimed), seconds(created, claimed), toColumn(now),
            seconds(claimed, now),
            task.getDueDate() != null && now.isAfter(task.getDueDate().toInstant()), task.getId())
        .update();
    // A claim read back is unchanged: only the day of the completion (and of a claim made now).
    days.changed(List.of(now));
  }

  void deleted(DelegateTask task) {
    jdbc.sql("update task_fact set state = 'CANCELLED', completed_at = ? where task_id = ?"
            + " and state = 'OPEN'")
        .params(toColumn(now()), task.getId())
        .update();
    days.changed(List.of(now()));
  }

  void dueDateChanged(DelegateTask task) {
    jdbc.sql("update task_fact set due_at = ? where task_id = ?")
        .params(toColumn(task.getDueDate() == null ? null : task.getDueDate().toInstant()),
            task.getId())
        .update();
  }

  private static long seconds(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toSeconds());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
