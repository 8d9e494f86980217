package pk.hifazat.compensation;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the compensation and justice events of cases in the engine's database, in the engine's
 * transaction: a task whose completion fails records nothing.
 */
@Repository
class CompensationRecordRepository {

  private final JdbcClient jdbc;

  CompensationRecordRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(RecordedCompensationEvent event) {
    jdbc.sql("insert into compensation_event (id, case_number, process_instance_id, province,"
            + " district, event, outcome, scheme, amount, occurred_at, recorded_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), event.caseNumber(), event.processInstanceId(),
            event.province(), event.district(), event.event(), event.outcome(), event.scheme(),
            event.amount(), toColumn(event.occurredAt()), toColumn(event.recordedAt()))
        .update();
  }

  void insert(RecordedJusticeEvent event) {
    jdbc.sql("insert into justice_event (id, case_number, process_instance_id, province,"
            + " district, event, outcome, agency, occurred_at, recorded_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), event.caseNumber(), event.processInstanceId(),
            event.province(), event.district(), event.event(), event.outcome(), event.agency(),
            toColumn(event.occurredAt()), toColumn(event.recordedAt()))
        .update();
  }

  List<RecordedCompensationEvent> compensationEventsOf(String caseNumber) {
    return jdbc.sql("select case_number, process_instance_id, province, district, event, outcome,"
            + " scheme, amount, occurred_at, recorded_at from compensation_event"
            + " where case_number = ? order by recorded_at, occurred_at")
        .param(caseNumber)
        .query((rs, row) -> new RecordedCompensationEvent(rs.getString("case_number"),
            rs.getString("process_instance_id"), rs.getString("province"),
            rs.getString("district"), rs.getString("event"), rs.getString("outcome"),
            rs.getString("scheme"), rs.getBigDecimal("amount"), fromColumn(rs, "occurred_at"),
            fromColumn(rs, "recorded_at")))
        .list();
  }

  List<RecordedJusticeEvent> justiceEventsOf(String caseNumber) {
    return jdbc.sql("select case_number, process_instance_id, province, district, event, outcome,"
            + " agency, occurred_at, recorded_at from justice_event"
            + " where case_number = ? order by recorded_at, occurred_at")
        .param(caseNumber)
        .query((rs, row) -> new RecordedJusticeEvent(rs.getString("case_number"),
            rs.getString("process_instance_id"), rs.getString("province"),
            rs.getString("district"), rs.getString("event"), rs.getString("outcome"),
            rs.getString("agency"), fromColumn(rs, "occurred_at"), fromColumn(rs, "recorded_at")))
        .list();
  }
}
