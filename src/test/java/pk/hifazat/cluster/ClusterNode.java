package pk.hifazat.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import pk.hifazat.HifazatApplication;

/**
 * One node of the service in a JVM of its own, as production runs it (prod profile, PostgreSQL,
 * job executor on), on 127.0.0.1: started, asked, and killed with SIGKILL like a crashed machine.
 */
final class ClusterNode implements AutoCloseable {

  static final String ADMIN_PASSWORD = "cluster-admin-password";

  /** How the engine's REST API writes times. */
  private static final DateTimeFormatter ENGINE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  private static final ObjectMapper JSON = new ObjectMapper();

  final String name;
  final int port;
  final Path log;
  private final Process process;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private ClusterNode(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** Starts a node on the database with the identity key; returns at once (see awaitReady). */
  static ClusterNode start(String name, String databaseUrl, String identityKey, Path logs,
      String... more) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m",
        "-cp", System.getProperty("java.class.path"),
        HifazatApplication.class.getName(),
        "--spring.profiles.active=prod",
        "--server.address=127.0.0.1",
        "--server.port=" + port,
        "--spring.datasource.url=" + databaseUrl,
        "--spring.datasource.username=hifazat",
        "--spring.datasource.password=hifazat",
        "--HIFAZAT_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
        "--HIFAZAT_IDENTITY_KEY=" + identityKey,
        "--hifazat.home=" + Path.of("").toAbsolutePath(),
        "--spring.jmx.enabled=false"));
    command.addAll(List.of(more));
    Files.createDirectories(logs);
    Path log = logs.resolve("node-" + name + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    // Never left running when the test JVM is stopped from outside.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return new ClusterNode(name, port, log, process);
  }

  /** Waits until the node says it is ready; fails if it stopped or took longer than allowed. */
  ClusterNode awaitReady(Duration patience) throws Exception {
    long giveUp = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < giveUp) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " stopped at start-up: "
            + tail());
      }
      try {
        if (get("/actuator/health/readiness").statusCode() == 200) {
          return this;
        }
      } catch (IOException notListeningYet) {
        // starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("Node " + name + " not ready within " + patience + ": "
        + tail());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit status of a node that stopped by itself (e.g. refusing to start). */
  int awaitExit(Duration patience) throws InterruptedException {
    if (!process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("Node " + name + " still running after " + patience);
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no graceful stop, connections dropped mid-transaction. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postReport(String report, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request("/api/cases")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(report));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  /** Seconds from {@code due} to the first open task of the case with the key; null if none. */
  Double taskLateness(String caseNumber, String taskKey, Instant due) throws Exception {
    HttpResponse<String> answer = get("/engine-rest/task?processInstanceBusinessKey="
        + caseNumber + "&taskDefinitionKey=" + taskKey);
    JsonNode tasks = JSON.readTree(answer.body());
    if (!tasks.isArray() || tasks.isEmpty()) {
      return null;
    }
    Instant created = OffsetDateTime.parse(tasks.get(0).path("created").asText(), ENGINE_TIME)
        .toInstant();
    return Duration.between(due, created).toMillis() / 1000.0;
  }

  /** Resident memory of the node's JVM, from /proc. */
  long rssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()),
        "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
