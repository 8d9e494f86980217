package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.system.CapturedOutput;
import pk.hifazat.CaseDriver;

/**
 * The doors a person reaches the engine through, over real HTTP to the running application: the
 * engine REST API with HTTP Basic (Camunda Modeler, scripts), and the webapps' engine API with a
 * login session and its XSRF token (Tasklist, Cockpit, Admin in a browser). Both take the same
 * engine paths, so a test names a path once and tries it through each door.
 */
final class Doors {

  /** Where a door's engine API lives. */
  enum Door {
    ENGINE_REST("/engine-rest", null),
    TASKLIST("/camunda/api/engine/engine/default", "tasklist"),
    COCKPIT("/camunda/api/engine/engine/default", "cockpit"),
    ADMIN("/camunda/api/engine/engine/default", "admin"),
    /** Cockpit's own API beside the engine's: its lists of process instances and incidents. */
    COCKPIT_PLUGINS("/camunda/api/cockpit/plugin/base/default", "cockpit");

    final String prefix;
    final String app;

    Door(String prefix, String app) {
      this.prefix = prefix;
      this.app = app;
    }
  }

  record Answer(int status, String body) {

    /**
     * Asserts the answer to bad input: 400 with a problem body holding the words, never the
     * child's name the test sent, and no failure of ours in the log.
     */
    void assertBadInput(String words, CapturedOutput log) {
      assertThat(status).as(toString()).isEqualTo(400);
      assertThat(body).contains("\"title\":\"Bad Request\"", "\"status\":400", words)
          .doesNotContain("Amina");
      assertThat(log.getAll()).doesNotContain("Engine REST request failed")
          .doesNotContain("ENGINE-16004");
    }

    static Answer of(HttpResponse<String> response) {
      return new Answer(response.statusCode(), response.body());
    }

    @Override
    public String toString() {
      String flat = body.replaceAll("\\s+", " ");
      return status + " " + (flat.length() <= 400 ? flat : flat.substring(0, 400) + "...");
    }
  }

  private final int port;
  private final HttpClient basicClient = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, WebappSession> sessions = new ConcurrentHashMap<>();

  Doors(int port) {
    this.port = port;
  }

  /** Sends a request to the engine path through the door as the user. */
  Answer send(Door door, String user, String method, String enginePath, String json)
      throws Exception {
    String path = door.prefix + enginePath;
    return door == Door.ENGINE_REST ? basic(user, method, path, json)
        : Answer.of(session(user, door.app).send(method, path,
            json == null ? null : "application/json", json));
  }

  Answer basic(String user, String method, String path, String json) throws Exception {
    HttpRequest.Builder request = request(method, path, json);
    request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> response = basicClient.send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  WebappSession session(String user, String app) throws Exception {
    WebappSession session = sessions.get(user + "@" + app);
    if (session == null) {
      session = new WebappSession(port);
      HttpResponse<String> login = session.login(app, user);
      if (login.statusCode() != 200) {
        throw new IllegalStateException(user + " could not log into " + app + ": "
            + login.statusCode() + " " + login.body());
      }
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
}
