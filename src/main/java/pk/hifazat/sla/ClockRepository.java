package pk.hifazat.sla;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores clocks in the engine's database, in the engine's transaction. */
@Repository
class ClockRepository {

  static final String COLUMNS = """
      id, case_number, process_instance_id, scope_execution_id, process_definition_key,
      element_id, rule_id, kind, province, district, agency, started_at, warning_at, due_at, status, at_risk_at, breached_at,
      stopped_at, stop_reason""";

  private final JdbcClient jdbc;

  ClockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Clock clock) {
    jdbc.sql("insert into sla_clock (" + COLUMNS + ") values (:id, :caseNumber, :instance, :scope,"
            + " :definitionKey, :element, :rule, :kind, :province, :district, :agency, :startedAt,"
            + " :warningAt, :dueAt, :status, :atRiskAt, :breachedAt, :stoppedAt, :stopReason)")
        .param("id", clock.id())
        .param("caseNumber", clock.caseNumber())
        .param("instance", clock.processInstanceId())
        .param("scope", clock.scopeExecutionId())
        .param("definitionKey", clock.processDefinitionKey())
        .param("element", clock.elementId())
        .param("rule", clock.rule())
        .param("kind", clock.kind().name())
        .param("province", clock.province())
        .param("district", clock.district())
        .param("agency", clock.agency())
        .param("startedAt", toColumn(clock.startedAt()))
        .param("warningAt", toColumn(clock.warningAt()))
        .param("dueAt", toColumn(clock.dueAt()))
        .param("status", clock.status().name())
        .param("atRiskAt", toColumn(clock.atRiskAt()))
        .param("breachedAt", toColumn(clock.breachedAt()))
        .param("stoppedAt", toColumn(clock.stoppedAt()))
        .param("stopReason", clock.stopReason() == null ? null : clock.stopReason().name())
        .update();
  }

  /** The open clocks of a rule in a process instance: one, or one per multi-instance scope. */
  List<Clock> findOpen(String processInstanceId, String rule) {
    return jdbc.sql("select " + COLUMNS + " from sla_clock where process_instance_id = ?"
            + " and rule_id = ? and stopped_at is null")
        .params(processInstanceId, rule)
        .query(ClockRepository::map)
        .list();
  }

  List<Clock> findByCase(String caseNumber) {
    return jdbc.sql("select " + COLUMNS + " from sla_clock where case_number = ?"
            + " order by started_at, rule_id")
        .param(caseNumber)
        .query(ClockRepository::map)
        .list();
  }

  List<Clock> findOpenByProcessInstance(String processInstanceId) {
    return jdbc.sql("select " + COLUMNS + " from sla_clock where process_instance_id = ?"
            + " and stopped_at is null")
        .param(processInstanceId)
        .query(ClockRepository::map)
        .list();
  }

  /** Turns RUNNING into AT_RISK, recording when it happened; false if it was not RUNNING. */
  boolean markAtRisk(String id, Instant at) {
    return jdbc.sql("update sla_clock set status = 'AT_RISK', at_risk_at = ? where id = ?"
            + " and status = 'RUNNING' and stopped_at is null")
        .params(toColumn(at), id)
        .update() == 1;
  }

  boolean markBreached(String id, Instant at) {
    return jdbc.sql("update sla_clock set status = 'BREACHED', breached_at = ? where id = ?"
            + " and status in ('RUNNING', 'AT_RISK') and stopped_at is null")
        .params(toColumn(at), id)
        .update() == 1;
  }

  void stop(String id, ClockStatus status, Instant at, Clock.StopReason reason) {
    jdbc.sql("update sla_clock set status = ?, stopped_at = ?, stop_reason = ? where id = ?")
        .params(status.name(), toColumn(at), reason.name(), id)
        .update();
  }

  /**
   * Open clocks whose warning or due time has passed and whose status does not show it yet. Open
   * means no stop reason (V17 keeps it null exactly while stopped_at is), which the index on
   * (stop_reason, status, due_at, warning_at) finds without reading every clock.
   */
  List<Clock> findOverdueTransitions(Instant now) {
    return jdbc.sql("select " + COLUMNS + " from sla_clock where stop_reason is null and ("
            + " (status in ('RUNNING', 'AT_RISK') and due_at <= :now)"
            + " or (status = 'RUNNING' and warning_at <= :now))")
        .param("now", toColumn(now))
        .query(ClockRepository::map)
        .list();
  }

  static Clock map(ResultSet rs, int row) throws SQLException {
    String stopReason = rs.getString("stop_reason");
    return new Clock(
        rs.getString("id"),
        rs.getString("case_number"),
        rs.getString("process_instance_id"),
        rs.getString("scope_execution_id"),
        rs.getString("process_definition_key"),
        rs.getString("element_id"),
        rs.getString("rule_id"),
        DeadlineDeclaration.Kind.valueOf(rs.getString("kind")),
        rs.getString("province"),
        rs.getString("district"),
        rs.getString("agency"),
        fromColumn(rs, "started_at"),
        fromColumn(rs, "warning_at"),
        fromColumn(rs, "due_at"),
        ClockStatus.valueOf(rs.getString("status")),
        fromColumn(rs, "at_risk_at"),
        fromColumn(rs, "breached_at"),
        fromColumn(rs, "stopped_at"),
        stopReason == null ? null : Clock.StopReason.valueOf(stopReason));
  }
}
