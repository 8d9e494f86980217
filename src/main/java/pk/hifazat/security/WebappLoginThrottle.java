package pk.hifazat.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import pk.hifazat.support.CachedBodyRequest;

/**
 * The Camunda webapps' login form ({@code POST <webapp>/api/admin/auth/user/{engine}/login/{app}})
 * behind the same throttle as HTTP Basic: refused with 429 while the account or the address must
 * wait; a 401 from Camunda is a failure, counted and audited.
 */
class WebappLoginThrottle extends OncePerRequestFilter {

  /** A login form is a user name and a password: a few hundred bytes. */
  private static final int MAX_FORM_BYTES = 16 * 1024;

  private final LoginThrottle throttle;
  private final Pattern loginPath;

  WebappLoginThrottle(LoginThrottle throttle, String webappPath) {
    this.throttle = throttle;
    this.loginPath = Pattern.compile(Pattern.quote(webappPath.toLowerCase(Locale.ROOT))
        + "/api/admin/auth/user/[^/]+/login(/.*)?");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? ""
        : request.getPathInfo());
    return !"POST".equalsIgnoreCase(request.getMethod())
        || !loginPath.matcher(path.toLowerCase(Locale.ROOT)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    byte[] form = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
    if (form.length > MAX_FORM_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    String userId = userName(new String(form, StandardCharsets.ISO_8859_1));
    String address = request.getRemoteAddr();
    try {
      throttle.beforeAttempt(userId, address);
    } catch (LoginRefused refused) {
      LoginRefusalEntryPoint.tooManyFailures(response, refused);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, form), response);
    // Camunda answers 401 for a wrong password or unknown user, 403 for a right password
    // without access to the app (not a guess).
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(userId, address);
    }
  }

  /** The {@code username} field of a URL-encoded form, as Camunda's login reads it. */
  private static String userName(String form) {
    for (String field : form.split("&")) {
      int equals = field.indexOf('=');
      if (equals > 0 && "username".equals(decode(field.substring(0, equals)))) {
        return decode(field.substring(equals + 1));
      }
    }
    return null;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return value;
    }
  }
}
