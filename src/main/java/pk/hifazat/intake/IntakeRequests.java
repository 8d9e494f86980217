package pk.hifazat.intake;

import static pk.hifazat.support.SqlTimes.toColumn;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The keys of the reports already answered, and the case each one opened. */
@Repository
class IntakeRequests {

  private final JdbcClient jdbc;

  IntakeRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The earlier answer to any of the keys, if there is one. */
  Optional<Answered> find(List<String> keys) {
    for (String key : keys) {
      Optional<Answered> answered = jdbc.sql("""
              select request_key, request_hash, case_number, process_instance_id
              from intake_request where request_key = ?""")
          .param(key)
          .query((row, number) -> new Answered(row.getString(1), row.getString(2),
              row.getString(3), row.getString(4)))
          .optional();
      if (answered.isPresent()) {
        return answered;
      }
    }
    return Optional.empty();
  }

  /**
   * Records the keys with the case they opened, in the case's transaction. A sender retrying at
   * the same instant waits here for the first to commit, and then fails on the key.
   */
  void record(List<String> keys, String hash, IntakeService.OpenedCase opened,
      String registeredBy) {
    for (String key : keys) {
      jdbc.sql("""
              insert into intake_request (request_key, request_hash, case_number,
                process_instance_id, registered_by, received_at) values (?, ?, ?, ?, ?, ?)""")
          .params(key, hash, opened.caseNumber(), opened.processInstanceId(), registeredBy,
              toColumn(ClockUtil.getCurrentTime().toInstant()))
          .update();
    }
  }

  /** A report answered before: under which key, with what content, and the case it opened. */
  record Answered(String key, String hash, String caseNumber, String processInstanceId) {

    IntakeService.OpenedCase opened() {
      return new IntakeService.OpenedCase(caseNumber, processInstanceId);
    }
  }
}
