package pk.hifazat.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pk.hifazat.Reports;
import pk.hifazat.RunningApplication;

/**
 * A helpline keeps sending while the node starts: before it is ready every report is answered
 * 503 with Retry-After (the sender tries again), never a 500, and the first 201 comes once the
 * pathways are deployed.
 */
@Tag("standalone")
class ReportDuringStartTest {

  @Test
  @DisplayName("Reports sent while the node starts get 503 and Retry-After until it is ready, then 201; never 500")
  void reportsDuringStartAreDeferredNotLost(@TempDir Path home) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CompletableFuture<RunningApplication> starting = CompletableFuture.supplyAsync(() ->
        RunningApplication.start("--server.port=" + port,
            "--spring.datasource.url=jdbc:h2:file:" + home.resolve("db")));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String report = Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR",
        Instant.now().minus(Duration.ofHours(1)));
    Map<Integer, Integer> answers = new TreeMap<>();
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
    try {
      while (Instant.now().isBefore(giveUp)) {
        HttpResponse<String> answer;
        try {
          answer = http.send(HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + port + "/api/cases"))
              .header("Content-Type", "application/json")
              .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                  "cpo.lahore.f:demo".getBytes(StandardCharsets.UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofString(report)).build(),
              HttpResponse.BodyHandlers.ofString());
        } catch (IOException notListeningYet) {
          Thread.sleep(20);
          continue;
        }
        answers.merge(answer.statusCode(), 1, Integer::sum);
        if (answer.statusCode() == 503) {
          assertThat(answer.headers().firstValue("Retry-After")).isPresent();
          assertThat(answer.body()).contains("\"status\":503");
        } else {
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
          break;
        }
      }
      assertThat(answers).as("answers by status").containsKeys(503, 201).doesNotContainKey(500);
    } finally {
      starting.join().close();
    }
  }
}
