package pk.hifazat.support;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;

/** A variable's record in the engine's history, asked as the engine's database handler asks. */
final class VariableRecord {

  private VariableRecord() {}

  /**
   * The record, or null: one made earlier in this command counts, and a record found stays in
   * the command for the handler, which asks for it next.
   */
  static HistoricVariableInstanceEntity of(HistoricVariableUpdateEventEntity variable) {
    return Context.getCommandContext().getDbEntityManager()
        .selectById(HistoricVariableInstanceEntity.class, variable.getVariableInstanceId());
  }
}
