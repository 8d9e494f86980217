package pk.hifazat.support;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;

/**
 * What the engine's database history leaves out ({@link DatabaseHistoryPlugin}): events whose
 * content the case's history holds already, or holds nothing. Every event of one thing must be
 * left out alike, so that the history never holds half of it.
 */
public interface HistoryLeftOut {

  boolean leavesOut(HistoryEvent event);
}
