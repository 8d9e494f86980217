package pk.hifazat.sla;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pk.hifazat.support.ParseListenerPlugin;

/** Turns {@code sla.*} properties on model elements into clocks. */
@Component
class DeadlineEnginePlugin extends ParseListenerPlugin {

  DeadlineEnginePlugin(ObjectProvider<DeadlineClocks> clocks) {
    super(() -> new DeadlineParseListener(clocks::getObject));
  }
}
