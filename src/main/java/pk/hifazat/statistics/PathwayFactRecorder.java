package pk.hifazat.statistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Keeps {@code pathway_fact} as the engine keeps its history of the variables and steps the
 * indicator dictionary names (R-DATA-DISAGGREGATED), on the engine's own connection, so a fact and
 * its copy are committed or rolled back together. It mirrors the engine's history handler: a
 * variable is set at its creation and later changes replace its value (the latest counts, as in
 * {@code act_hi_varinst}); a step counts once it has ended.
 */
class PathwayFactRecorder implements HistoryEventHandler {

  private final Supplier<PathwayFacts.Named> named;

  PathwayFactRecorder(Supplier<PathwayFacts.Named> named) {
    this.named = named;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      if (variable.getVariableInstanceId() != null
          && named.get().variable(variable.getVariableName())) {
        variable(variable);
      }
    } else if (event instanceof HistoricActivityInstanceEventEntity step
        && step.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END)
        && step.getEndTime() != null && step.getId() != null
        && named.get().step(step.getActivityId(), step.getProcessDefinitionKey())) {
      execute("insert into pathway_fact (kind, id, name, process_key, root_process_instance_id,"
              + " fact_value, fact_at) values ('STEP', ?, ?, ?, ?, null, ?)",
          step.getId(), step.getActivityId(), step.getProcessDefinitionKey(),
          step.getRootProcessInstanceId(), timestamp(step.getEndTime()));
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private void variable(HistoricVariableUpdateEventEntity variable) {
    if (variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)) {
      insert(variable);
    } else if (variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE)
        || variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE)) {
      // The moment it was set stays; the value and its process follow the change.
      int changed = execute("update pathway_fact set fact_value = ?, process_key = ?"
              + " where kind = 'VARIABLE' and id = ?", variable.getTextValue(),
          variable.getProcessDefinitionKey(), variable.getVariableInstanceId());
      if (changed == 0) {
        // As the engine does for a variable its history lacks.
        insert(variable);
      }
    }
    // A deleted variable keeps its last value in the history, and here.
  }

  private void insert(HistoricVariableUpdateEventEntity variable) {
    execute("insert into pathway_fact (kind, id, name, process_key, root_process_instance_id,"
            + " fact_value, fact_at) values ('VARIABLE', ?, ?, ?, ?, ?, ?)",
        variable.getVariableInstanceId(), variable.getVariableName(),
        variable.getProcessDefinitionKey(), variable.getRootProcessInstanceId(),
        variable.getTextValue(), timestamp(variable.getTimestamp()));
  }

  private static Timestamp timestamp(Date date) {
    return new Timestamp((date == null ? new Date() : date).getTime());
  }

  private static int execute(String sql, Object... parameters) {
    CommandContext context = Context.getCommandContext();
    Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not keep the statistics' copy of a pathway fact", e);
    }
  }
}
