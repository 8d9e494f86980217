package pk.hifazat.support;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;

/**
 * What the engine's database history leaves out ({@link DatabaseHistoryPlugin}): events whose
 * content the case's history holds already, or holds nothing. A rule leaves out every event of
 * a thing, or only those the engine's handler can do without (the making of an empty variable,
 * which its first value records), so that the history never holds half of a thing.
 */
public interface HistoryLeftOut {

  boolean leavesOut(HistoryEvent event);
}
