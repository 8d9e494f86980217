package pk.hifazat.support;

import java.util.Objects;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A value written again unchanged is not a change of the case. A form sends back every field it
 * shows, the values it was opened with too, and a pathway reads a record again after a person
 * changed it (the consent found for an agency, just recorded from the officer's answers): the
 * history holds each value once, from when it was first given, and every real change after it.
 * Values kept as bytes (files, serialised objects) are compared by nobody here and always
 * recorded.
 */
@Component
@Order(HistoryLeftOut.BY_THE_RECORD + 1)
class UnchangedValuesLeftOut implements HistoryLeftOut {

  @Override
  public boolean leavesOut(HistoryEvent event) {
    if (!(event instanceof HistoricVariableUpdateEventEntity update)
        || !update.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE)
        || update.getByteValue() != null) {
      return false;
    }
    HistoricVariableInstanceEntity recorded = VariableRecord.of(update);
    return recorded != null && recorded.getByteArrayId() == null
        && Objects.equals(recorded.getSerializerName(), update.getSerializerName())
        && Objects.equals(recorded.getTextValue(), update.getTextValue())
        && Objects.equals(recorded.getTextValue2(), update.getTextValue2())
        && Objects.equals(recorded.getLongValue(), update.getLongValue())
        && Objects.equals(recorded.getDoubleValue(), update.getDoubleValue());
  }
}
