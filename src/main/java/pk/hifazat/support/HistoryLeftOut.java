package pk.hifazat.support;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;

/**
 * What the engine's database history leaves out ({@link DatabaseHistoryPlugin}): events whose
 * content the case's history holds already, or holds nothing. A rule leaves out every event of
 * a thing, or only those the engine's handler can do without (the making or emptying of a
 * variable that never held a value, which its first value records; a value written again
 * unchanged), so that the history never holds half of a thing.
 */
public interface HistoryLeftOut {

  boolean leavesOut(HistoryEvent event);
}
