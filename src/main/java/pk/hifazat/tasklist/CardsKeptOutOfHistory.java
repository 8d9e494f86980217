package pk.hifazat.tasklist;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import pk.hifazat.support.HistoryLeftOut;

/**
 * The engine's database history without the task cards ({@link TaskCard}). A card repeats on
 * each task the case's number, the child's sex and age, the district and the stage: the case's
 * own variables hold these in the history already, so a card kept there again was a fifth of
 * every row a case wrote. Every event of the listeners' cards is left out (made, changed,
 * removed); a person's change to a card is history like any other, and in the audit trail.
 */
@Component
@Order(HistoryLeftOut.BY_THE_EVENT)
class CardsKeptOutOfHistory implements HistoryLeftOut {

  private static final Set<String> CARD =
      Set.of(TaskCard.CASE, TaskCard.CHILD, TaskCard.DISTRICT, TaskCard.STAGE);

  /**
   * A card is a task's own variable, written by the engine's listeners; a case or pathway
   * variable of the same name, and a person's change to a card (the engine's operation log
   * names it), are kept.
   */
  @Override
  public boolean leavesOut(HistoryEvent event) {
    return isCard(event) && ((HistoricVariableUpdateEventEntity) event).getUserOperationId() == null;
  }

  /**
   * A person's change to a card is history whatever it is: the card's earlier values were left
   * out here, so a card without a record may well have held a value before it was emptied.
   */
  @Override
  public boolean keeps(HistoryEvent event) {
    return isCard(event) && ((HistoricVariableUpdateEventEntity) event).getUserOperationId() != null;
  }

  private static boolean isCard(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable
        && variable.getTaskId() != null && CARD.contains(variable.getVariableName());
  }
}
