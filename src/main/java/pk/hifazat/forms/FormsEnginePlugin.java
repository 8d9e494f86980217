package pk.hifazat.forms;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pk.hifazat.support.ParseListenerPlugin;

/** Gives every user task with a Camunda Form the form check on completion. */
@Component
class FormsEnginePlugin extends ParseListenerPlugin {

  FormsEnginePlugin(ObjectProvider<CompletionFormCheck> check) {
    super(() -> new CompletionFormCheckParseListener(once(check)));
  }
}
