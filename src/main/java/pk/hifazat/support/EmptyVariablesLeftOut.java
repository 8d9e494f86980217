package pk.hifazat.support;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * A variable made empty is not history until it holds a value. A pathway declares the values
 * each of its parallel branches keeps apart (a referral's decision, consent and outcome) as
 * empty variables of the branch, about a tenth of every row a case wrote; the first value given
 * records the variable then, as the engine's database handler does for any variable it has no
 * record of. A variable that never holds a value leaves no record: it held nothing.
 */
@Component
class EmptyVariablesLeftOut implements HistoryLeftOut {

  @Override
  public boolean leavesOut(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable
        && variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
        && variable.getTextValue() == null && variable.getTextValue2() == null
        && variable.getLongValue() == null && variable.getDoubleValue() == null
        && variable.getByteValue() == null;
  }
}
