package pk.hifazat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A person's browser session with the dashboard and the policy page, over plain HTTP: the cookies
 * (session and XSRF token), the login form at {@code /login}, redirects left to the caller.
 */
public final class PageSession {

  public static final String TOKEN_COOKIE = "HIFAZAT-XSRF-TOKEN";
  public static final String SESSION_COOKIE = "JSESSIONID";

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client;

  public PageSession(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Loads the login page (which hands out the XSRF token), sends the form and, when it is
   * accepted, loads the page it leads to (which hands out the session's new token), as a person
   * does. Answers the form's answer.
   */
  public HttpResponse<String> signIn(String user, String password) throws Exception {
    get("/login");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(token().orElse(""), StandardCharsets.UTF_8);
    HttpResponse<String> answer = send(request("/login")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    answer.headers().firstValue("Location")
        .filter(page -> !URI.create(page).getPath().startsWith("/login"))
        .ifPresent(page -> {
          try {
            client.send(HttpRequest.newBuilder(URI.create(base).resolve(page))
                .header("Sec-Fetch-Mode", "navigate").GET().build(),
                HttpResponse.BodyHandlers.discarding());
          } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the page after the login did not load", e);
          }
        });
    return answer;
  }

  public HttpResponse<String> signIn(String user) throws Exception {
    return signIn(user, CaseDriver.PASSWORD);
  }

  /** The page's sign-out button: a form with the token. */
  public HttpResponse<String> signOut() throws Exception {
    String form = "_csrf=" + URLEncoder.encode(token().orElse(""), StandardCharsets.UTF_8);
    return send(request("/logout").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  public HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = request(path).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  /** A request to the application, sent later with the cookies this login holds, by {@link #send}. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
  }

  public HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The XSRF token the pages send back in {@code X-XSRF-TOKEN}. */
  public Optional<String> token() {
    return cookie(TOKEN_COOKIE);
  }

  public Optional<String> sessionId() {
    return cookie(SESSION_COOKIE);
  }

  /** Puts a session cookie in this browser (one taken from elsewhere, or a made-up one). */
  public void useSessionId(String id) {
    HttpCookie cookie = new HttpCookie(SESSION_COOKIE, id);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(URI.create(base + "/"), cookie);
  }

  private Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(name) && !cookie.getValue().isEmpty()
            && !cookie.hasExpired())
        .map(HttpCookie::getValue)
        .reduce((first, last) -> last);
  }
}
