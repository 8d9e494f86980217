package pk.hifazat.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pk.hifazat.support.SqlTimes;

/** The {@code case_transfer} table. */
@Repository
class CaseTransfers {

  private final JdbcClient jdbc;

  CaseTransfers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(CaseTransfer transfer) {
    jdbc.sql("""
        insert into case_transfer (id, case_number, from_province, from_district, to_province,
          to_district, reason, note, requested_by, requested_at, status, pending_case)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(transfer.id(), transfer.caseNumber(), transfer.fromProvince(),
            transfer.fromDistrict(), transfer.toProvince(), transfer.toDistrict(),
            transfer.reason().name(), transfer.note(), transfer.requestedBy(),
            SqlTimes.toColumn(transfer.requestedAt()), transfer.status().name(), transfer.caseNumber())
        .update();
  }

  void linkProcessInstance(String id, String processInstanceId) {
    jdbc.sql("update case_transfer set process_instance_id = ? where id = ?")
        .params(processInstanceId, id).update();
  }

  /** Records the receiving supervisor's answer; false if the transfer was decided already. */
  boolean decide(String id, CaseTransfer.Status status, String decidedBy, Instant at,
      String declineReason) {
    return jdbc.sql("update case_transfer set status = ?, decided_by = ?, decided_at = ?,"
            + " decline_reason = ?, pending_case = null where id = ? and status = 'PENDING'")
        .params(status.name(), decidedBy, SqlTimes.toColumn(at), declineReason, id)
        .update() == 1;
  }

  Optional<CaseTransfer> find(String id) {
    return jdbc.sql("select * from case_transfer where id = ?").param(id)
        .query(CaseTransfers::row).optional();
  }

  Optional<CaseTransfer> ofProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from case_transfer where process_instance_id = ?")
        .param(processInstanceId).query(CaseTransfers::row).optional();
  }

  List<CaseTransfer> ofCase(String caseNumber) {
    return jdbc.sql("select * from case_transfer where case_number = ? order by requested_at")
        .param(caseNumber).query(CaseTransfers::row).list();
  }

  Optional<CaseTransfer> pending(String caseNumber) {
    return jdbc.sql("select * from case_transfer where case_number = ? and status = 'PENDING'")
        .param(caseNumber).query(CaseTransfers::row).optional();
  }

  private static CaseTransfer row(ResultSet rs, int row) throws SQLException {
    return new CaseTransfer(rs.getString("id"), rs.getString("case_number"),
        rs.getString("from_province"), rs.getString("from_district"),
        rs.getString("to_province"), rs.getString("to_district"),
        TransferReason.valueOf(rs.getString("reason")), rs.getString("note"),
        rs.getString("requested_by"), SqlTimes.fromColumn(rs, "requested_at"),
        CaseTransfer.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
        SqlTimes.fromColumn(rs, "decided_at"), rs.getString("decline_reason"),
        rs.getString("process_instance_id"));
  }
}
