package pk.hifazat.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets a child: the identity row goes and the case's key is shredded, so the papers encrypted
 * with it can no longer be read anywhere (retention, R-NO-DISCLOSURE). The caller audits it.
 */
@Component
public class IdentityErasure {

  private final JdbcClient jdbc;
  private final CaseKeys keys;

  IdentityErasure(JdbcClient jdbc, CaseKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  /** Answers whether there was anything to forget. */
  public boolean erase(String caseNumber) {
    boolean identity = jdbc.sql("delete from child_identity where case_number = ?")
        .param(caseNumber).update() > 0;
    return keys.shred(caseNumber) || identity;
  }
}
