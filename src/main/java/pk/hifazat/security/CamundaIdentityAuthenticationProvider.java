package pk.hifazat.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks HTTP Basic credentials against the Camunda identity; the user's groups become
 * authorities. While the account or the caller's address must wait after failed logins the
 * attempt is refused unseen ({@link LoginThrottle}); each failure is counted and audited. A
 * password the engine verified lately is accepted from {@link VerifiedCredentials}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final VerifiedCredentials verified;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
      VerifiedCredentials verified) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.verified = verified;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    String password = credentials == null ? null : credentials.toString();
    String address = remoteAddress(authentication);
    List<String> known = verified.groupsIf(userId, password);
    if (known != null) {
      throttle.beforeVerifiedAttempt(address);
      return authenticated(userId, known);
    }
    long changesSeen = verified.changesSeen();
    throttle.beforeAttempt(userId, address);
    if (userId == null || password == null || !identityService.checkPassword(userId, password)) {
      throttle.failed(userId, address);
      throw new BadCredentialsException("Bad credentials");
    }
    List<String> groups = identityService.createGroupQuery()
        .groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
    verified.remember(userId, password, groups, changesSeen);
    return authenticated(userId, groups);
  }

  private static Authentication authenticated(String userId, List<String> groups) {
    return UsernamePasswordAuthenticationToken.authenticated(userId, null,
        groups.stream().map(SimpleGrantedAuthority::new).toList());
  }

  private static String remoteAddress(Authentication authentication) {
    if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
      return details.getRemoteAddress();
    }
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      return request.getRequest().getRemoteAddr();
    }
    return null;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
