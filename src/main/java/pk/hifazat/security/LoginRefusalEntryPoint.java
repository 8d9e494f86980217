package pk.hifazat.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import pk.hifazat.support.Problems;

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
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    Problems.write(response, 429, "Too many failed logins", "Too many failed logins from this"
        + " account or address; try again in " + seconds + " seconds.",
        Map.of("retryAfterSeconds", seconds));
  }
}
