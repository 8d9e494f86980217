package pk.hifazat.identity;

import static pk.hifazat.support.SqlTimes.toColumn;

import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Encrypted identities by case number. */
@Repository
class ChildIdentityRepository {

  private final JdbcClient jdbc;

  ChildIdentityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void save(String caseNumber, String keyId, String ciphertext, String user) {
    Object now = toColumn(ClockUtil.getCurrentTime().toInstant());
    int updated = jdbc.sql("update child_identity set key_id = ?, ciphertext = ?, updated_at = ?,"
            + " updated_by = ? where case_number = ?")
        .params(keyId, ciphertext, now, user, caseNumber).update();
    if (updated == 0) {
      jdbc.sql("insert into child_identity (case_number, key_id, ciphertext, updated_at,"
              + " updated_by) values (?, ?, ?, ?, ?)")
          .params(caseNumber, keyId, ciphertext, now, user).update();
    }
  }

  Optional<String> ciphertext(String caseNumber) {
    return jdbc.sql("select ciphertext from child_identity where case_number = ?")
        .param(caseNumber).query(String.class).optional();
  }
}
