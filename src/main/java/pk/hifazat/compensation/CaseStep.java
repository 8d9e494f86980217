package pk.hifazat.compensation;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What every recorded step of a case holds, in compensation as in prosecution: which case, where,
 * what happened with what outcome, when it happened and when it was recorded.
 */
record CaseStep(
    String caseNumber,
    String processInstanceId,
    String province,
    String district,
    String event,
    String outcome,
    Instant occurredAt,
    Instant recordedAt) {

  /** The columns of a step, in the order {@link #values} and {@link #read} use them. */
  static final String COLUMNS =
      "case_number, process_instance_id, province, district, event, outcome";

  /** The step's values for an insert: a new row id first, then {@link #COLUMNS}. */
  Object[] values(Object... detail) {
    return Stream.of(
            Stream.of(UUID.randomUUID().toString(), caseNumber, processInstanceId, province,
                district, event, outcome),
            Stream.of(detail),
            Stream.of(toColumn(occurredAt), toColumn(recordedAt)))
        .flatMap(values -> values)
        .toArray();
  }

  /** The insert of a step with the table's own detail columns between the step's and its times. */
  static String insert(String table, List<String> detailColumns) {
    int count = 7 + detailColumns.size() + 2;
    return "insert into " + table + " (id, " + COLUMNS + ", " + String.join(", ", detailColumns)
        + ", occurred_at, recorded_at) values (" + "?, ".repeat(count - 1) + "?)";
  }

  static String select(String table, List<String> detailColumns) {
    return "select " + COLUMNS + ", " + String.join(", ", detailColumns)
        + ", occurred_at, recorded_at from " + table
        + " where case_number = ? order by recorded_at, occurred_at";
  }

  static CaseStep read(ResultSet rs) throws SQLException {
    return new CaseStep(rs.getString("case_number"), rs.getString("process_instance_id"),
        rs.getString("province"), rs.getString("district"), rs.getString("event"),
        rs.getString("outcome"), fromColumn(rs, "occurred_at"), fromColumn(rs, "recorded_at"));
  }
}
