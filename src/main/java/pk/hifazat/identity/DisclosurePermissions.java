package pk.hifazat.identity;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pk.hifazat.support.SqlTimes;

/** The {@code disclosure_permission} table: written once, never changed (a new order is a row). */
@Repository
class DisclosurePermissions {

  private final JdbcClient jdbc;

  DisclosurePermissions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(DisclosurePermission permission) {
    jdbc.sql("""
        insert into disclosure_permission (id, case_number, court, order_reference, ordered_on,
          agency, facts, valid_until, recorded_by, recorded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(permission.id(), permission.caseNumber(), permission.court(),
            permission.orderReference(), Date.valueOf(permission.orderedOn()),
            permission.agency(), permission.facts().stream().map(Enum::name)
                .collect(Collectors.joining(",")),
            permission.validUntil() == null ? null : Date.valueOf(permission.validUntil()),
            permission.recordedBy(), SqlTimes.toColumn(permission.recordedAt()))
        .update();
  }

  List<DisclosurePermission> ofCase(String caseNumber) {
    return jdbc.sql("select * from disclosure_permission where case_number = ?"
            + " order by recorded_at")
        .param(caseNumber).query(DisclosurePermissions::row).list();
  }

  private static DisclosurePermission row(ResultSet rs, int row) throws SQLException {
    Date until = rs.getDate("valid_until");
    return new DisclosurePermission(rs.getString("id"), rs.getString("case_number"),
        rs.getString("court"), rs.getString("order_reference"),
        rs.getDate("ordered_on").toLocalDate(), rs.getString("agency"),
        Arrays.stream(rs.getString("facts").split(",")).map(DisclosedFact::valueOf).toList(),
        until == null ? null : until.toLocalDate(), rs.getString("recorded_by"),
        SqlTimes.fromColumn(rs, "recorded_at"));
  }
}
