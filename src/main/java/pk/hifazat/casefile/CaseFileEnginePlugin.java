package pk.hifazat.casefile;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pk.hifazat.support.ParseListenerPlugin;

/** Follows {@code case.stage} properties into the case file. */
@Component
class CaseFileEnginePlugin extends ParseListenerPlugin {

  CaseFileEnginePlugin(ObjectProvider<CaseStages> stages) {
    super(() -> new CaseStageParseListener(once(stages)));
  }
}
