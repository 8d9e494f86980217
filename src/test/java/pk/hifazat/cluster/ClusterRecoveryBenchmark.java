package pk.hifazat.cluster;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import pk.hifazat.LocalPostgres;
import pk.hifazat.Reports;
import pk.hifazat.benchmark.MachineFigures;

/**
 * What a crash costs, measured: the time from a deadline's due time to the supervisor's task,
 * with every node alive and after one is killed; start-up on an empty and on an existing
 * database; and RSS with many cases open. PostgreSQL (-Dbenchmark.db=postgres) runs two nodes
 * and kills one; H2 is one process's database and runs one node. Not part of mvn verify.
 */
@Tag("benchmark")
class ClusterRecoveryBenchmark {

  private static final String DATABASE = System.getProperty("benchmark.db", "h2");
  private static final int OPEN_CASES = Integer.getInteger("benchmark.openCases", 20_000);
  private static final int DEADLINES = Integer.getInteger("benchmark.deadlines", 20);
  private static final String KEY = Base64.getEncoder().encodeToString(
      "a benchmark key, 32 bytes long!!".getBytes());
  private static final Duration READY = Duration.ofMinutes(5);

  private final List<String> report = new ArrayList<>();

  @Test
  void whatACrashCosts() throws Exception {
    Path out = Path.of("target", "benchmark");
    Files.createDirectories(out);
    boolean postgres = DATABASE.equals("postgres");
    LocalPostgres server = postgres ? LocalPostgres.start() : null;
    Path h2 = Files.createTempDirectory("hifazat-recovery");
    String url = postgres ? server.url() : "jdbc:h2:file:" + h2.resolve("db");
    line("Cluster recovery benchmark, %s, %d deadlines per phase, %d open cases, load average %s",
        DATABASE, DEADLINES, OPEN_CASES, MachineFigures.loadAverage());
    try {
      ClusterNode a = ClusterNode.start("bench-a", url, KEY, out);
      ClusterNode b = postgres ? ClusterNode.start("bench-b", url, KEY, out) : null;
      long began = System.nanoTime();
      a.awaitReady(READY);
      line("start-up, empty database: node a %.1f s", seconds(began));
      if (b != null) {
        b.awaitReady(READY);
        line("start-up, empty database, started at the same moment: node b %.1f s"
            + " (waits for a's bootstrap)", seconds(began));
      }
      try (Connection connection = postgres
          ? DriverManager.getConnection(url, "hifazat", "hifazat") : null) {
        JdbcClient db = postgres ? JdbcClient.create(new SingleConnectionDataSource(connection,
            true)) : null;
        List<Double> alive = lateness(a, b, db, false);
        line("due time to the supervisor's task, %s: p50 %.1f s, p95 %.1f s, max %.1f s",
            b != null ? "both nodes alive" : "one node", pct(alive, 0.5), pct(alive, 0.95),
            pct(alive, 1.0));
        if (b != null) {
          List<Double> killed = lateness(a, b, db, true);
          line("due time to the supervisor's task, node a killed with SIGKILL 0.5 s after the"
              + " due time: p50 %.1f s, p95 %.1f s, max %.1f s", pct(killed, 0.5),
              pct(killed, 0.95), pct(killed, 1.0));
          a = b;
        }
      }
      long rssStart = a.rssMb();
      fill(a, OPEN_CASES);
      line("RSS of a node: %d MB after start-up, %d MB with %d more open cases (-Xmx384m)",
          rssStart, a.rssMb(), OPEN_CASES);
      a.close();
      ClusterNode again = ClusterNode.start("bench-restart", url, KEY, out);
      began = System.nanoTime();
      again.awaitReady(READY);
      line("start-up, existing database with the cases: %.1f s", seconds(began));
      again.close();
    } finally {
      if (server != null) {
        server.close();
      }
      Files.write(out.resolve("cluster-recovery-" + DATABASE + ".txt"), report);
    }
  }

  /**
   * Registers cases whose R-ID-EARLY (swept) and R-COURT-24H (timer) deadlines fall due in a
   * minute, optionally kills node a just after they fall due, and returns seconds from each due
   * time to its supervisor's task.
   */
  private List<Double> lateness(ClusterNode a, ClusterNode b, JdbcClient db, boolean kill)
      throws Exception {
    Instant due = Instant.now().plus(Duration.ofSeconds(20 + DEADLINES));
    Instant dayBefore = due.minus(Duration.ofHours(24));
    List<String[]> cases = new ArrayList<>();
    for (int i = 0; i < DEADLINES; i++) {
      ClusterNode node = b == null || i % 2 == 0 ? a : b;
      boolean court = i % 2 == 0;
      HttpResponse<String> answer = node.postReport(court
          ? Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", dayBefore, dayBefore)
          : Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR", dayBefore), null);
      String caseNumber = answer.headers().firstValue("Location").orElseThrow()
          .replace("/api/cases/", "");
      cases.add(new String[] {caseNumber, court ? "R-COURT-24H" : "R-ID-EARLY",
          court ? "Task_ReviewCourtBreach" : "Task_ReviewDeadlineBreach"});
    }
    if (Instant.now().isAfter(due)) {
      throw new IllegalStateException("Registering took longer than the lead; lower"
          + " -Dbenchmark.deadlines");
    }
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis() + 500));
    if (kill) {
      a.kill();
    }
    ClusterNode asked = kill ? b : a;
    List<Double> seconds = new ArrayList<>();
    Instant giveUp = due.plus(Duration.ofMinutes(3));
    for (String[] c : cases) {
      Double late = null;
      while (late == null && Instant.now().isBefore(giveUp)) {
        late = asked.taskLateness(c[0], c[2], due);
        if (late == null) {
          Thread.sleep(200);
        }
      }
      if (late == null) {
        throw new IllegalStateException("No " + c[2] + " for " + c[0] + " within 3 minutes");
      }
      seconds.add(late);
    }
    return seconds;
  }

  /** Registers reports with four clients, as helplines and officers do. */
  private void fill(ClusterNode node, int count) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    long began = System.nanoTime();
    for (int client = 0; client < 4; client++) {
      done.add(clients.submit(() -> {
        while (next.getAndIncrement() < count) {
          HttpResponse<String> answer = node.postReport(Reports.notInCustody("PB", "Lahore",
              "M", "FORCED_LABOUR", Instant.now().minus(Duration.ofMinutes(5))), null);
          if (answer.statusCode() != 201) {
            throw new IllegalStateException(answer.statusCode() + " " + answer.body());
          }
        }
        return null;
      }));
    }
    for (Future<?> client : done) {
      client.get();
    }
    clients.shutdown();
    line("registered %d open cases in %.0f s", count, seconds(began));
  }

  private void line(String format, Object... args) {
    String text = String.format(Locale.ROOT, format, args);
    System.out.println(text);
    report.add(text);
  }

  private static double pct(List<Double> values, double p) {
    return MachineFigures.nearestRank(values, p);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
