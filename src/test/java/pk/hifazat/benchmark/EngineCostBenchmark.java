package pk.hifazat.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import pk.hifazat.ChildAtRiskForms;
import pk.hifazat.LocalPostgres;
import pk.hifazat.Reports;

/**
 * What a case costs in Hifazat next to what the same case costs in the bare engine:
 * two servers started as child JVMs on 127.0.0.1, each on a fresh database of its own, driven
 * over HTTP as a caseworker drives them, interleaved batch by batch so that the noise of a shared
 * machine hits both.
 *
 * <ul>
 *   <li>Hifazat ({@code pk.hifazat.HifazatApplication}, its defaults): a girl's report through
 *       {@code POST /api/cases}, then every task to closure through {@code /engine-rest}, each
 *       completion preceded by the officer's task-list read for the case.</li>
 *   <li>The bare engine ({@code benchmark.bare.BareEngineApplication}): Camunda's Spring Boot
 *       starter with REST and webapps, authorization on, HTTP Basic on {@code /engine-rest},
 *       history full. Its model is generated from the first Hifazat case of the run: one user
 *       task for every task that case completed, in the order they were completed, with the same
 *       candidate groups, the same users and group memberships, the same form variables per
 *       completion and the same reads and requests per case.</li>
 * </ul>
 *
 * <p>Measured at a few open cases ({@code benchmark.fewCases}, 20) and at many ({@code
 * benchmark.openCases}, 20,000; started through each server's own start API without being
 * worked): cases/s with 1 and with 4 clients (median of the rounds), task completion and task
 * list p50/p95, server CPU per case ({@code /proc/<pid>/stat}) and, on PostgreSQL, the CPU of
 * the database processes serving each server's database, rows added per closed case (all
 * tables counted by JDBC before and after), start-up to the first answer on a fresh database and
 * again on the database that start made (the median of {@code benchmark.startupRounds}, 3, starts
 * of each, alternating, one server at a time, with the CPU each kind of thread took;
 * {@code -Dbenchmark.startupOnly=true} measures only these), and resident memory
 * ({@code /proc/<pid>/status}). Each figure is given with its ratio
 * Hifazat/bare; the speed targets (at least 0.8 of the bare engine's cases/s with few cases
 * open, within 10% of that with many; start-up within 1.3x; RSS under 768 MB) are printed as
 * PASS or FAIL and never fail the build.
 *
 * <p>Runs only in the {@code benchmark} group: {@code mvn -Pbenchmark test
 * -Dtest=EngineCostBenchmark}; {@code -Dbenchmark.db=postgres} for a throwaway local PostgreSQL
 * server. The report is printed and written to {@code target/benchmark/engine-cost-<db>.txt},
 * the servers' logs beside it.
 */
@Tag("benchmark")
class EngineCostBenchmark {

  private static final int OPEN = Integer.getInteger("benchmark.openCases", 20_000);
  private static final int FEW = Integer.getInteger("benchmark.fewCases", 20);
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);
  private static final int SINGLE_CLIENT_CASES = Integer.getInteger("benchmark.singleCases", 3);
  private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
  private static final int MULTI_CLIENT_CASES = Integer.getInteger("benchmark.multiCases", 8);
  private static final int WARMUP_CASES = Integer.getInteger("benchmark.warmupCases", 40);
  private static final int PRELOAD_THREADS = Integer.getInteger("benchmark.preloadThreads", 4);
  /** The heap that keeps a node under 768 MB with 20,000 open cases (README, Production). */
  private static final String XMX = System.getProperty("benchmark.xmx", "320m");
  /** More options for both servers' JVMs, space-separated (a Flight Recorder, GC logging). */
  private static final String JVM_ARGS = System.getProperty("benchmark.jvmArgs", "");
  private static final int STARTUP_ROUNDS = Integer.getInteger("benchmark.startupRounds", 3);
  /** Only the start-ups (and the one case that shapes the bare engine's model). */
  private static final boolean STARTUP_ONLY = Boolean.getBoolean("benchmark.startupOnly");
  /**
   * The bare engine with CMMN and standalone tasks off as well, as Hifazat runs
   * (support.PathwayTasksOnly); otherwise Camunda's defaults, which write a task query's grants
   * as outer joins.
   */
  private static final boolean BARE_PROCESS_TASKS_ONLY =
      Boolean.getBoolean("benchmark.bareProcessTasksOnly");
  private static final Duration STARTUP_BUDGET =
      Duration.ofSeconds(Integer.getInteger("benchmark.startupBudgetSeconds", 240));
  private static final Duration PRELOAD_BUDGET =
      Duration.ofMinutes(Integer.getInteger("benchmark.preloadBudgetMinutes", 60));
  private static final Duration PHASE_BUDGET =
      Duration.ofMinutes(Integer.getInteger("benchmark.phaseBudgetMinutes", 15));
  private static final Duration REQUEST_TIMEOUT =
      Duration.ofSeconds(Integer.getInteger("benchmark.requestTimeoutSeconds", 60));
  private static final String DATABASE =
      System.getProperty("benchmark.db", "h2").toLowerCase(Locale.ROOT);
  private static final boolean POSTGRES = DATABASE.equals("postgres");
  /**
   * Both H2 databases' settings: H2's defaults unless {@code -Dbenchmark.h2Settings} adds some,
   * such as the page cache Hifazat's own default URL sets ({@code CACHE_SIZE=131072}).
   */
  private static final String H2_SETTINGS = ";AUTO_SERVER=TRUE"
      + System.getProperty("benchmark.h2Settings", "").replaceAll("^;?(.+)$", ";$1");

  /**
   * The product's class path in service (Maven's runtime scope, written by the benchmark profile):
   * Hifazat runs on it, the bare engine on it and its own class. Without it, both run on the test
   * class path, whose test classes and libraries Hifazat's component scan and auto-configuration
   * read at start.
   */
  private static final Path RUNTIME_CLASSPATH = Path.of("target", "benchmark",
      "runtime-classpath.txt");

  private static final List<String> THREAD_KINDS =
      List.of("main", "JIT compilers", "garbage collector", "other threads", "threads ended");

  private static final String PASSWORD = "demo";
  private static final String REPORTER = "cpo.lahore.f";
  private static final String BARE_PROCESS = "benchmarkCase";
  private static final String CASE_PROCESS = "childProtectionCase";
  /** Everyone in Lahore who may have work on a girl's case: her (female) officer first. */
  private static final List<String> LAHORE_USERS = List.of(
      "cpo.lahore.f", "focal.police.lahore", "focal.fia.lahore", "focal.cybercrime.lahore",
      "focal.hospitalcpu.lahore", "focal.psychologist.lahore", "focal.socialworker.lahore",
      "focal.legalaid.lahore", "focal.ngolegalaid.lahore", "focal.shelter.lahore",
      "focal.education.lahore", "focal.socialprotection.lahore", "supervisor.lahore");
  private static final double TARGET_FEW_RATIO = 0.8;
  private static final double TARGET_MANY_SHARE = 0.9;
  private static final double TARGET_STARTUP_RATIO = 1.3;
  private static final long TARGET_RSS_MB = 768;

  private final ObjectMapper json = new ObjectMapper();
  private final long runStarted = System.nanoTime();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .executor(Executors.newFixedThreadPool(8, daemon("benchmark-http")))
      .build();

  /** One task completion of a case: which task, by whom, with which form's answers. */
  private record Step(String taskKey, String answersFor, String user, List<String> candidateGroups,
      List<String> candidateUsers, String assignee) {}

  // -----------------------------------------------------------------------------------------------
  // The servers

  /** A server in a JVM of its own, and what the benchmark measured of it. */
  private final class Server implements AutoCloseable {
    final String name;
    final Process process;
    final int port;
    final String jdbcUrl;
    final String jdbcUser;
    final String jdbcPassword;
    final String rest = "/engine-rest";
    final Path log;
    double startupSeconds;
    long rssAfterStartMb;
    Map<String, Long> startupCpuMillis = Map.of();
    List<Step> steps = List.of();
    final Map<String, Phase> phases = new LinkedHashMap<>();
    final AtomicInteger failures = new AtomicInteger();
    volatile String firstFailure;
    final AtomicLong bareCaseNumbers = new AtomicLong();

    Server(String name, Process process, int port, String jdbcUrl, String jdbcUser,
        String jdbcPassword, Path log) {
      this.name = name;
      this.process = process;
      this.port = port;
      this.jdbcUrl = jdbcUrl;
      this.jdbcUser = jdbcUser;
      this.jdbcPassword = jdbcPassword;
      this.log = log;
    }

    boolean bare() {
      return name.equals("bare");
    }

    /** User plus system CPU time of the server's JVM, in milliseconds. */
    long cpuMillis() throws IOException {
      return ticks(Path.of("/proc/" + process.pid() + "/stat")) * 1000 / CLOCK_TICKS;
    }

    /**
     * CPU ticks so far of each PostgreSQL process serving this server's database (its
     * connections, and autovacuum while it works there), by process id; none on H2, whose work
     * is the JVM's own. A process that ends between two readings takes its ticks with it.
     */
    Map<Long, Long> databaseTicks() throws Exception {
      Map<Long, Long> byProcess = new LinkedHashMap<>();
      if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
        return byProcess;
      }
      try (Connection connection = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
          Statement statement = connection.createStatement();
          ResultSet processes = statement.executeQuery("select pid from pg_stat_activity"
              + " where datname = current_database() and pid <> pg_backend_pid()")) {
        while (processes.next()) {
          long pid = processes.getLong(1);
          try {
            byProcess.put(pid, ticks(Path.of("/proc/" + pid + "/stat")));
          } catch (IOException | RuntimeException ended) {
            // the connection closed meanwhile
          }
        }
      }
      return byProcess;
    }

    /**
     * CPU time of the server's threads so far, in milliseconds, by kind: the main thread, the
     * JIT compilers, the garbage collector, the rest (request, job and background threads), and
     * the threads that have ended (the process's time less its threads').
     */
    Map<String, Long> cpuMillisByThreadKind() throws IOException {
      Map<String, Long> byKind = new LinkedHashMap<>();
      for (String kind : THREAD_KINDS) {
        byKind.put(kind, 0L);
      }
      try (java.util.stream.Stream<Path> threads =
          Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
        for (Path thread : threads.toList()) {
          try {
            String name = Files.readString(thread.resolve("comm")).trim();
            long millis = ticks(thread.resolve("stat")) * 1000 / CLOCK_TICKS;
            byKind.merge(threadKind(name), millis, Long::sum);
          } catch (IOException | RuntimeException ended) {
            // the thread ended meanwhile
          }
        }
      }
      long live = byKind.values().stream().mapToLong(Long::longValue).sum();
      byKind.put("threads ended", Math.max(0, cpuMillis() - live));
      return byKind;
    }

    private static String threadKind(String name) {
      // The launcher's thread and Java's main thread keep the process's name.
      if (name.equals("java")) {
        return "main";
      }
      if (name.contains("CompilerThre")) {
        return "JIT compilers";
      }
      if (name.startsWith("GC ") || name.startsWith("G1 ")) {
        return "garbage collector";
      }
      return "other threads";
    }

    long rssMb() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
          }
        }
      } catch (IOException e) {
        // gone
      }
      return -1;
    }

    /** Rows in every table of the server's database, counted by JDBC beside the server. */
    /** Rows of each table of the application's schema (the engine's and ours). */
    Map<String, Long> rowsByTable() throws Exception {
      Map<String, Long> rows = new java.util.TreeMap<>();
      try (Connection connection = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet result = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
          while (result.next()) {
            String schema = result.getString("TABLE_SCHEM");
            if (schema != null && schema.equalsIgnoreCase("public")) {
              tables.add("\"" + schema + "\".\"" + result.getString("TABLE_NAME") + "\"");
            }
          }
        }
        try (Statement statement = connection.createStatement()) {
          for (String table : tables) {
            try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
              count.next();
              rows.put(table.substring(table.lastIndexOf('.') + 1).replace("\"", "")
                  .toLowerCase(Locale.ROOT), count.getLong(1));
            }
          }
        }
      }
      return rows;
    }

    /**
     * The engine's history rows by what they record: variables by name, activities by type. Says
     * which of the history's rows a case writes more of than the bare engine does.
     */
    Map<String, Long> historyByKind() throws Exception {
      Map<String, Long> rows = new java.util.TreeMap<>();
      String[] queries = {
          "select 'act_hi_detail ' || NAME_, count(*) from ACT_HI_DETAIL group by NAME_",
          "select 'act_hi_varinst ' || NAME_, count(*) from ACT_HI_VARINST group by NAME_",
          "select 'act_hi_actinst ' || ACT_TYPE_, count(*) from ACT_HI_ACTINST group by ACT_TYPE_"};
      try (Connection connection = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
          Statement statement = connection.createStatement()) {
        for (String query : queries) {
          try (ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
              rows.put(result.getString(1), result.getLong(2));
            }
          }
        }
      }
      return rows;
    }

    void failed(String what) {
      if (failures.incrementAndGet() == 1) {
        firstFailure = what;
      }
      progress("%s: %s", name, abbreviate(what));
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** What one server did at one number of open cases. */
  private static final class Phase {
    final int openCases;
    final List<Double> singleClientRates = new ArrayList<>();
    final List<Double> multiClientRates = new ArrayList<>();
    final ConcurrentLinkedQueue<Double> completionMillis = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Double> listMillis = new ConcurrentLinkedQueue<>();
    /** Completion times by the step's place in the case: the same task on both servers. */
    final Map<Integer, ConcurrentLinkedQueue<Double>> stepMillis = new ConcurrentHashMap<>();
    long cpuMillis;
    long databaseCpuMillis;
    int cases;
    Map<String, Long> rowsBefore = Map.of();
    Map<String, Long> rowsAfter = Map.of();
    Map<String, Long> historyBefore = Map.of();
    Map<String, Long> historyAfter = Map.of();
    long rssMb;

    Phase(int openCases) {
      this.openCases = openCases;
    }

    double cpuPerCase() {
      return cases == 0 ? Double.NaN : cpuMillis / (double) cases;
    }

    double databaseCpuPerCase() {
      return cases == 0 ? Double.NaN : databaseCpuMillis / (double) cases;
    }

    double rowsPerCase() {
      return cases == 0 ? Double.NaN : rowsAdded().values().stream()
          .mapToLong(Long::longValue).sum() / (double) cases;
    }

    /** Rows each table gained over the phase. */
    Map<String, Long> rowsAdded() {
      return added(rowsBefore, rowsAfter);
    }

    /** History rows of each kind gained over the phase. */
    Map<String, Long> historyAdded() {
      return added(historyBefore, historyAfter);
    }

    private static Map<String, Long> added(Map<String, Long> before, Map<String, Long> after) {
      Map<String, Long> added = new java.util.TreeMap<>();
      after.forEach((key, n) -> added.put(key, n - before.getOrDefault(key, 0L)));
      return added;
    }
  }

  private static final long CLOCK_TICKS = clockTicks();

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      getconf.waitFor(5, TimeUnit.SECONDS);
      return Long.parseLong(out);
    } catch (Exception e) {
      return 100;
    }
  }

  // -----------------------------------------------------------------------------------------------

  @Test
  @Timeout(value = 4, unit = TimeUnit.HOURS)
  void aCaseCostsLittleMoreThanTheEnginesOwnWork(@TempDir Path home) throws Exception {
    Path out = Path.of("target", "benchmark").toAbsolutePath();
    Files.createDirectories(out);
    LocalPostgres postgres = POSTGRES ? LocalPostgres.start() : null;
    List<Server> started = new ArrayList<>();
    try {
      if (postgres != null) {
        try (Connection connection = DriverManager.getConnection(postgres.url("postgres"),
            "postgres", "");
            Statement statement = connection.createStatement()) {
          statement.execute("create database bare owner hifazat");
        }
      }
      // Hifazat first: its first case is the shape the bare engine's model is made of.
      Server hifazat = startHifazat(home, out, postgres, "hifazat");
      started.add(hifazat);
      hifazat.steps = calibrate(hifazat);
      if (STARTUP_ONLY) {
        hifazat.close();
        Startups startups = startups(home, out, postgres, hifazat.steps);
        StringBuilder report = new StringBuilder();
        startupReport(report, startups);
        System.out.println();
        System.out.println(report);
        Files.writeString(out.resolve("engine-cost-startup-" + DATABASE + ".txt"), report);
        return;
      }
      Server bare = startBare(home, out, postgres, hifazat.steps, "bare");
      started.add(bare);
      bare.steps = bareSteps(hifazat.steps);
      List<Server> servers = List.of(hifazat, bare);

      progress("warm-up: %d cases on each server", WARMUP_CASES + SINGLE_CLIENT_CASES);
      for (Server server : servers) {
        batch(server, null, 1, SINGLE_CLIENT_CASES);
        batch(server, null, CLIENTS, WARMUP_CASES);
      }
      preload(servers, FEW);
      measure(servers, "few", FEW);
      preload(servers, OPEN);
      measure(servers, "many", OPEN);
      for (Server server : servers) {
        server.close();
      }
      Startups startups = startups(home, out, postgres, hifazat.steps);

      String report = report(hifazat, bare, startups);
      System.out.println();
      System.out.println(report);
      Files.writeString(out.resolve("engine-cost-" + DATABASE + ".txt"), report);
    } finally {
      for (Server server : started) {
        server.close();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Starting the servers

  private Server startHifazat(Path home, Path out, LocalPostgres postgres, String database)
      throws Exception {
    int port = freePort();
    String url;
    String user;
    String password;
    if (postgres != null) {
      url = postgresUrl(postgres, database);
      user = "hifazat";
      password = "hifazat";
    } else {
      url = "jdbc:h2:file:" + home.resolve("hifazat").resolve("db") + H2_SETTINGS;
      user = "sa";
      password = "";
    }
    List<String> command = java(serviceClassPath());
    command.add("pk.hifazat.HifazatApplication");
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.add("--spring.datasource.url=" + url);
    command.add("--spring.datasource.username=" + user);
    command.add("--spring.datasource.password=" + password);
    return start("hifazat", command, port, url, user, password, out);
  }

  private Server startBare(Path home, Path out, LocalPostgres postgres, List<Step> steps,
      String database) throws Exception {
    Path folder = Files.createDirectories(home.resolve("bare"));
    Path model = folder.resolve("benchmark-case.bpmn");
    Bpmn.writeModelToFile(model.toFile(), bareModel(steps));
    Properties members = new Properties();
    for (Step step : steps) {
      members.putIfAbsent(step.user(), "");
    }
    members.putIfAbsent(REPORTER, "");
    for (String user : members.stringPropertyNames()) {
      members.setProperty(user, String.join(",", memberships.getOrDefault(user, List.of())));
    }
    Path identity = folder.resolve("identity.properties");
    try (Writer writer = Files.newBufferedWriter(identity)) {
      members.store(writer, "Users of a Lahore case and their groups, as in Hifazat");
    }
    int port = freePort();
    String url;
    String user;
    String password;
    if (postgres != null) {
      url = postgresUrl(postgres, database);
      user = "hifazat";
      password = "hifazat";
    } else {
      url = "jdbc:h2:file:" + folder.resolve("db") + H2_SETTINGS;
      user = "sa";
      password = "";
    }
    // Its own class first (on the test class path, the fallback, it is there already).
    List<String> command = java(Path.of("target", "test-classes").toAbsolutePath()
        + File.pathSeparator + serviceClassPath());
    // Not Hifazat's application.yaml: the bare engine has the settings below and no others.
    command.add("-Dspring.config.name=bare-engine");
    command.add("-Dbare.model=" + model);
    command.add("-Dbare.identity=" + identity);
    command.add("-Dbare.password=" + PASSWORD);
    command.add("-Dbare.starter=" + REPORTER);
    command.add("-Dbare.processKey=" + BARE_PROCESS);
    command.add("benchmark.bare.BareEngineApplication");
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    command.add("--spring.datasource.url=" + url);
    command.add("--spring.datasource.username=" + user);
    command.add("--spring.datasource.password=" + password);
    command.add("--camunda.bpm.history-level=full");
    command.add("--camunda.bpm.authorization.enabled=true");
    command.add("--camunda.bpm.database.schema-update=true");
    command.add("--camunda.bpm.auto-deployment-enabled=false");
    command.add("--camunda.bpm.admin-user.id=admin");
    command.add("--camunda.bpm.admin-user.password=" + PASSWORD);
    // The same user ids as Hifazat's (with dots), which Camunda's default pattern refuses.
    command.add("--camunda.bpm.generic-properties.properties.general-resource-whitelist-pattern="
        + "[a-zA-Z0-9._-]+|camunda-admin");
    if (BARE_PROCESS_TASKS_ONLY) {
      command.add("--camunda.bpm.generic-properties.properties.cmmn-enabled=false");
      command.add("--camunda.bpm.generic-properties.properties.standalone-tasks-enabled=false");
    }
    // On the test class path only, not in a plain Camunda application.
    command.add("--spring.autoconfigure.exclude="
        + "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration,"
        + "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration,"
        + "org.springframework.boot.autoconfigure.security.servlet"
        + ".UserDetailsServiceAutoConfiguration,"
        + "org.springframework.boot.actuate.autoconfigure.security.servlet"
        + ".ManagementWebSecurityAutoConfiguration,"
        + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration");
    return start("bare", command, port, url, user, password, out);
  }

  /**
   * Both servers connect as the production profile does (application-prod.yaml), each batch of
   * inserts sent as one statement.
   */
  private static String postgresUrl(LocalPostgres postgres, String database) {
    return postgres.url(database) + "?reWriteBatchedInserts=true";
  }

  /** Hifazat's class path in service if the benchmark profile wrote it, else the test's own. */
  private static String serviceClassPath() {
    if (!Files.exists(RUNTIME_CLASSPATH)) {
      return System.getProperty("java.class.path");
    }
    try {
      return Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
          + Files.readString(RUNTIME_CLASSPATH).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String classPathName() {
    return Files.exists(RUNTIME_CLASSPATH)
        ? "the product's runtime class path (the bare engine: and its own class)"
        : "the test class path";
  }

  private List<String> java(String classPath) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + XMX);
    for (String option : JVM_ARGS.trim().split("\\s+")) {
      if (!option.isEmpty()) {
        command.add(option);
      }
    }
    command.add("-cp");
    command.add(classPath);
    return command;
  }

  private Server start(String name, List<String> command, int port, String url, String user,
      String password, Path out) throws Exception {
    Path log = out.resolve("engine-cost-" + name + "-" + DATABASE + ".log");
    progress("starting %s on port %d (%s, -Xmx%s); log %s", name, port, url, XMX, log);
    long began = System.nanoTime();
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    // Never left running when this JVM is stopped from outside.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    Server server = new Server(name, process, port, url, user, password, log);
    try {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " stopped at start-up; see " + log);
        }
        if (System.nanoTime() - began > STARTUP_BUDGET.toNanos()) {
          throw new IllegalStateException(name + " did not answer within "
              + STARTUP_BUDGET.toSeconds() + " s; see " + log);
        }
        try {
          // The first answer that can serve a case: its process deployed and readable.
          HttpResponse<String> answer = get(server, server.rest + "/process-definition/count?key="
              + (server.bare() ? BARE_PROCESS : CASE_PROCESS), "admin");
          if (answer.statusCode() == 200 && json.readTree(answer.body()).path("count").asInt() > 0) {
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
    } catch (Exception e) {
      server.close();
      throw e;
    }
    server.startupSeconds = (System.nanoTime() - began) / 1e9;
    server.rssAfterStartMb = server.rssMb();
    server.startupCpuMillis = server.cpuMillisByThreadKind();
    progress("%s answered after %.1f s, RSS %d MB", name, server.startupSeconds,
        server.rssAfterStartMb);
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  // -----------------------------------------------------------------------------------------------
  // The case: learnt from Hifazat, replayed on both

  private final Map<String, List<String>> memberships = new TreeMap<>();

  /**
   * One girl's case driven to closure as {@code FullCaseThroughRestTest} drives a case: every
   * Lahore user reads their tasks of the case and completes them, until the case is closed. What
   * was completed, by whom, and the task's candidates become the script of every later case.
   */
  private List<Step> calibrate(Server hifazat) throws Exception {
    String caseNumber = startCase(hifazat);
    if (caseNumber == null) {
      throw new IllegalStateException("Hifazat refused the report: " + hifazat.firstFailure);
    }
    List<Step> steps = new ArrayList<>();
    // Each task goes to the first user, in the order of LAHORE_USERS, who has it in their list:
    // the case's officer and the agencies' focal points before the supervisor, who sees them all.
    for (int completions = 0; completions < 60; completions++) {
      JsonNode done = null;
      for (String user : LAHORE_USERS) {
        JsonNode tasks = json.readTree(get(hifazat, hifazat.rest
            + "/task?processInstanceBusinessKey=" + caseNumber, user).body());
        if (tasks.isEmpty()) {
          continue;
        }
        JsonNode task = tasks.get(0);
        String taskKey = task.get("taskDefinitionKey").asText();
        List<String> groups = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (JsonNode link : json.readTree(get(hifazat, hifazat.rest + "/task/"
            + task.get("id").asText() + "/identity-links", "admin").body())) {
          if (link.path("type").asText().equals("candidate")) {
            if (!link.path("groupId").isNull()) {
              groups.add(link.path("groupId").asText());
            } else if (!link.path("userId").isNull()) {
              users.add(link.path("userId").asText());
            }
          }
        }
        String assignee = task.path("assignee").isNull() ? null : task.path("assignee").asText();
        HttpResponse<String> completed = postJson(hifazat, hifazat.rest + "/task/"
            + task.get("id").asText() + "/complete", FORMS.completing(taskKey).toString(), user);
        if (completed.statusCode() != 204) {
          throw new IllegalStateException(user + " could not complete " + taskKey + ": HTTP "
              + completed.statusCode() + " " + completed.body());
        }
        steps.add(new Step(taskKey, taskKey, user, groups, users, assignee));
        done = task;
        break;
      }
      if (done == null) {
        JsonNode file = json.readTree(get(hifazat, "/api/cases/" + caseNumber, "admin").body());
        if (file.path("status").asText().equals("CLOSED")) {
          break;
        }
        throw new IllegalStateException("Nobody in Lahore has work on " + caseNumber
            + " but it is not closed: " + file);
      }
    }
    Set<String> people = new LinkedHashSet<>();
    people.add(REPORTER);
    steps.forEach(step -> people.add(step.user()));
    for (String user : people) {
      List<String> groups = new ArrayList<>();
      for (JsonNode group : json.readTree(get(hifazat, hifazat.rest + "/group?member=" + user,
          "admin").body())) {
        groups.add(group.get("id").asText());
      }
      memberships.put(user, groups);
    }
    progress("a girl's case in Lahore took %d task completions: %s", steps.size(),
        steps.stream().map(step -> step.taskKey() + " (" + step.user() + ")").toList());
    return steps;
  }

  /** The same tasks in a row, one user task for each completion, numbered. */
  private static List<Step> bareSteps(List<Step> steps) {
    List<Step> bare = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      bare.add(new Step(bareTaskKey(i, step), step.answersFor(), step.user(),
          step.candidateGroups(), step.candidateUsers(), step.assignee()));
    }
    return bare;
  }

  private static String bareTaskKey(int index, Step step) {
    return String.format(Locale.ROOT, "Step_%02d_%s", index + 1,
        step.taskKey().replaceFirst("^Task_", ""));
  }

  private static org.camunda.bpm.model.bpmn.BpmnModelInstance bareModel(List<Step> steps) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BARE_PROCESS)
        .name("A case as Hifazat runs it, in a row")
        .camundaHistoryTimeToLive(3650)
        .startEvent("Start");
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      UserTaskBuilder task = flow.userTask(bareTaskKey(i, step)).name(step.taskKey());
      if (!step.candidateGroups().isEmpty()) {
        task.camundaCandidateGroups(String.join(",", step.candidateGroups()));
      }
      if (!step.candidateUsers().isEmpty()) {
        task.camundaCandidateUsers(String.join(",", step.candidateUsers()));
      }
      if (step.assignee() != null) {
        task.camundaAssignee(step.assignee());
      }
      flow = task;
    }
    return flow.endEvent("Closed").done();
  }

  /** A girl's report in Lahore (Hifazat) or the same fields as the start's variables (bare). */
  private String startCase(Server server) throws Exception {
    Instant reportedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    if (!server.bare()) {
      HttpResponse<String> opened = postJson(server, "/api/cases",
          Reports.notInCustody("PB", "Lahore", "F", "FORCED_LABOUR", reportedAt), REPORTER);
      if (opened.statusCode() != 201) {
        server.failed("report refused: HTTP " + opened.statusCode() + " " + opened.body());
        return null;
      }
      return json.readTree(opened.body()).get("caseNumber").asText();
    }
    String caseNumber = String.format(Locale.ROOT, "PB-%d-%06d", LocalDate.now().getYear(),
        server.bareCaseNumbers.incrementAndGet());
    ObjectNode body = json.createObjectNode().put("businessKey", caseNumber);
    ObjectNode variables = body.putObject("variables");
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("caseNumber", caseNumber);
    report.put("province", "PB");
    report.put("district", "Lahore");
    report.put("reportedAt", Reports.iso(reportedAt));
    report.put("source", "POLICE");
    report.put("childSex", "F");
    report.put("childAgeYears", 12);
    report.put("childAgeDisputed", false);
    report.put("childNationality", "PK");
    report.put("offenceTypes", "FORCED_LABOUR");
    ChildAtRiskForms.typed(variables, report);
    HttpResponse<String> opened = postJson(server, server.rest + "/process-definition/key/"
        + BARE_PROCESS + "/start", body.toString(), REPORTER);
    if (opened.statusCode() != 200) {
      server.failed("start refused: HTTP " + opened.statusCode() + " " + opened.body());
      return null;
    }
    return caseNumber;
  }

  /** One case from report to closure; false if any request failed. */
  private boolean runCase(Server server, Phase phase) throws Exception {
    String caseNumber = startCase(server);
    if (caseNumber == null) {
      return false;
    }
    for (int place = 0; place < server.steps.size(); place++) {
      Step step = server.steps.get(place);
      String taskId = null;
      // A task behind an asynchronous step appears a moment later: read the list again.
      for (int attempt = 0; taskId == null && attempt < 100; attempt++) {
        if (attempt > 0) {
          Thread.sleep(20);
        }
        long began = System.nanoTime();
        HttpResponse<String> list = get(server, server.rest
            + "/task?processInstanceBusinessKey=" + caseNumber, step.user());
        double millis = (System.nanoTime() - began) / 1e6;
        if (list.statusCode() != 200) {
          server.failed("task list of " + step.user() + ": HTTP " + list.statusCode() + " "
              + list.body());
          return false;
        }
        if (phase != null) {
          phase.listMillis.add(millis);
        }
        for (JsonNode task : json.readTree(list.body())) {
          if (task.get("taskDefinitionKey").asText().equals(step.taskKey())) {
            taskId = task.get("id").asText();
            break;
          }
        }
      }
      if (taskId == null) {
        server.failed(caseNumber + ": " + step.user() + " never saw " + step.taskKey());
        return false;
      }
      long began = System.nanoTime();
      HttpResponse<String> done = postJson(server, server.rest + "/task/" + taskId + "/complete",
          FORMS.completing(step.answersFor()).toString(), step.user());
      double millis = (System.nanoTime() - began) / 1e6;
      if (done.statusCode() != 204) {
        server.failed(caseNumber + ": " + step.user() + " completing " + step.taskKey()
            + ": HTTP " + done.statusCode() + " " + done.body());
        return false;
      }
      if (phase != null) {
        phase.completionMillis.add(millis);
        phase.stepMillis.computeIfAbsent(place, any -> new ConcurrentLinkedQueue<>()).add(millis);
      }
    }
    return true;
  }

  /** What each form asks for: a girl at risk, referred for care and for medical and psychological help. */
  private static final ChildAtRiskForms FORMS = new ChildAtRiskForms(
      "Interviewed at home with a female counsellor present",
      "Working as a domestic servant to pay a family debt", true);

  // -----------------------------------------------------------------------------------------------
  // Load and measurement

  /** Opens cases on both servers, at once, until each has {@code target} open (not worked). */
  private void preload(List<Server> servers, int target) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PRELOAD_THREADS * servers.size(),
        daemon("benchmark-preload"));
    long began = System.nanoTime();
    try {
      List<Future<?>> work = new ArrayList<>();
      Map<Server, AtomicInteger> opened = new LinkedHashMap<>();
      for (Server server : servers) {
        AtomicInteger count = new AtomicInteger(openCases(server));
        opened.put(server, count);
        progress("preload: %s has %d open cases; opening %d more", server.name, count.get(),
            Math.max(0, target - count.get()));
        for (int thread = 0; thread < PRELOAD_THREADS; thread++) {
          work.add(pool.submit(() -> {
            while (count.getAndIncrement() < target
                && System.nanoTime() - began < PRELOAD_BUDGET.toNanos()) {
              if (startCase(server) == null) {
                count.decrementAndGet();
                if (server.failures.get() > 20) {
                  return null;
                }
              }
            }
            return null;
          }));
        }
      }
      Thread reporter = new Thread(() -> {
        try {
          while (true) {
            Thread.sleep(30_000);
            StringBuilder line = new StringBuilder();
            opened.forEach((server, count) -> line.append(server.name).append(' ')
                .append(Math.min(count.get(), target)).append("  "));
            progress("preload: %s", line);
          }
        } catch (InterruptedException done) {
          // preload over
        }
      });
      reporter.setDaemon(true);
      reporter.start();
      for (Future<?> future : work) {
        future.get();
      }
      reporter.interrupt();
      for (Server server : servers) {
        progress("preload: %s has %d open cases after %d s", server.name, openCases(server),
            Duration.ofNanos(System.nanoTime() - began).toSeconds());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private int openCases(Server server) throws Exception {
    String path = server.bare()
        ? server.rest + "/process-instance/count?processDefinitionKey=" + BARE_PROCESS
        : server.rest + "/process-instance/count?processDefinitionKey=" + CASE_PROCESS;
    HttpResponse<String> count = get(server, path, "admin");
    return json.readTree(count.body()).get("count").asInt();
  }

  /** Rounds of batches, the servers alternating batch by batch, first one then the other. */
  private void measure(List<Server> servers, String name, int openCases) throws Exception {
    for (Server server : servers) {
      Phase phase = new Phase(openCases(server));
      server.phases.put(name, phase);
      phase.rowsBefore = server.rowsByTable();
      phase.historyBefore = server.historyByKind();
    }
    progress("measuring at %s open cases: %d rounds of %d case(s) with 1 client and %d with %d",
        name, ROUNDS, SINGLE_CLIENT_CASES, MULTI_CLIENT_CASES, CLIENTS);
    long began = System.nanoTime();
    for (int round = 0; round < ROUNDS; round++) {
      List<Server> order = new ArrayList<>(servers);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      for (int clients : new int[] {1, CLIENTS}) {
        for (Server server : order) {
          Phase phase = server.phases.get(name);
          int cases = clients == 1 ? SINGLE_CLIENT_CASES : MULTI_CLIENT_CASES;
          double rate = batch(server, phase, clients, cases);
          (clients == 1 ? phase.singleClientRates : phase.multiClientRates).add(rate);
        }
      }
      StringBuilder line = new StringBuilder();
      for (Server server : servers) {
        Phase phase = server.phases.get(name);
        line.append(String.format(Locale.ROOT, "  %s %.2f / %.2f cases/s", server.name,
            last(phase.singleClientRates), last(phase.multiClientRates)));
      }
      progress("round %d at %s open (1 / %d clients):%s", round + 1, name, CLIENTS, line);
      if (System.nanoTime() - began > PHASE_BUDGET.toNanos()) {
        progress("time budget of %d min spent after %d rounds", PHASE_BUDGET.toMinutes(),
            round + 1);
        break;
      }
    }
    for (Server server : servers) {
      Phase phase = server.phases.get(name);
      phase.rowsAfter = server.rowsByTable();
      phase.historyAfter = server.historyByKind();
      phase.rssMb = server.rssMb();
    }
  }

  /** User plus system CPU ticks of a process or thread, from its {@code /proc} stat file. */
  private static long ticks(Path stat) throws IOException {
    String line = Files.readString(stat);
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
    // fields[0] is the state (field 3); utime and stime are fields 14 and 15
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** CPU the database's processes took between two readings, in milliseconds. */
  private static long databaseCpuMillis(Map<Long, Long> before, Map<Long, Long> after) {
    long ticks = 0;
    for (Map.Entry<Long, Long> process : after.entrySet()) {
      ticks += process.getValue() - before.getOrDefault(process.getKey(), 0L);
    }
    return ticks * 1000 / CLOCK_TICKS;
  }

  /** {@code cases} full cases over {@code clients} clients; answers cases closed per second. */
  private double batch(Server server, Phase phase, int clients, int cases) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients, daemon("benchmark-client"));
    AtomicInteger left = new AtomicInteger(cases);
    AtomicInteger closed = new AtomicInteger();
    long cpuBefore = server.cpuMillis();
    Map<Long, Long> databaseBefore = server.databaseTicks();
    long began = System.nanoTime();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        work.add(pool.submit(() -> {
          while (left.getAndDecrement() > 0) {
            if (runCase(server, phase)) {
              closed.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> future : work) {
        future.get(PHASE_BUDGET.toMinutes() + 5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    if (phase != null) {
      phase.cpuMillis += server.cpuMillis() - cpuBefore;
      phase.databaseCpuMillis += databaseCpuMillis(databaseBefore, server.databaseTicks());
      phase.cases += closed.get();
    }
    return closed.get() / seconds;
  }

  // -----------------------------------------------------------------------------------------------
  // Start-up

  /** Seconds to the first answer and RSS then, one entry per start, the servers alternating. */
  private record Startups(List<Double> hifazatSeconds, List<Double> bareSeconds,
      List<Double> hifazatRssMb, List<Double> bareRssMb,
      List<Map<String, Long>> hifazatCpu, List<Map<String, Long>> bareCpu,
      List<Double> hifazatRestartSeconds, List<Double> bareRestartSeconds) {}

  /**
   * Starts each server on a fresh database {@code benchmark.startupRounds} times, then again on
   * the database it made, alternating and never two at once, so neither starts beside a busy
   * server or on a cache the other warmed.
   */
  private Startups startups(Path home, Path out, LocalPostgres postgres, List<Step> steps)
      throws Exception {
    Startups startups = new Startups(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    for (int round = 1; round <= STARTUP_ROUNDS; round++) {
      for (boolean bare : List.of(false, true)) {
        String database = (bare ? "bare" : "hifazat") + "_start_" + round;
        if (postgres != null) {
          try (Connection connection = DriverManager.getConnection(postgres.url("postgres"),
              "postgres", "");
              Statement statement = connection.createStatement()) {
            statement.execute("create database " + database + " owner hifazat");
          }
        }
        Path folder = Files.createDirectories(home.resolve(database));
        try (Server server = bare ? startBare(folder, out, postgres, steps, database)
            : startHifazat(folder, out, postgres, database)) {
          (bare ? startups.bareSeconds() : startups.hifazatSeconds()).add(server.startupSeconds);
          (bare ? startups.bareRssMb() : startups.hifazatRssMb())
              .add((double) server.rssAfterStartMb);
          (bare ? startups.bareCpu() : startups.hifazatCpu()).add(server.startupCpuMillis);
          keepLog(server, out, database);
        }
        // Started again on the database it made: a restart, as a service is started most days.
        try (Server server = bare ? startBare(folder, out, postgres, steps, database)
            : startHifazat(folder, out, postgres, database)) {
          (bare ? startups.bareRestartSeconds() : startups.hifazatRestartSeconds())
              .add(server.startupSeconds);
          keepLog(server, out, database + "_again");
        }
      }
    }
    return startups;
  }

  /**
   * Each start's log, up to its first answer, kept under its database's name in
   * {@code startups/}: the next start writes the server's log anew.
   */
  private static void keepLog(Server server, Path out, String database) throws IOException {
    Path startupLogs = Files.createDirectories(out.resolve("startups"));
    Files.copy(server.log, startupLogs.resolve(database + "-" + DATABASE + ".log"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private void startupRows(StringBuilder report, Startups startups) {
    row(report, "start-up to first answer, fresh database (s)",
        median(startups.bareSeconds()), median(startups.hifazatSeconds()), "%.1f");
    row(report, "RSS after start-up (MB)", median(startups.bareRssMb()),
        median(startups.hifazatRssMb()), "%.0f");
    line(report, "%-46s %s vs %s", "  each start, alternating (s)",
        seconds(startups.bareSeconds()), seconds(startups.hifazatSeconds()));
    row(report, "start-up to first answer, its database again (s)",
        median(startups.bareRestartSeconds()), median(startups.hifazatRestartSeconds()), "%.1f");
    line(report, "%-46s %s vs %s", "  each restart (s)",
        seconds(startups.bareRestartSeconds()), seconds(startups.hifazatRestartSeconds()));
    // On two cores the JIT compilers and background threads take the CPU the main thread waits for.
    for (String kind : THREAD_KINDS) {
      row(report, "  CPU to the first answer, " + kind + " (s)",
          medianCpuSeconds(startups.bareCpu(), kind),
          medianCpuSeconds(startups.hifazatCpu(), kind), "%.1f");
    }
  }

  private static double medianCpuSeconds(List<Map<String, Long>> starts, String kind) {
    return median(starts.stream()
        .map(start -> start.getOrDefault(kind, 0L) / 1000.0).toList());
  }

  private void startupTarget(StringBuilder report, Startups startups) {
    double startup = median(startups.hifazatSeconds()) / median(startups.bareSeconds());
    target(report, String.format(Locale.ROOT,
        "start-up within %.1fx of the bare engine's, fresh database (medians of %d): %.2fx",
        TARGET_STARTUP_RATIO, startups.hifazatSeconds().size(), startup),
        startup <= TARGET_STARTUP_RATIO);
    double restart =
        median(startups.hifazatRestartSeconds()) / median(startups.bareRestartSeconds());
    target(report, String.format(Locale.ROOT,
        "start-up within %.1fx of the bare engine's, its database again (medians of %d): %.2fx",
        TARGET_STARTUP_RATIO, startups.hifazatRestartSeconds().size(), restart),
        restart <= TARGET_STARTUP_RATIO);
  }

  private void startupReport(StringBuilder report, Startups startups) {
    line(report, "Engine cost benchmark, start-up only, %s, %s, %d cores, Java %s, load average %s",
        LocalDate.now(), databaseName(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        MachineFigures.loadAverage());
    line(report, "Both servers -Xmx%s, on 127.0.0.1, on %s", XMX, classPathName());
    line(report, "");
    line(report, "%-46s %12s %12s %8s", "figure", "bare engine", "Hifazat", "H/bare");
    startupRows(report, startups);
    line(report, "");
    startupTarget(report, startups);
  }

  private static String databaseName() {
    return POSTGRES ? "PostgreSQL (local server)" : "H2 file database (" + H2_SETTINGS.substring(1)
        + ")";
  }

  private static String seconds(List<Double> values) {
    return values.stream().map(value -> String.format(Locale.ROOT, "%.1f", value))
        .collect(java.util.stream.Collectors.joining(" "));
  }

  // -----------------------------------------------------------------------------------------------
  // Report

  private String report(Server hifazat, Server bare, Startups startups) throws Exception {
    StringBuilder report = new StringBuilder();
    line(report, "Engine cost benchmark, %s, %s, %d cores, Java %s, load average %s",
        LocalDate.now(), databaseName(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        MachineFigures.loadAverage());
    line(report, "Both servers -Xmx%s, on 127.0.0.1, on %s; one case = a report and %d task"
        + " completions (each after the officer's task-list read); %d rounds, per round %d case(s)"
        + " with 1 client and %d with %d clients, the servers alternating batch by batch", XMX,
        classPathName(), hifazat.steps.size(), ROUNDS, SINGLE_CLIENT_CASES, MULTI_CLIENT_CASES, CLIENTS);
    line(report, "The bare engine with %s", BARE_PROCESS_TASKS_ONLY
        ? "CMMN and standalone tasks off, as Hifazat (-Dbenchmark.bareProcessTasksOnly)"
        : "Camunda's defaults: CMMN and standalone tasks on (Hifazat has both off)");
    line(report, "");
    line(report, "%-46s %12s %12s %8s", "figure", "bare engine", "Hifazat", "H/bare");
    startupRows(report, startups);
    for (String name : hifazat.phases.keySet()) {
      Phase h = hifazat.phases.get(name);
      Phase b = bare.phases.get(name);
      String open = String.format(Locale.ROOT, "[%d / %d open] ", b.openCases, h.openCases);
      row(report, open + "cases/s, 1 client (median)", median(b.singleClientRates),
          median(h.singleClientRates), "%.2f");
      row(report, open + "cases/s, " + CLIENTS + " clients (median)",
          median(b.multiClientRates), median(h.multiClientRates), "%.2f");
      row(report, open + "task completion p50 (ms)", percentile(b.completionMillis, 0.5),
          percentile(h.completionMillis, 0.5), "%.1f");
      row(report, open + "task completion p95 (ms)", percentile(b.completionMillis, 0.95),
          percentile(h.completionMillis, 0.95), "%.1f");
      row(report, open + "task list p50 (ms)", percentile(b.listMillis, 0.5),
          percentile(h.listMillis, 0.5), "%.1f");
      row(report, open + "task list p95 (ms)", percentile(b.listMillis, 0.95),
          percentile(h.listMillis, 0.95), "%.1f");
      row(report, open + "server CPU per case (ms)", b.cpuPerCase(), h.cpuPerCase(), "%.0f");
      if (POSTGRES) {
        row(report, open + "database CPU per case (ms)", b.databaseCpuPerCase(),
            h.databaseCpuPerCase(), "%.0f");
        row(report, open + "total CPU per case (ms)",
            b.cpuPerCase() + b.databaseCpuPerCase(), h.cpuPerCase() + h.databaseCpuPerCase(),
            "%.0f");
      }
      row(report, open + "rows added per closed case", b.rowsPerCase(), h.rowsPerCase(), "%.0f");
      row(report, open + "RSS after the cases (MB)", b.rssMb, h.rssMb, "%.0f");
      line(report, "%-46s %12d %12d", open + "cases closed", b.cases, h.cases);
      // Where the rows go: the tables that grew most per closed case, in each server.
      for (Phase phase : List.of(b, h)) {
        StringBuilder top = new StringBuilder();
        phase.rowsAdded().entrySet().stream()
            .filter(entry -> entry.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(14)
            .forEach(entry -> top.append(String.format(Locale.ROOT, " %s %.0f,", entry.getKey(),
                entry.getValue() / (double) Math.max(1, phase.cases))));
        line(report, "%s%s rows per case:%s", open, phase == b ? "bare engine" : "Hifazat",
            top.length() == 0 ? " none" : top.substring(0, top.length() - 1));
      }
      line(report, "%scompletion p50 by step (ms), bare engine vs Hifazat:", open);
      for (int place = 0; place < hifazat.steps.size(); place++) {
        line(report, "    %2d %-34s %8.1f %8.1f", place + 1, hifazat.steps.get(place).taskKey(),
            percentile(b.stepMillis.getOrDefault(place, new ConcurrentLinkedQueue<>()), 0.5),
            percentile(h.stepMillis.getOrDefault(place, new ConcurrentLinkedQueue<>()), 0.5));
      }
      for (Phase phase : List.of(b, h)) {
        line(report, "%s%s history rows per case, by variable and by activity type:", open,
            phase == b ? "bare engine" : "Hifazat");
        phase.historyAdded().entrySet().stream()
            .filter(entry -> entry.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .forEach(entry -> line(report, "    %-60s %6.1f", entry.getKey(),
                entry.getValue() / (double) Math.max(1, phase.cases)));
      }
    }
    line(report, "");
    line(report, "Speed targets (information only: they never fail the build)");
    Phase hFew = hifazat.phases.get("few");
    Phase bFew = bare.phases.get("few");
    Phase hMany = hifazat.phases.get("many");
    Phase bMany = bare.phases.get("many");
    double few = median(hFew.singleClientRates) / median(bFew.singleClientRates);
    double many = median(hMany.singleClientRates) / median(bMany.singleClientRates);
    double fewMulti = median(hFew.multiClientRates) / median(bFew.multiClientRates);
    double manyMulti = median(hMany.multiClientRates) / median(bMany.multiClientRates);
    target(report, String.format(Locale.ROOT, "cases/s ratio, 1 client, %d open, >= %.1f: %.2f",
        hFew.openCases, TARGET_FEW_RATIO, few), measured(few) && few >= TARGET_FEW_RATIO);
    if (hMany.openCases > hFew.openCases) {
      target(report, String.format(Locale.ROOT,
          "cases/s ratio, 1 client, %d open, within 10%% of the ratio at %d open: %.2f vs %.2f",
          hMany.openCases, hFew.openCases, many, few),
          measured(many, few) && many >= TARGET_MANY_SHARE * few);
      target(report, String.format(Locale.ROOT,
          "cases/s ratio, %d clients, %d open, within 10%% of the ratio at %d open: %.2f vs %.2f",
          CLIENTS, hMany.openCases, hFew.openCases, manyMulti, fewMulti),
          measured(manyMulti, fewMulti) && manyMulti >= TARGET_MANY_SHARE * fewMulti);
    } else {
      // Both phases at the same open cases: the second is the same measure again, one run's
      // spread, not the growth with the open cases.
      line(report, "  --    growth with the open cases not measured (both phases at %d open);"
          + " measured again: %.2f with 1 client, %.2f with %d", hMany.openCases, many,
          manyMulti, CLIENTS);
    }
    startupTarget(report, startups);
    target(report, String.format(Locale.ROOT, "Hifazat RSS under %d MB at %d open (-Xmx%s): %d MB",
        TARGET_RSS_MB, hMany.openCases, XMX, hMany.rssMb), hMany.rssMb < TARGET_RSS_MB);
    line(report, "");
    line(report, "The case, as Hifazat's first case of the run had it (the bare engine's model has one"
        + " user task for each completion, in this order, with the same candidates):");
    for (int i = 0; i < hifazat.steps.size(); i++) {
      Step step = hifazat.steps.get(i);
      line(report, "  %2d %-34s by %-27s candidate groups %s%s", i + 1, step.taskKey(),
          step.user(), step.candidateGroups(), step.candidateUsers().isEmpty() ? ""
              : ", users " + step.candidateUsers());
    }
    for (Server server : List.of(bare, hifazat)) {
      if (server.failures.get() > 0) {
        line(report, "%s: %d failed request(s), the first: %s", server.name,
            server.failures.get(), abbreviate(server.firstFailure));
      }
    }
    line(report, "Total run time %d s", Duration.ofNanos(System.nanoTime() - runStarted)
        .toSeconds());
    return report.toString();
  }

  private static void row(StringBuilder report, String label, double bare, double hifazat,
      String format) {
    line(report, "%-46s %12s %12s %7.2fx", label, String.format(Locale.ROOT, format, bare),
        String.format(Locale.ROOT, format, hifazat), hifazat / bare);
  }

  private static void target(StringBuilder report, String what, boolean met) {
    line(report, "  %s  %s", met ? "PASS" : "FAIL", what);
  }

  private static boolean measured(double... values) {
    for (double value : values) {
      if (!Double.isFinite(value) || value <= 0) {
        return false;
      }
    }
    return true;
  }

  private static double median(List<Double> values) {
    return percentile(values, 0.5);
  }

  private static double percentile(java.util.Collection<Double> values, double p) {
    return MachineFigures.nearestRank(values, p);
  }

  private static double last(List<Double> values) {
    return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
  }

  // -----------------------------------------------------------------------------------------------
  // HTTP

  private HttpResponse<String> get(Server server, String path, String user) throws Exception {
    return http.send(request(server, path, user).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(Server server, String path, String body, String user)
      throws Exception {
    return http.send(request(server, path, user)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(Server server, String path, String user) {
    String credentials = Base64.getEncoder()
        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
        .header("Authorization", "Basic " + credentials)
        .header("Accept", "application/json")
        .timeout(REQUEST_TIMEOUT);
  }

  // -----------------------------------------------------------------------------------------------

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger number = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private void progress(String format, Object... arguments) {
    System.out.printf(Locale.ROOT, "[engine-cost %5d s] %s%n",
        Duration.ofNanos(System.nanoTime() - runStarted).toSeconds(),
        String.format(Locale.ROOT, format, arguments));
  }

  private static void line(StringBuilder report, String format, Object... arguments) {
    report.append(String.format(Locale.ROOT, format, arguments)).append('\n');
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
