package pk.hifazat.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * Answers a login refused for waiting with 429, Retry-After and a problem body; every other
 * failed or missing login with HTTP Basic's 401.
 */
class LoginRefusalEntryPoint implements AuthenticationEntryPoint {

  private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();

  LoginRefusalEntryPoint() {
    basic.setRealmName("Realm");
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException exception) throws IOException {
    if (exception instanceof LoginRefused refused) {
      tooManyFailures(response, refused);
    } else {
      basic.commence(request, response, exception);
    }
  }

  static void tooManyFailures(HttpServletResponse response, LoginRefused refused)
      throws IOException {
    long seconds = refused.retryAfterSeconds();
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many failed logins\","
        + "\"status\":429,\"detail\":\"Too many failed logins from this account or address;"
        + " try again in " + seconds + " seconds.\",\"retryAfterSeconds\":" + seconds + "}");
  }
}
