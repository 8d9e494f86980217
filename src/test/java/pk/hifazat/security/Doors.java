package pk.hifazat.security;

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
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pk.hifazat.CaseDriver;

/**
 * The doors a person reaches the engine through, over real HTTP to the running application: the
 * engine REST API with HTTP Basic (Camunda Modeler, scripts), and the webapps' engine API with a
 * login session and its XSRF token (Tasklist, Cockpit in a browser). Both take the same engine
 * paths, so a test names a path once and tries it through each door.
 */
final class Doors {

  /** Where a door's engine API lives. */
  enum Door {
    ENGINE_REST("/engine-rest", null),
    TASKLIST("/camunda/api/engine/engine/default", "tasklist"),
    COCKPIT("/camunda/api/engine/engine/default", "cockpit");

    final String prefix;
    final String app;

    Door(String prefix, String app) {
      this.prefix = prefix;
      this.app = app;
    }
  }

  record Answer(int status, String body) {
    @Override
    public String toString() {
      String flat = body.replaceAll("\\s+", " ");
      return status + " " + (flat.length() <= 400 ? flat : flat.substring(0, 400) + "...");
    }
  }

  private final int port;
  private final HttpClient basicClient = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  Doors(int port) {
    this.port = port;
  }

  /** Sends a request to the engine path through the door as the user. */
  Answer send(Door door, String user, String method, String enginePath, String json)
      throws Exception {
    String path = door.prefix + enginePath;
    return door == Door.ENGINE_REST ? basic(user, method, path, json)
        : session(user, door.app).send(method, path, json);
  }

  Answer basic(String user, String method, String path, String json) throws Exception {
    HttpRequest.Builder request = request(method, path, json);
    request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> response = basicClient.send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  Session session(String user, String app) throws Exception {
    Session session = sessions.get(user + "@" + app);
    if (session == null) {
      session = new Session();
      session.login(app, user);
      sessions.put(user + "@" + app, session);
    }
    return session;
  }

  private HttpRequest.Builder request(String method, String path, String json) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    return builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
  }

  /** A browser's session with the Camunda webapps: cookies, the XSRF token, a login. */
  final class Session {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();

    void login(String app, String user) throws Exception {
      send("GET", "/camunda/app/" + app + "/", null);
      if (xsrfToken() == null) {
        send("GET", "/camunda/app/welcome/default/", null);
      }
      HttpRequest.Builder form = request("POST",
          "/camunda/api/admin/auth/user/default/login/" + app, null)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username="
              + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
              + URLEncoder.encode(CaseDriver.PASSWORD, StandardCharsets.UTF_8)));
      withToken(form);
      HttpResponse<String> login = client.send(form.build(), HttpResponse.BodyHandlers.ofString());
      if (login.statusCode() != 200) {
        throw new IllegalStateException(user + " could not log into " + app + ": "
            + login.statusCode() + " " + login.body());
      }
      // The new session's XSRF token comes with the next read, as in the browser.
      send("GET", "/camunda/api/admin/auth/user/default", null);
    }

    Answer send(String method, String path, String json) throws IOException, InterruptedException {
      HttpRequest.Builder builder = request(method, path, json);
      if (!"GET".equals(method)) {
        withToken(builder);
      }
      HttpResponse<String> response = client.send(builder.build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    }

    private void withToken(HttpRequest.Builder builder) {
      String token = xsrfToken();
      if (token != null) {
        builder.header("X-XSRF-TOKEN", token);
      }
    }

    private String xsrfToken() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .reduce((first, last) -> last)
          .orElse(null);
    }
  }
}
