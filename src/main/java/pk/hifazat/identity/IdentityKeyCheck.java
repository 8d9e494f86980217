package pk.hifazat.identity;

import static pk.hifazat.support.SqlTimes.toColumn;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a node whose identity key is not the one the data is encrypted with: every
 * node of an installation, and every restore of its database, must hold the same key. Runs
 * before the node serves anything.
 */
@Component
class IdentityKeyCheck implements InitializingBean {

  private final JdbcClient jdbc;
  private final IdentityCipher cipher;

  IdentityKeyCheck(JdbcClient jdbc, IdentityCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public void afterPropertiesSet() {
    List<String> unknown = jdbc.sql("""
            select distinct key_id from child_identity where key_id <> ?
            union select distinct key_id from case_key where key_id <> ?""")
        .params(cipher.keyId(), cipher.keyId()).query(String.class).list();
    if (!unknown.isEmpty()) {
      throw refusal("the database holds identities encrypted with key(s) " + unknown
          + ", and this node holds key '" + cipher.keyId() + "' only");
    }
    String fingerprint = cipher.fingerprint();
    Optional<String> recorded = recorded();
    if (recorded.isEmpty()) {
      // A database from before fingerprints: one identity must open with this key.
      readOneIdentity();
      try {
        jdbc.sql("insert into identity_key (key_id, fingerprint, recorded_at) values (?, ?, ?)")
            .params(cipher.keyId(), fingerprint, toColumn(Instant.now())).update();
        return;
      } catch (DuplicateKeyException raced) {
        // another node recorded it at the same moment: compare with theirs
        recorded = recorded();
      }
    }
    if (!recorded.orElseThrow().equals(fingerprint)) {
      throw refusal("HIFAZAT_IDENTITY_KEY is not the key '" + cipher.keyId()
          + "' that this database's identities are encrypted with");
    }
  }

  private Optional<String> recorded() {
    return jdbc.sql("select fingerprint from identity_key where key_id = ?")
        .param(cipher.keyId()).query(String.class).optional();
  }

  private void readOneIdentity() {
    jdbc.sql("select case_number, ciphertext from child_identity where key_id = ?"
            + " fetch first 1 rows only")
        .param(cipher.keyId())
        .query((row, number) -> {
          try {
            cipher.decrypt(row.getString(1), row.getString(2));
          } catch (IllegalStateException e) {
            throw refusal("HIFAZAT_IDENTITY_KEY does not open the identities stored under key '"
                + cipher.keyId() + "'");
          }
          return true;
        })
        .list();
  }

  private static IllegalStateException refusal(String why) {
    return new IllegalStateException("Refusing to start: " + why + ". Start every node with the"
        + " key the data was written with (README, Production).");
  }
}
