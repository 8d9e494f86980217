package pk.hifazat.support;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A variable that is empty is not history until it holds a value. A pathway declares the values
 * each of its parallel branches keeps apart (a referral's decision, consent and outcome) as
 * empty variables of the branch, and clears them again when a branch starts over: about a sixth
 * of every row a case wrote. The first value given records the variable then, as the engine's
 * database handler does for any variable it has no record of, and every change after it is
 * recorded, an emptied value too. A variable that never holds a value leaves no record, however
 * often it is made, emptied or removed: it held nothing.
 */
@Component
// Before UnchangedValuesLeftOut: a record that is not there is not kept to be asked for again.
@Order(HistoryLeftOut.BY_THE_RECORD)
class EmptyVariablesLeftOut implements HistoryLeftOut {

  @Override
  public boolean leavesOut(HistoryEvent event) {
    if (!(event instanceof HistoricVariableUpdateEventEntity variable) || !empty(variable)) {
      return false;
    }
    if (variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)) {
      return true;
    }
    boolean emptiedOrRemoved = variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE)
        || variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE);
    return emptiedOrRemoved && VariableRecord.of(variable) == null;
  }

  private static boolean empty(HistoricVariableUpdateEventEntity variable) {
    return variable.getTextValue() == null && variable.getTextValue2() == null
        && variable.getLongValue() == null && variable.getDoubleValue() == null
        && variable.getByteValue() == null;
  }
}
