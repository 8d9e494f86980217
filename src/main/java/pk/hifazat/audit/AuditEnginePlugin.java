package pk.hifazat.audit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pk.hifazat.support.ParseListenerPlugin;

/** Audits changes to cases made through the engine. */
@Component
class AuditEnginePlugin extends ParseListenerPlugin {

  AuditEnginePlugin(ObjectProvider<AuditLog> audit) {
    super(() -> new CaseChangeParseListener(audit::getObject));
  }
}
