package pk.hifazat.identity;

import static pk.hifazat.support.SqlTimes.toColumn;

import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pk.hifazat.support.NotFoundException;

/**
 * One data key per case, kept wrapped by the installation's key: a case's papers are encrypted
 * with it, so deleting it (crypto-shredding) leaves every copy of them, backups included,
 * unreadable when the case's retention period ends (R-NO-DISCLOSURE). Owns the table
 * {@code case_key}.
 */
@Component
public class CaseKeys {

  private final JdbcClient jdbc;
  private final IdentityCipher installation;
  private final SecureRandom random = new SecureRandom();

  CaseKeys(JdbcClient jdbc, IdentityCipher installation) {
    this.jdbc = jdbc;
    this.installation = installation;
  }

  /**
   * Encrypts {@code plain} with the case's key (made on first use), bound to {@code purpose} (a
   * document's id, say), so that a ciphertext moved to another record or case does not open.
   */
  public byte[] encrypt(String caseNumber, String purpose, byte[] plain) {
    return IdentityCipher.sealWith(keyOf(caseNumber).orElseGet(() -> create(caseNumber)),
        context(caseNumber, purpose), plain, random);
  }

  /**
   * Decrypts what {@link #encrypt} sealed; a shredded key makes it a 404, it is gone. A
   * ciphertext that fails its integrity check (changed in the database, or moved from another
   * record) throws {@link SealBroken}.
   */
  public byte[] decrypt(String caseNumber, String purpose, byte[] sealed) {
    SecretKeySpec key = keyOf(caseNumber).orElseThrow(
        () -> new NotFoundException("The papers of case " + caseNumber + " were erased"));
    return IdentityCipher.openWith(key, context(caseNumber, purpose), sealed);
  }

  /** Deletes the case's key: whatever it encrypted can never be read again. */
  public boolean shred(String caseNumber) {
    return jdbc.sql("delete from case_key where case_number = ?").param(caseNumber).update() > 0;
  }

  private Optional<SecretKeySpec> keyOf(String caseNumber) {
    return jdbc.sql("select wrapped_key from case_key where case_number = ?")
        .param(caseNumber).query(byte[].class).optional()
        .map(wrapped -> new SecretKeySpec(installation.open(wrapContext(caseNumber), wrapped),
            "AES"));
  }

  private SecretKeySpec create(String caseNumber) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    try {
      jdbc.sql("insert into case_key (case_number, key_id, wrapped_key, created_at)"
              + " values (?, ?, ?, ?)")
          .params(caseNumber, installation.keyId(),
              installation.seal(wrapContext(caseNumber), raw),
              toColumn(ClockUtil.getCurrentTime().toInstant()))
          .update();
      return new SecretKeySpec(raw, "AES");
    } catch (DuplicateKeyException madeMeanwhile) {
      // Two first papers of one case at once: the key the other request stored is the case's.
      return keyOf(caseNumber).orElseThrow();
    }
  }

  private static String wrapContext(String caseNumber) {
    return "case-key:" + caseNumber;
  }

  private static String context(String caseNumber, String purpose) {
    return caseNumber + "/" + purpose;
  }
}
