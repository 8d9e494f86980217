package pk.hifazat.transfer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import pk.hifazat.CaseDriver;

/** The engine REST API and our API over real HTTP, as a person with HTTP Basic (as Tasklist). */
final class EngineRestAs {

  record Answer(int status, String body) {}

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final int port;

  EngineRestAs(int port) {
    this.port = port;
  }

  Answer get(String user, String path) throws Exception {
    return send(user, "GET", path, null);
  }

  Answer post(String user, String path, String json) throws Exception {
    return send(user, "POST", path, json);
  }

  private Answer send(String user, String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response = client.send(request.build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }
}
