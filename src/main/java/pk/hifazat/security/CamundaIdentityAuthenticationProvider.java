package pk.hifazat.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import pk.hifazat.audit.AuditAction;
import pk.hifazat.audit.AuditLog;

/**
 * Checks HTTP Basic credentials against the Camunda identity; the user's groups become
 * authorities. The engine counts failed logins and locks the account after too many; each failure
 * and the lock are audited.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final int maxAttempts;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, AuditLog audit,
      JdbcClient jdbc,
      @Value("${camunda.bpm.generic-properties.properties.login-max-attempts:10}")
      int maxAttempts) {
    this.identityService = identityService;
    this.audit = audit;
    this.jdbc = jdbc;
    this.maxAttempts = maxAttempts;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    Integer attemptsBefore = failedAttempts(userId);
    if (userId == null || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      failed(userId, attemptsBefore);
      throw new BadCredentialsException("Bad credentials");
    }
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery()
        .groupMember(userId).list().stream()
        .map(Group::getId)
        .map(SimpleGrantedAuthority::new)
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
  }

  private void failed(String userId, Integer attemptsBefore) {
    audit.record(userId, AuditAction.LOGIN_FAILED, null, null);
    Integer attempts = failedAttempts(userId);
    if (attemptsBefore != null && attempts != null && attemptsBefore < maxAttempts
        && attempts >= maxAttempts) {
      audit.record(userId, AuditAction.ACCOUNT_LOCKED, null,
          "locked after " + maxAttempts + " failed logins");
    }
  }

  /** The engine's own count of failed logins in a row (ACT_ID_USER), reset by a good login. */
  private Integer failedAttempts(String userId) {
    if (userId == null) {
      return null;
    }
    return jdbc.sql("select attempts_ from act_id_user where id_ = ?")
        .param(userId).query(Integer.class).optional().orElse(null);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
