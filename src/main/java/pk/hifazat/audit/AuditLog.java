package pk.hifazat.audit;

import static pk.hifazat.support.SqlTimes.toColumn;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail: every read of a child's identity and every change to a case, with who, when,
 * what and from where. The application only ever appends to it.
 */
@Component
class AuditLog {

  private final JdbcClient jdbc;

  AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records an action of the user of the current request (or of the engine, outside one). */
  public void record(AuditAction action, String caseNumber, String detail) {
    record(currentUser(), action, caseNumber, detail);
  }

  public void record(String userId, AuditAction action, String caseNumber, String detail) {
    record(userId, action, caseNumber, detail, remoteAddress());
  }

  /** Records an action whose source address the caller knows (a login door, before a user). */
  public void record(String userId, AuditAction action, String caseNumber, String detail,
      String remoteAddress) {
    jdbc.sql("""
            insert into audit_event (id, occurred_at, user_id, action, case_number, detail,
              remote_address) values (?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), toColumn(ClockUtil.getCurrentTime().toInstant()),
            truncate(userId, 128), action.name(), caseNumber, truncate(detail, 400),
            truncate(remoteAddress, 64))
        .update();
  }

  private static String currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? null : authentication.getName();
  }

  private static String remoteAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      HttpServletRequest servlet = request.getRequest();
      return servlet.getRemoteAddr();
    }
    return null;
  }

  private static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }
}
