package pk.hifazat.sla;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.context.ProcessEngineContext;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.support.EngineAsSystem;

/**
 * Keeps each running deadline clock attached to its element when a case migrates, in the
 * migration's own transaction. A clock belongs to the execution of the element that declares it;
 * Camunda keeps that execution through a migration unless the element's shape changes (a task
 * that gains or loses a boundary event, a new enclosing sub-process), and then the element runs
 * on another execution, whose end would no longer stop the clock. Only the row's attachment moves:
 * its start, warning and due times and its status stay as they are.
 */
class ClockRealignment implements HistoryEventHandler {

  private final Supplier<HistoryService> history;
  private final Supplier<EngineAsSystem> system;
  private final JdbcClient jdbc;

  ClockRealignment(Supplier<HistoryService> history, Supplier<EngineAsSystem> system,
      JdbcClient jdbc) {
    this.history = history;
    this.system = system;
    this.jdbc = jdbc;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricActivityInstanceEventEntity migrated
        && event.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE)) {
      realign(migrated);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private void realign(HistoricActivityInstanceEventEntity migrated) {
    HistoricActivityInstance before = beforeMigration(migrated.getActivityInstanceId());
    if (before == null || before.getExecutionId() == null
        || before.getExecutionId().equals(migrated.getExecutionId())
            && before.getActivityId().equals(migrated.getActivityId())) {
      return;
    }
    jdbc.sql("update sla_clock set scope_execution_id = ?, element_id = ?"
            + " where process_instance_id = ? and scope_execution_id = ? and element_id = ?"
            + " and stopped_at is null")
        .params(migrated.getExecutionId(), migrated.getActivityId(),
            migrated.getProcessInstanceId(), before.getExecutionId(), before.getActivityId())
        .update();
  }

  /**
   * The activity instance as stored before this migration: read in a command of its own, in the
   * same transaction, so it sees the database and not the migration's pending changes; whoever
   * migrates, the clock is the application's to keep.
   */
  private HistoricActivityInstance beforeMigration(String activityInstanceId) {
    try {
      return ProcessEngineContext.withNewProcessEngineContext(() -> system.get().query(() ->
          history.get().createHistoricActivityInstanceQuery()
              .activityInstanceId(activityInstanceId).singleResult()));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
