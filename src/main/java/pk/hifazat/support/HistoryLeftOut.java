package pk.hifazat.support;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;

/**
 * What the engine's database history leaves out ({@link DatabaseHistoryPlugin}): events whose
 * content the case's history holds already, or holds nothing. A rule leaves out every event of
 * a thing, or only those the engine's handler can do without (the making or emptying of a
 * variable that never held a value, which its first value records; a value written again
 * unchanged), so that the history never holds half of a thing.
 *
 * <p>Rules are asked in their {@link org.springframework.core.annotation.Order}: those that judge
 * by the event alone first ({@link #BY_THE_EVENT}), those that read the variable's record after
 * them ({@link #BY_THE_RECORD}), so that an event another rule leaves out costs no read.
 */
public interface HistoryLeftOut {

  int BY_THE_EVENT = 0;
  int BY_THE_RECORD = 100;

  boolean leavesOut(HistoryEvent event);

  /** This event is history, whatever the rules after this one would make of it. */
  default boolean keeps(HistoryEvent event) {
    return false;
  }
}
