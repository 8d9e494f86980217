package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import pk.hifazat.CaseDriver;

/** A browser's session with Tasklist or Cockpit: cookies, a login, the XSRF token. */
final class WebappSession {

  private final String base;
  private final String accept;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      .cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  /** A session asking for JSON, as the webapps' scripts do. */
  WebappSession(int port) {
    this(port, "application/json");
  }

  /** A session sending the given Accept header with every request, or none if null. */
  WebappSession(int port, String accept) {
    this.base = "http://127.0.0.1:" + port;
    this.accept = accept;
  }

  /** Logs into the app ({@code tasklist}, {@code cockpit}, ...) as the user, demo password. */
  HttpResponse<String> login(String app, String user) throws IOException, InterruptedException {
    return login(app, user, CaseDriver.PASSWORD);
  }

  /** Sends the app's login form as the browser does; the answer is the form's. */
  HttpResponse<String> login(String app, String user, String password)
      throws IOException, InterruptedException {
    if (xsrfToken() == null) {
      // The login page hands out the XSRF token (cookie XSRF-TOKEN) with the session.
      HttpResponse<String> page = get("/camunda/app/" + app + "/");
      if (xsrfToken() == null) {
        page = get("/camunda/app/welcome/default/");
      }
      assertThat(xsrfToken()).as("the webapp sets an XSRF-TOKEN cookie (last page: %s)",
          page.statusCode()).isNotNull();
    }
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> login = send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
        "application/x-www-form-urlencoded", form);
    if (login.statusCode() == 200) {
      // The login starts a new session: the webapp hands out its XSRF token on the next read,
      // as it does when the browser loads the app after logging in.
      get("/camunda/api/admin/auth/user/default");
    }
    return login;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, HttpRequest.BodyPublishers.noBody());
  }

  /** Sends a request in the session; a change (any method but GET) carries the XSRF token. */
  HttpResponse<String> send(String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    return send(method, path, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
  }

  HttpResponse<String> send(String method, String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return send(method, path, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private HttpResponse<String> send(String method, String path, String contentType,
      HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .method(method, body);
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    String token = xsrfToken();
    if (token != null && !"GET".equals(method)) {
      request.header("X-XSRF-TOKEN", token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, last) -> last)
        .orElse(null);
  }
}
