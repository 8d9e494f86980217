package pk.hifazat.tasklist;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pk.hifazat.casefile.CaseFiles;
import pk.hifazat.support.ParseListenerPlugin;

/** Puts the case's card on every task (case number, child, district, stage). */
@Component
class TasklistEnginePlugin extends ParseListenerPlugin {

  TasklistEnginePlugin(ObjectProvider<CaseFiles> files) {
    super(() -> new TaskCardParseListener(caseNumber -> files.getObject().find(caseNumber)));
  }
}
