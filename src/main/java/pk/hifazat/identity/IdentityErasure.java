package pk.hifazat.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets a child: the identity row goes (retention, R-NO-DISCLOSURE). The identity is sealed
 * with the installation's key, not the case's, so the case's key is left to the documents'
 * own period. The caller audits it.
 */
@Component
public class IdentityErasure {

  private final JdbcClient jdbc;

  IdentityErasure(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Answers whether there was an identity to forget. */
  public boolean erase(String caseNumber) {
    return jdbc.sql("delete from child_identity where case_number = ?")
        .param(caseNumber).update() > 0;
  }
}
