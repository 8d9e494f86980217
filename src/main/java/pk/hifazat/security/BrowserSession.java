package pk.hifazat.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import pk.hifazat.support.Problems;

/**
 * The login session of people in browsers (the dashboard and the policy page): form login, a
 * session cookie, and an XSRF token that every change made with the session must carry. Programs
 * (helplines, Modeler, curl) send HTTP Basic credentials with each request instead, and browsers
 * are never asked for them, so no browser holds a Basic credential that another site could use.
 */
@Component
class BrowserSession {

  static final String LOGIN_PAGE = "/login";
  /** Not Camunda's {@code XSRF-TOKEN}: the webapps keep their own token under /camunda. */
  static final String TOKEN_COOKIE = "HIFAZAT-XSRF-TOKEN";
  static final String TOKEN_HEADER = "X-XSRF-TOKEN";
  static final String TOKEN_PARAMETER = "_csrf";

  /** The pages for people: only ever with a login session, never HTTP Basic. */
  static final RequestMatcher PAGES = paths("/dashboard/**", "/policy/**", "/statistics/**",
      "/report/**", "/case/**");

  /** The login page, its form and the logout. */
  static final RequestMatcher LOGIN = paths(LOGIN_PAGE, LOGIN_PAGE + "/**", "/logout");

  /** The APIs the pages call; programs call them too, with their own credentials. */
  static final RequestMatcher APIS = paths("/api/**", "/engine-rest/**", "/actuator/**");

  /** A request that carries its own credentials ({@code Authorization}), as programs send. */
  static final RequestMatcher OWN_CREDENTIALS =
      request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null;

  /**
   * The requests the login session answers: the pages and the login always, the APIs when the
   * request brings no credentials of its own (a request with them never uses the session).
   */
  static final RequestMatcher REQUESTS = new OrRequestMatcher(PAGES, LOGIN,
      new AndRequestMatcher(APIS, request -> !OWN_CREDENTIALS.matches(request)));

  /** The browser is loading a page (following a link, typing the address, a form). */
  static final RequestMatcher NAVIGATION = request -> {
    String mode = request.getHeader("Sec-Fetch-Mode");
    if (mode != null) {
      return mode.equalsIgnoreCase("navigate");
    }
    // Browsers without Fetch Metadata ask for HTML first when they load a page.
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("text/html");
  };

  /** The request comes from a browser (Fetch Metadata, or a page's script saying so). */
  static final RequestMatcher FROM_BROWSER = request -> request.getHeader("Sec-Fetch-Mode") != null
      || request.getHeader("Sec-Fetch-Site") != null
      || "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /**
   * A change that could ride on the session: the login form and the logout, and every other
   * change sent with a session id. Without a session there is nothing to ride on; such a request
   * is anonymous and answered 401.
   */
  static final RequestMatcher CHANGE_WITH_SESSION = request ->
      !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))
          && (LOGIN.matches(request) || request.getRequestedSessionId() != null);

  /**
   * A change with HTTP Basic that the browser says another site started: a credential a browser
   * had cached (from before the login page, or typed into an address) must not be usable there.
   */
  static final RequestMatcher CHANGE_FROM_ANOTHER_SITE = request -> {
    if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
      return false;
    }
    String site = request.getHeader("Sec-Fetch-Site");
    return site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
  };

  private final boolean secureCookies;

  BrowserSession(ServerProperties server) {
    // The session cookie's setting (on in the prod profile) holds for the token cookie too.
    this.secureCookies = Boolean.TRUE.equals(server.getServlet().getSession().getCookie().getSecure());
  }

  /**
   * The XSRF token in a cookie the pages' scripts read and send back as {@code X-XSRF-TOKEN}; a
   * site elsewhere can neither read the cookie nor set the header. Compared as sent: the token is
   * never written into a page, so there is nothing for a compression attack (BREACH) to find.
   */
  CsrfTokenRepository tokens() {
    CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    tokens.setCookieName(TOKEN_COOKIE);
    tokens.setHeaderName(TOKEN_HEADER);
    tokens.setParameterName(TOKEN_PARAMETER);
    tokens.setCookiePath("/");
    tokens.setCookieCustomizer(cookie -> {
      cookie.sameSite("Strict");
      if (secureCookies) {
        cookie.secure(true);
      }
    });
    return tokens;
  }

  /** Remembers the page a person asked for, to return there after the login. */
  RequestCache requestCache() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
        && (PAGES.matches(request) || NAVIGATION.matches(request)));
    return cache;
  }

  /**
   * Who is not signed in: a page, or a browser loading any address, goes to the login page; a
   * page's script gets 401 without a challenge (a challenge would make the browser ask for, and
   * keep, a Basic credential); a program gets the HTTP Basic challenge as before.
   */
  AuthenticationEntryPoint entryPoint() {
    LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE) {
      @Override
      protected String determineUrlToUseForThisRequest(HttpServletRequest request,
          HttpServletResponse response,
          org.springframework.security.core.AuthenticationException exception) {
        boolean ended = request.getRequestedSessionId() != null
            && !request.isRequestedSessionIdValid();
        return ended ? LOGIN_PAGE + "?expired" : LOGIN_PAGE;
      }
    };
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
    entryPoints.put(new OrRequestMatcher(PAGES, NAVIGATION), login);
    entryPoints.put(FROM_BROWSER, (request, response, exception) -> problem(response,
        HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
        "Not signed in, or the session has ended: sign in at " + LOGIN_PAGE));
    DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("Realm");
    entryPoint.setDefaultEntryPoint(basic);
    return entryPoint;
  }

  /**
   * A change refused for want of the XSRF token answers 403 with a problem body; the login form
   * (an expired form) goes back to the login page. Other refusals answer as before.
   */
  AccessDeniedHandler refusal(String detail) {
    AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
    return (request, response, exception) -> {
      if (!(exception instanceof CsrfException)) {
        otherwise.handle(request, response, exception);
      } else if (paths(LOGIN_PAGE).matches(request)) {
        response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?expired");
      } else {
        problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", detail);
      }
    };
  }

  private static void problem(HttpServletResponse response, int status, String title,
      String detail) throws IOException {
    Problems.write(response, status, title, detail, Map.of());
  }

  /**
   * Hands the pages their token: the token is made lazily, so on a page or login load it is made
   * here, and the cookie goes out with the answer.
   */
  static final class TokenCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      if ("GET".equals(request.getMethod()) && (PAGES.matches(request) || LOGIN.matches(request))
          && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }

  static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(Arrays.stream(patterns)
        .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
        .toList());
  }
}
