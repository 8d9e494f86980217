package pk.hifazat.tasklist;

import org.springframework.stereotype.Component;
import pk.hifazat.support.ParseListenerPlugin;

/** Puts the case's card on every task (case number, child, district). */
@Component
class TasklistEnginePlugin extends ParseListenerPlugin {

  TasklistEnginePlugin() {
    super(TaskCardParseListener::new);
  }
}
