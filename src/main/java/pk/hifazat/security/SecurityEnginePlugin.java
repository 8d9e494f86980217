package pk.hifazat.security;

import org.springframework.stereotype.Component;
import pk.hifazat.support.ParseListenerPlugin;

/** Per-case access grants for every process of every pathway. */
@Component
class SecurityEnginePlugin extends ParseListenerPlugin {

  SecurityEnginePlugin() {
    super(CaseAccessParseListener::new);
  }
}
