package pk.hifazat.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;
import pk.hifazat.LocalPostgres;
import pk.hifazat.RunningApplication;
import pk.hifazat.reporting.TaskFactDays;

/**
 * National scale: 200,000 cases over ten years in all seven zones, 20,000 of them open, loaded
 * into a fresh database; {@code /api/bottlenecks} and {@code /api/sla/breaches} for the whole
 * country (as a national manager), a province (PB) and a district (Lahore) must answer in under
 * 300 ms at the 95th percentile over real HTTP. The same aggregates are computed with Camunda's
 * HistoryService query API in the same run, and the report shows them side by side, with the
 * ratio of the times (HistoryService / ours), which must be at least 10 for every endpoint.
 *
 * <p>Runs only in the {@code benchmark} group: {@code mvn -Pbenchmark test
 * -Dtest=NationalScaleBenchmark}. Settings are system properties ({@code benchmark.db}: {@code
 * h2}, the default, a file database in a temporary folder, or {@code postgres}, a throwaway local
 * server; {@code benchmark.cases}, {@code benchmark.open}, {@code benchmark.iterations}, {@code
 * benchmark.warmup}, time budgets and more: see the constants below and the README). Every
 * phase has a time budget, so a slow API makes the
 * run fail within minutes rather than hang. The report is printed and written to {@code
 * target/benchmark/national-scale-<db>.txt}.
 */
@Tag("benchmark")
class NationalScaleBenchmark {

  private static final double TARGET_P95_MS = 300;
  private static final int CASES = Integer.getInteger("benchmark.cases", 200_000);
  private static final int OPEN = Integer.getInteger("benchmark.open", CASES / 10);
  private static final int ITERATIONS = Integer.getInteger("benchmark.iterations", 100);
  private static final int WARMUP = Integer.getInteger("benchmark.warmup", 20);
  private static final int HISTORY_RUNS = Integer.getInteger("benchmark.historyRuns", 4);
  private static final Duration WARMUP_BUDGET =
      Duration.ofSeconds(Integer.getInteger("benchmark.warmupBudgetSeconds", 45));
  private static final Duration API_BUDGET =
      Duration.ofSeconds(Integer.getInteger("benchmark.apiBudgetSeconds", 150));
  private static final Duration REQUEST_TIMEOUT =
      Duration.ofSeconds(Integer.getInteger("benchmark.requestTimeoutSeconds", 30));
  private static final Duration HISTORY_BUDGET_PER_ENDPOINT =
      Duration.ofSeconds(Integer.getInteger("benchmark.historyBudgetSeconds", 20));
  private static final Duration HISTORY_TIMEOUT =
      Duration.ofSeconds(Integer.getInteger("benchmark.historyTimeoutSeconds", 90));
  private static final int LOAD_THREADS = Integer.getInteger("benchmark.loadThreads", 2);
  private static final String DATABASE =
      System.getProperty("benchmark.db", "h2").toLowerCase(Locale.ROOT);
  private static final boolean POSTGRES = DATABASE.equals("postgres");
  /** Bulk load without the secondary indexes, then create them: faster on H2 and PostgreSQL. */
  private static final boolean REBUILD_INDEXES = Boolean.parseBoolean(
      System.getProperty("benchmark.rebuildIndexes", "true"));
  /** H2 only: keep the database in this folder and load it only once (for tuning queries). */
  private static final String DATA_DIR = System.getProperty("benchmark.dataDir", "");
  /** More application arguments, separated by spaces. */
  private static final String APP_ARGS = System.getProperty("benchmark.appArgs", "");
  private static final String PASSWORD = "demo";
  /** The demo user in group manager-national (AreaGroups.NATIONAL_MANAGERS). */
  private static final String NATIONAL_MANAGER = "manager.pakistan";
  /** Each endpoint at least this many times faster than HistoryService (median over our p50). */
  private static final double TARGET_RATIO = 10;

  private final ObjectMapper json = new ObjectMapper();
  private final long runStarted = System.nanoTime();

  private enum Kind { BOTTLENECKS, BREACHES }

  /** One endpoint call as a manager makes it. {@code asserted}: part of the acceptance. */
  private record Probe(String label, Kind kind, String path, String user, String province,
      String district, boolean asserted) {}

  private static final List<Probe> PROBES = List.of(
      new Probe("bottlenecks, province PB", Kind.BOTTLENECKS, "/api/bottlenecks?province=PB",
          "manager.punjab", "PB", null, true),
      new Probe("bottlenecks, district Lahore", Kind.BOTTLENECKS,
          "/api/bottlenecks?province=PB&district=Lahore", "manager.punjab", "PB", "Lahore", true),
      new Probe("breaches, province PB", Kind.BREACHES, "/api/sla/breaches?province=PB",
          "manager.punjab", "PB", null, true),
      new Probe("breaches, district Lahore", Kind.BREACHES,
          "/api/sla/breaches?province=PB&district=Lahore", "manager.punjab", "PB", "Lahore", true),
      // The whole country as a national manager sees it: the drill-down lists still cut to the
      // cases the engine grants that manager (a non-administrator).
      new Probe("bottlenecks, national", Kind.BOTTLENECKS, "/api/bottlenecks", NATIONAL_MANAGER,
          null, null, true),
      new Probe("breaches, national", Kind.BREACHES, "/api/sla/breaches", NATIONAL_MANAGER, null,
          null, true));

  /** What one probe measured. */
  private static final class Result {
    final Probe probe;
    final List<Double> millis = new ArrayList<>();
    int failures;
    String firstFailure;
    JsonNode body;
    final List<Double> historyMillis = new ArrayList<>();
    Object historyFigures;
    String historyError;
    boolean historyTimedOut;

    Result(Probe probe) {
      this.probe = probe;
    }

    double percentile(double p) {
      return nearestRank(millis, p);
    }

    double historyMedian() {
      List<Double> runs = historyMillis.size() > 1
          ? historyMillis.subList(1, historyMillis.size()) // the first run warms up
          : historyMillis;
      return nearestRank(runs, 0.5);
    }

    boolean passed() {
      return failures == 0 && !millis.isEmpty() && percentile(0.95) < TARGET_P95_MS;
    }
  }

  /** Real HTTP to the running application, with a timeout on every call. */
  private static final class Api {
    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    private final int port;

    Api(int port) {
      this.port = port;
    }

    HttpResponse<String> get(String path, String user) throws Exception {
      String credentials = Base64.getEncoder()
          .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .header("Authorization", "Basic " + credentials)
              .header("Accept", "application/json")
              .timeout(REQUEST_TIMEOUT)
              .GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  @Timeout(value = 25, unit = TimeUnit.MINUTES)
  void nationalProvinceAndDistrictFiguresAnswerWithin300msAndTenTimesFasterThanHistory(@TempDir Path home)
      throws Exception {
    LocalPostgres server = POSTGRES ? LocalPostgres.start() : null;
    Path h2Folder = DATA_DIR.isBlank() ? home : Path.of(DATA_DIR).toAbsolutePath();
    Path marker = h2Folder.resolve("benchmark-dataset.txt");
    List<String> arguments = new ArrayList<>();
    if (POSTGRES) {
      arguments.add("--spring.datasource.url=" + server.url() + "?reWriteBatchedInserts=true");
      arguments.add("--spring.datasource.username=hifazat");
      arguments.add("--spring.datasource.password=hifazat");
    } else {
      Files.createDirectories(h2Folder);
      // The page cache of the application's default URL (application.yaml).
      arguments.add("--spring.datasource.url=jdbc:h2:file:" + h2Folder.resolve("hifazat")
          + ";AUTO_SERVER=FALSE;CACHE_SIZE=131072");
    }
    // No deadline sweep in the background while the figures are timed; the days that are over
    // are added up once the facts are in, below, as the application does every few minutes.
    arguments.add("--hifazat.sla.sweep-interval=PT24H");
    arguments.add("--hifazat.reporting.days-interval=PT24H");
    // More application arguments for an experiment, e.g. "--hifazat.metrics.refresh=PT24H".
    for (String argument : APP_ARGS.trim().split("\\s+")) {
      if (!argument.isEmpty()) {
        arguments.add(argument);
      }
    }
    StringBuilder report = new StringBuilder();
    progress("starting the application on %s", POSTGRES ? server.url() : h2Folder);
    try (RunningApplication app = RunningApplication.start(arguments.toArray(String[]::new))) {
      String dataset;
      Duration loadTime;
      if (!POSTGRES && Files.exists(marker)) {
        dataset = Files.readString(marker);
        loadTime = Duration.ZERO;
        progress("reusing the database loaded earlier in %s", h2Folder);
      } else {
        NationalDataset.Summary summary = load(app);
        dataset = summary.describe();
        loadTime = summary.loadTime;
        if (!POSTGRES && !DATA_DIR.isBlank()) {
          Files.writeString(marker, "(loaded " + summary.now + ") " + dataset);
        }
      }
      String database = POSTGRES ? "PostgreSQL (local server, " + databaseVersion(app) + ")"
          : "H2 file database (" + databaseVersion(app) + ")";
      line(report, "National-scale benchmark on %s, %d cores, Java %s%s", database,
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
          APP_ARGS.isBlank() ? "" : ", application arguments " + APP_ARGS.trim());
      report.append(dataset);
      long addingUp = System.nanoTime();
      // As the schedule would: one run makes the days' rows, the next adds them up.
      TaskFactDays days = app.bean(TaskFactDays.class);
      int addedUp = days.addUpClosedDays() + days.addUpClosedDays();
      line(report, "Days that are over added up (pk.hifazat.reporting.TaskFactDays): %,d in %.1f s",
          addedUp, (System.nanoTime() - addingUp) / 1e9);
      progress("%,d days added up", addedUp);

      int port = Integer.parseInt(app.bean(Environment.class).getProperty("local.server.port"));
      String loadBefore = MachineFigures.loadAverage();
      List<Result> results = measureApi(new Api(port));
      String loadAfter = MachineFigures.loadAverage();
      measureHistoryService(app.bean(HistoryService.class), results);
      report(report, results);
      line(report, "");
      line(report, "Machine load average (1 min) before/after the HTTP timing: %s / %s",
          loadBefore, loadAfter);
      line(report, "Total run time %d s (load %d s)",
          Duration.ofNanos(System.nanoTime() - runStarted).toSeconds(), loadTime.toSeconds());
      String text = report.toString();
      System.out.println();
      System.out.println(text);
      Path file = Path.of("target", "benchmark", "national-scale-" + DATABASE + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);

      List<String> missed = new ArrayList<>();
      for (Result result : results) {
        if (!result.probe.asserted() || result.passed()) {
          continue;
        }
        missed.add(result.millis.isEmpty() || result.failures > 0
            ? "GET " + result.probe.path() + " failed " + result.failures + " time(s): "
                + result.firstFailure
            : String.format(Locale.ROOT, "GET %s p95 %.1f ms (target < %.0f ms)",
                result.probe.path(), result.percentile(0.95), TARGET_P95_MS));
      }
      for (Result result : results) {
        if (!result.probe.asserted() || result.millis.isEmpty()) {
          continue;
        }
        if (result.historyMillis.isEmpty()) {
          if (!result.historyTimedOut) {
            missed.add("GET " + result.probe.path() + ": no HistoryService figure to compare ("
                + result.historyError + ")");
          }
          continue; // abandoned after the timeout: far slower than ours
        }
        double ratio = result.historyMedian() / result.percentile(0.5);
        if (ratio < TARGET_RATIO) {
          missed.add(String.format(Locale.ROOT,
              "GET %s only %.1fx faster than HistoryService (target >= %.0fx)",
              result.probe.path(), ratio, TARGET_RATIO));
        }
      }
      assertThat(missed).as("endpoints that missed the 95th-percentile or ratio target")
          .isEmpty();
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  // -----------------------------------------------------------------------------------------------

  private NationalDataset.Summary load(RunningApplication app) throws Exception {
    RepositoryService repository = app.bean(RepositoryService.class);
    ProcessDefinition courtProduction = repository.createProcessDefinitionQuery()
        .processDefinitionKey(NationalDataset.COURT_PRODUCTION).latestVersion().singleResult();
    assertThat(courtProduction).as("deployed courtProduction process").isNotNull();
    Map<String, String> names = new HashMap<>();
    for (UserTask task : repository.getBpmnModelInstance(courtProduction.getId())
        .getModelElementsByType(UserTask.class)) {
      names.put(task.getId(), task.getName());
    }
    NationalDataset dataset = new NationalDataset(
        new NationalDataset.Settings(CASES, OPEN, 10, 20_260_101L, LOAD_THREADS),
        Instant.now().truncatedTo(ChronoUnit.SECONDS), NationalDataset.readDistricts(), names);
    DataSource dataSource = app.bean(DataSource.class);
    progress("loading %,d cases (%,d open) with %d thread(s)%s", CASES, OPEN, LOAD_THREADS,
        REBUILD_INDEXES ? ", secondary indexes created after the rows" : "");
    long started = System.nanoTime();
    dataset.plan();
    NationalDataset.Summary summary =
        dataset.load(dataSource, courtProduction.getId(), POSTGRES, REBUILD_INDEXES);
    progress("rows written in %d s, indexes in %d s; analyzing", summary.writeTime.toSeconds(),
        summary.indexTime.toSeconds());
    NationalDataset.analyze(dataSource, POSTGRES);
    summary.loadTime = Duration.ofNanos(System.nanoTime() - started);
    progress("loaded: %s", summary.describe().trim());
    return summary;
  }

  private List<Result> measureApi(Api api) throws Exception {
    List<Result> results = new ArrayList<>();
    PROBES.forEach(probe -> results.add(new Result(probe)));
    List<Result> asserted = results.stream().filter(r -> r.probe.asserted()).toList();
    // The first answers also tell whether each endpoint is there at all.
    for (Result result : results) {
      long started = System.nanoTime();
      call(api, result, false);
      progress("first call %-50s %7.0f ms%s", "GET " + result.probe.path(),
          (System.nanoTime() - started) / 1e6,
          result.failures > 0 ? " " + result.firstFailure : "");
    }
    rounds(api, asserted, "warm-up", WARMUP - 1, WARMUP_BUDGET, false);
    rounds(api, asserted, "timed", ITERATIONS, API_BUDGET, true);
    for (Result result : results) {
      if (!result.millis.isEmpty()) {
        progress("  %-50s p50 %7.1f ms  p95 %7.1f ms  (%d calls)", "GET " + result.probe.path(),
            result.percentile(0.5), result.percentile(0.95), result.millis.size());
      }
    }
    return results;
  }

  /** Rounds of calls, the endpoints interleaved so that no one of them gets a quiet machine. */
  private void rounds(Api api, List<Result> results, String name, int count, Duration budget,
      boolean timed) throws Exception {
    progress("%s: %d calls per endpoint, interleaved (at most %d s)", name, count,
        budget.toSeconds());
    long started = System.nanoTime();
    for (int round = 0; round < count; round++) {
      for (Result result : results) {
        if (result.failures == 0) {
          call(api, result, timed);
        }
      }
      if (System.nanoTime() - started > budget.toNanos()) {
        progress("  %s: time budget spent after %d rounds", name, round + 1);
        break;
      }
    }
  }

  private void call(Api api, Result result, boolean timed) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> answer;
    try {
      answer = api.get(result.probe.path(), result.probe.user());
    } catch (HttpTimeoutException e) {
      result.failures++;
      result.firstFailure = "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s";
      return;
    }
    double millis = (System.nanoTime() - started) / 1e6;
    if (answer.statusCode() != 200) {
      result.failures++;
      result.firstFailure = "HTTP " + answer.statusCode() + " " + abbreviate(answer.body());
      return;
    }
    if (timed) {
      result.millis.add(millis);
    }
    result.body = json.readTree(answer.body());
  }

  /**
   * The same aggregates with the HistoryService, over the same range as the API's last answer.
   * Each endpoint runs up to {@code benchmark.historyRuns} times within its time budget; the first
   * run only warms up when there are more. A run that takes longer than the timeout is abandoned.
   */
  private void measureHistoryService(HistoryService history, List<Result> results)
      throws InterruptedException {
    HistoryServiceFigures figures = new HistoryServiceFigures(history);
    ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "benchmark-history-service");
      thread.setDaemon(true);
      return thread;
    });
    try {
      for (Result result : results) {
        Probe probe = result.probe;
        Instant to = result.body != null ? instant(result.body.get("to")) : Instant.now();
        Instant from = result.body != null ? instant(result.body.get("from"))
            : to.minus(probe.kind() == Kind.BOTTLENECKS ? Duration.ofDays(30)
                : Duration.ofDays(90)); // the API's default ranges
        long budgetStarted = System.nanoTime();
        for (int run = 0; run < HISTORY_RUNS; run++) {
          // Each run asks with a range one millisecond wider, as each API call asks with its own
          // "now": H2 would otherwise hand the repeated identical query its previous result.
          Instant runFrom = from.minusMillis(run);
          Callable<Object> compute = probe.kind() == Kind.BOTTLENECKS
              ? () -> figures.bottlenecks(probe.province(), probe.district(), runFrom, to,
                  Instant.now())
              : () -> figures.breaches(probe.province(), probe.district(), runFrom, to,
                  Instant.now(), 100);
          long started = System.nanoTime();
          Future<Object> future = runner.submit(compute);
          try {
            Object answer = future.get(HISTORY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (run == 0) {
              result.historyFigures = answer; // the API's exact range, for the comparison
            }
          } catch (TimeoutException e) {
            future.cancel(true);
            result.historyTimedOut = true;
            result.historyError = "no result within " + HISTORY_TIMEOUT.toSeconds() + " s";
            break;
          } catch (ExecutionException e) {
            result.historyError = e.getCause().toString();
            break;
          }
          result.historyMillis.add((System.nanoTime() - started) / 1e6);
          if (System.nanoTime() - budgetStarted > HISTORY_BUDGET_PER_ENDPOINT.toNanos()) {
            break;
          }
        }
        progress("HistoryService %-50s %s", "GET " + probe.path(), result.historyMillis.isEmpty()
            ? result.historyError
            : String.format(Locale.ROOT, "%.1f ms (%d runs)", result.historyMedian(),
                result.historyMillis.size()));
        if (result.historyTimedOut) {
          // The abandoned query may still run; later figures would be measured beside it.
          progress("  HistoryService timed out: the remaining endpoints are not compared");
          break;
        }
      }
    } finally {
      runner.shutdownNow();
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Report

  private void report(StringBuilder report, List<Result> results) {
    line(report, "");
    line(report, "Latency over HTTP, one call at a time (up to %d timed calls per endpoint after %d"
        + " warm-up calls, interleaved; target: p95 < %.0f ms, national, province and district"
        + " alike)", ITERATIONS, WARMUP, TARGET_P95_MS);
    line(report, "%-52s %-15s %5s %7s %7s %7s  %s", "endpoint", "user", "calls", "p50 ms",
        "p95 ms", "max ms", "result");
    for (Result result : results) {
      String verdict = !result.probe.asserted() ? "(information)"
          : result.passed() ? "PASS" : "FAIL";
      if (result.millis.isEmpty()) {
        line(report, "%-52s %-15s %5d %7s %7s %7s  %s %s", "GET " + result.probe.path(),
            result.probe.user(), 0, "-", "-", "-", verdict, result.firstFailure);
        continue;
      }
      line(report, "%-52s %-15s %5d %7.1f %7.1f %7.1f  %s%s", "GET " + result.probe.path(),
          result.probe.user(), result.millis.size(), result.percentile(0.5),
          result.percentile(0.95),
          maxOf(result.millis), verdict,
          result.failures > 0 ? " (" + result.failures + " failed: " + result.firstFailure + ")"
              : "");
    }

    line(report, "");
    line(report, "The same aggregate with Camunda's HistoryService query API (in process, no"
        + " HTTP; median of the timed runs), measured in this run");
    line(report, "%-52s %9s %9s %16s %13s %13s", "endpoint", "our p50", "our p95",
        "HistoryService", "ratio HS/p95", "ratio HS/p50");
    for (Result result : results) {
      if (result.historyMillis.isEmpty()) {
        String why = result.historyTimedOut
            ? String.format(Locale.ROOT, "> %d ms (abandoned) %12s", HISTORY_TIMEOUT.toMillis(),
                result.millis.isEmpty() ? "-" : String.format(Locale.ROOT, "> %.1fx",
                    HISTORY_TIMEOUT.toMillis() / result.percentile(0.95)))
            : result.historyError != null ? "HistoryService failed: " + result.historyError
            : result.body == null ? "not measured (no API answer)" : "not measured";
        line(report, "%-52s %s", "GET " + result.probe.path(), why);
        continue;
      }
      double history = result.historyMedian();
      if (result.millis.isEmpty()) {
        line(report, "%-52s %9s %9s %10.1f ms (%d) %13s %13s", "GET " + result.probe.path(),
            "-", "-", history, result.historyMillis.size(), "-", "-");
        continue;
      }
      line(report, "%-52s %6.1f ms %6.1f ms %10.1f ms (%d) %12.2fx %12.2fx",
          "GET " + result.probe.path(), result.percentile(0.5), result.percentile(0.95), history,
          result.historyMillis.size(), history / result.percentile(0.95),
          history / result.percentile(0.5));
    }

    line(report, "");
    line(report, "Figures: ours (API answer) / HistoryService");
    for (Result result : results) {
      if (result.body == null || result.historyFigures == null) {
        continue;
      }
      if (result.probe.kind() == Kind.BOTTLENECKS) {
        compareBottlenecks(report, result);
      } else {
        compareBreaches(report, result);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void compareBottlenecks(StringBuilder report, Result result) {
    Map<String, HistoryServiceFigures.Activity> history =
        (Map<String, HistoryServiceFigures.Activity>) result.historyFigures;
    double days = result.body.path("days").asDouble(Double.NaN);
    if (Double.isNaN(days)) {
      days = Duration.between(instant(result.body.get("from")), instant(result.body.get("to")))
          .toSeconds() / 86_400.0;
    }
    Map<String, JsonNode> ours = new TreeMap<>();
    for (JsonNode activity : result.body.path("activities")) {
      if (activity.path("processDefinitionKey").asText().equals(NationalDataset.COURT_PRODUCTION)) {
        ours.merge(activity.path("activityId").asText(), activity, (a, b) -> a);
      }
    }
    line(report, "  %s (%s to %s, %.0f days)", "GET " + result.probe.path(),
        result.body.path("from").asText(), result.body.path("to").asText(), days);
    line(report, "    %-36s %15s %13s %15s %15s %13s %21s", "activity", "workInProgress",
        "overdueOpen", "arrivals", "completions", "breachRate", "handling/duration p50 s");
    long[] totals = new long[8];
    TreeSet<String> activities = new TreeSet<>(ours.keySet());
    activities.addAll(history.keySet());
    for (String id : activities) {
      JsonNode our = ours.get(id);
      HistoryServiceFigures.Activity their = history.get(id);
      long ourWip = our == null ? 0 : our.path("workInProgress").asLong();
      long ourOverdue = our == null ? 0 : our.path("overdueOpen").asLong();
      long ourArrivals = our == null ? 0 : Math.round(our.path("arrivalsPerDay").asDouble() * days);
      long ourCompletions = our == null ? 0
          : Math.round(our.path("completionsPerDay").asDouble() * days);
      String ourBreachRate = our == null || our.path("breachRate").isNull() ? "-"
          : String.format(Locale.ROOT, "%.3f", our.path("breachRate").asDouble());
      String ourHandling = our == null || our.path("handlingSeconds").isNull() ? "-"
          : String.format(Locale.ROOT, "%.0f", our.path("handlingSeconds").path("median")
              .asDouble());
      long hsWip = their == null ? 0 : their.workInProgress;
      long hsOverdue = their == null ? 0 : their.overdueOpen;
      long hsArrivals = their == null ? 0 : their.arrivals;
      long hsCompletions = their == null ? 0 : their.completions;
      String hsBreachRate = their == null || their.completions == 0 ? "-"
          : String.format(Locale.ROOT, "%.3f", their.completedLate / (double) their.completions);
      String hsDuration = their == null || their.durationMedianSeconds == null ? "-"
          : String.format(Locale.ROOT, "%.0f", their.durationMedianSeconds);
      line(report, "    %-36s %15s %13s %15s %15s %13s %21s", id, ourWip + " / " + hsWip,
          ourOverdue + " / " + hsOverdue, ourArrivals + " / " + hsArrivals,
          ourCompletions + " / " + hsCompletions, ourBreachRate + " / " + hsBreachRate,
          ourHandling + " / " + hsDuration);
      totals[0] += ourWip;
      totals[1] += hsWip;
      totals[2] += ourOverdue;
      totals[3] += hsOverdue;
      totals[4] += ourArrivals;
      totals[5] += hsArrivals;
      totals[6] += ourCompletions;
      totals[7] += hsCompletions;
    }
    line(report, "    %-36s %15s %13s %15s %15s   %s", "total", totals[0] + " / " + totals[1],
        totals[2] + " / " + totals[3], totals[4] + " / " + totals[5],
        totals[6] + " / " + totals[7],
        totals[0] == totals[1] && totals[2] == totals[3] ? "work in progress agrees"
            : "work in progress DIFFERS");
  }

  private void compareBreaches(StringBuilder report, Result result) {
    HistoryServiceFigures.Breaches history = (HistoryServiceFigures.Breaches) result.historyFigures;
    Map<String, Long> ours = new TreeMap<>();
    for (JsonNode rule : result.body.path("byRule")) {
      ours.put(rule.path("rule").asText(), rule.path("count").asLong());
    }
    long ourTotal = result.body.path("total").asLong();
    long ourComparable = ourTotal - ours.getOrDefault(NationalDataset.R_ID_EARLY, 0L);
    StringBuilder rules = new StringBuilder();
    for (String rule : NationalDataset.RULES) {
      rules.append(String.format(Locale.ROOT, " %s %d / %s", rule, ours.getOrDefault(rule, 0L),
          rule.equals(NationalDataset.R_ID_EARLY) ? "n/a"
              : String.valueOf(history.byRule().getOrDefault(rule, 0L))));
    }
    line(report, "  GET %s (%s to %s): total %d / %d without %s (%s);%s; days %d / %d",
        result.probe.path(), result.body.path("from").asText(), result.body.path("to").asText(),
        ourComparable, history.total(), NationalDataset.R_ID_EARLY,
        ourComparable == history.total() ? "agrees" : "DIFFERS", rules,
        result.body.path("byDay").size(), history.byDay().size());
  }

  // -----------------------------------------------------------------------------------------------

  private void progress(String format, Object... arguments) {
    System.out.printf(Locale.ROOT, "[benchmark %4d s] %s%n",
        Duration.ofNanos(System.nanoTime() - runStarted).toSeconds(),
        String.format(Locale.ROOT, format, arguments));
  }

  private static String databaseVersion(RunningApplication app) {
    try (var connection = app.bean(DataSource.class).getConnection()) {
      var meta = connection.getMetaData();
      return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    } catch (Exception e) {
      return "version unknown";
    }
  }

  /** ISO-8601 text, or seconds since the epoch when dates are written as numbers. */
  private static Instant instant(JsonNode node) {
    if (node == null || node.isNull()) {
      throw new IllegalStateException("The answer has no from/to range");
    }
    if (node.isNumber()) {
      BigDecimal seconds = node.decimalValue();
      return Instant.ofEpochSecond(seconds.longValue(),
          seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    return Instant.parse(node.asText());
  }

  private static double nearestRank(List<Double> values, double p) {
    return MachineFigures.nearestRank(values, p);
  }

  private static double maxOf(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static String abbreviate(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }

  private static void line(StringBuilder report, String format, Object... arguments) {
    report.append(String.format(Locale.ROOT, format, arguments)).append(System.lineSeparator());
  }
}
