package pk.hifazat.reporting;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pk.hifazat.support.ParseListenerPlugin;

/** Records the task facts of every user task. */
@Component
class ReportingEnginePlugin extends ParseListenerPlugin {

  ReportingEnginePlugin(ObjectProvider<TaskFacts> facts) {
    super(() -> new TaskFactParseListener(once(facts)));
  }
}
