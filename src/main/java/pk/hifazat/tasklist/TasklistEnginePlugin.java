package pk.hifazat.tasklist;

import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pk.hifazat.casefile.CaseFiles;
import pk.hifazat.support.ParseListenerPlugin;

/** Puts the case's card on every task (case number, child, district, stage). */
@Component
class TasklistEnginePlugin extends ParseListenerPlugin {

  TasklistEnginePlugin(ObjectProvider<CaseFiles> files) {
    super(() -> {
      Supplier<CaseFiles> caseFiles = once(files);
      return new TaskCardParseListener(caseNumber -> caseFiles.get().find(caseNumber));
    });
  }
}
