package pk.hifazat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started as a user starts it, on 127.0.0.1 and a free port, with its own
 * engine name so it can run beside the test context in one JVM.
 */
public final class RunningApplication implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();

  private RunningApplication(ConfigurableApplicationContext context) {
    this.context = context;
  }

  public static RunningApplication start(String... arguments) {
    List<String> args = new ArrayList<>(List.of(arguments));
    for (String fallback : List.of(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--camunda.bpm.process-engine-name=standalone",
        "--camunda.bpm.job-execution.enabled=false",
        "--spring.jmx.enabled=false")) {
      String key = fallback.substring(0, fallback.indexOf('=') + 1);
      if (args.stream().noneMatch(arg -> arg.startsWith(key))) {
        args.add(fallback);
      }
    }
    return new RunningApplication(HifazatApplication.service()
        .run(args.toArray(String[]::new)));
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public HttpResponse<String> get(String path, String user, String password) throws Exception {
    return http.send(request(path, user, password).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> postJson(String path, String body, String user, String password)
      throws Exception {
    return http.send(request(path, user, password)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    String credentials = Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + credentials);
  }

  @Override
  public void close() {
    context.close();
  }
}
