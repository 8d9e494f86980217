package pk.hifazat.audit;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.support.QueryParameters;

/** {@code GET /api/audit}: the audit trail, for administrators; there is no way to change it. */
@RestController
class AuditController {

  private final JdbcClient jdbc;

  AuditController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record AuditParams(String caseNumber, String user, String action, String from, String to,
      Integer limit) {}

  record AuditEvent(Instant occurredAt, String user, String action, String caseNumber,
      String detail, String remoteAddress) {}

  @GetMapping("/api/audit")
  List<AuditEvent> events(Authentication caller, AuditParams params) {
    boolean administrator = caller.getAuthorities().stream()
        .anyMatch(authority -> authority.getAuthority().equals(AreaGroups.ADMINISTRATORS));
    if (!administrator) {
      throw new AccessDeniedException("The audit trail is for administrators");
    }
    List<String> conditions = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    if (params.caseNumber() != null) {
      conditions.add("case_number = :caseNumber");
      values.put("caseNumber", params.caseNumber());
    }
    if (params.user() != null) {
      conditions.add("user_id = :user");
      values.put("user", params.user());
    }
    AuditAction action = QueryParameters.oneOf("action", params.action(), AuditAction.class);
    if (action != null) {
      conditions.add("action = :action");
      values.put("action", action.name());
    }
    Instant from = QueryParameters.instant("from", params.from(), null);
    if (from != null) {
      conditions.add("occurred_at >= :from");
      values.put("from", toColumn(from));
    }
    Instant to = QueryParameters.instant("to", params.to(), null);
    if (to != null) {
      conditions.add("occurred_at < :to");
      values.put("to", toColumn(to));
    }
    values.put("limit", QueryParameters.limit("limit", params.limit(), 200, 5000));
    return jdbc.sql("select * from audit_event"
            + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
            + " order by occurred_at desc, id limit :limit")
        .params(values)
        .query((rs, row) -> new AuditEvent(fromColumn(rs, "occurred_at"), rs.getString("user_id"),
            rs.getString("action"), rs.getString("case_number"), rs.getString("detail"),
            rs.getString("remote_address")))
        .list();
  }
}
