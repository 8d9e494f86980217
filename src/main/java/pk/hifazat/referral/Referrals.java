package pk.hifazat.referral;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The referrals of every case, one row per agency asked, in the engine's transaction: what
 * managers count when they ask which agencies answer within 48 hours and which decline
 * (R-REFERRAL).
 */
@Repository
class Referrals {

  private static final String COLUMNS = """
      id, case_number, process_instance_id, agency, previous_referral_id, province, district,
      status, sent_at, answered_at, delivered_at, outcome, closed_at""";

  private final JdbcClient jdbc;

  Referrals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a referral SENT now; {@code previousReferralId} is the one the agency before declined. */
  /** R-CONSENT: on what basis the referral went out, and what the agency may be told. */
  void shareOn(String referralId, String basis, String sharedFacts) {
    jdbc.sql("update referral set sharing_basis = ?, shared_facts = ? where id = ?")
        .params(basis, sharedFacts, referralId)
        .update();
  }

  /** R-CONSENT: on what basis each referral of the case went, by referral id. */
  java.util.Map<String, String[]> sharingOf(String caseNumber) {
    java.util.Map<String, String[]> sharing = new java.util.HashMap<>();
    jdbc.sql("select id, sharing_basis, shared_facts from referral where case_number = ?")
        .param(caseNumber)
        .query(rs -> {
          sharing.put(rs.getString("id"), new String[] {rs.getString("sharing_basis"),
              rs.getString("shared_facts")});
        });
    return sharing;
  }

  Referral send(String caseNumber, String processInstanceId, String agency,
      String previousReferralId, String province, String district) {
    Referral referral = new Referral(UUID.randomUUID().toString(), caseNumber, processInstanceId,
        agency, previousReferralId, province, district, Referral.Status.SENT, now(), null, null,
        null, null);
    jdbc.sql("insert into referral (" + COLUMNS + ") values (:id, :caseNumber, :instance,"
            + " :agency, :previous, :province, :district, :status, :sentAt, null, null, null,"
            + " null)")
        .param("id", referral.id())
        .param("caseNumber", referral.caseNumber())
        .param("instance", referral.processInstanceId())
        .param("agency", referral.agency())
        .param("previous", referral.previousReferralId())
        .param("province", referral.province())
        .param("district", referral.district())
        .param("status", referral.status().name())
        .param("sentAt", toColumn(referral.sentAt()))
        .update();
    return referral;
  }

  /** The agency acknowledged or declined the referral now. */
  void answer(String id, String decision) {
    Referral.Status status = Referral.Status.valueOf(decision);
    if (status != Referral.Status.ACKNOWLEDGED && status != Referral.Status.DECLINED) {
      throw new IllegalArgumentException("A referral is acknowledged or declined, not " + decision);
    }
    jdbc.sql("update referral set status = ?, answered_at = ? where id = ?")
        .params(status.name(), toColumn(now()), id)
        .update();
  }

  /** The agency closed the referral now, having delivered its service at {@code deliveredAt}. */
  void close(String id, Instant delivered, String outcome) {
    jdbc.sql("update referral set status = 'CLOSED', delivered_at = ?, outcome = ?, closed_at = ?"
            + " where id = ?")
        .params(toColumn(delivered), outcome, toColumn(now()), id)
        .update();
  }

  /** What became of each referral of the instance, in the order sent. */
  List<ReferralOutcome> outcomes(String processInstanceId) {
    return ofInstance(processInstanceId).stream()
        .map(referral -> new ReferralOutcome(referral.agency(), referral.result()))
        .toList();
  }

  List<Referral> ofInstance(String processInstanceId) {
    return jdbc.sql("select " + COLUMNS + " from referral where process_instance_id = ?"
            + " order by sent_at, agency")
        .param(processInstanceId)
        .query(Referrals::map)
        .list();
  }

  List<Referral> ofCase(String caseNumber) {
    return jdbc.sql("select " + COLUMNS + " from referral where case_number = ?"
            + " order by sent_at, agency")
        .param(caseNumber)
        .query(Referrals::map)
        .list();
  }

  private static Referral map(ResultSet rs, int row) throws SQLException {
    return new Referral(
        rs.getString("id"),
        rs.getString("case_number"),
        rs.getString("process_instance_id"),
        rs.getString("agency"),
        rs.getString("previous_referral_id"),
        rs.getString("province"),
        rs.getString("district"),
        Referral.Status.valueOf(rs.getString("status")),
        fromColumn(rs, "sent_at"),
        fromColumn(rs, "answered_at"),
        fromColumn(rs, "delivered_at"),
        rs.getString("outcome"),
        fromColumn(rs, "closed_at"));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
