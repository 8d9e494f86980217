package pk.hifazat.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;
import pk.hifazat.LocalPostgres;
import pk.hifazat.RunningApplication;

/**
 * The OPSC annex at national scale: 200,000 cases over ten years in the seven zones with their
 * clocks, justice and compensation events, referrals and the engine's history of decided
 * values; the annex for three years of one province and of the country over HTTP, p50 and p95,
 * next to the same figures of its first table computed naively, case by case, as a ratio in one
 * run. Not part of {@code mvn verify}:
 * {@code mvn -B -Pbenchmark test -Dtest=StatisticsAnnexBenchmark} ({@code -Dbenchmark.db=postgres}
 * for a throwaway local PostgreSQL server). The report is also written to
 * {@code target/benchmark/statistics-annex-<db>.txt}.
 */
@Tag("benchmark")
class StatisticsAnnexBenchmark {

  private static final boolean POSTGRES = "postgres".equals(System.getProperty("benchmark.db"));
  private static final int CASES = Integer.getInteger("benchmark.cases", 200_000);
  private static final int WARM_UP = 3;
  private static final int ROUNDS = 10;
  private static final String[] ZONES = {"PB", "SD", "KP", "BA", "ICT", "GB", "AJK"};
  private static final double[] ZONE_WEIGHTS = {0.5, 0.22, 0.14, 0.06, 0.03, 0.025, 0.025};
  private static final String[] OFFENCES = {"SALE_OF_CHILD", "TRAFFICKING",
      "EXPLOITATION_IN_PROSTITUTION", "CSAM", "ONLINE_SEXUAL_EXPLOITATION", "CHILD_MARRIAGE",
      "FORCED_LABOUR", "SEXUAL_ABUSE"};
  private static final int FIRST_YEAR = 2016;
  /** H2 only: keep the database in this folder and load it only once (for tuning queries). */
  private static final String DATA_DIR = System.getProperty("benchmark.dataDir", "");

  @Test
  @Timeout(value = 40, unit = TimeUnit.MINUTES)
  void annexForThreeYearsAnswersWithinTwoSecondsAtNationalScale(@TempDir Path home)
      throws Exception {
    LocalPostgres server = POSTGRES ? LocalPostgres.start() : null;
    List<String> arguments = new ArrayList<>();
    if (POSTGRES) {
      arguments.add("--spring.datasource.url=" + server.url() + "?reWriteBatchedInserts=true");
      arguments.add("--spring.datasource.username=hifazat");
      arguments.add("--spring.datasource.password=hifazat");
    } else {
      // A live system's tables change between requests: H2's cache of repeated queries' results
      // would flatter every round after the first, so it is off.
      Path folder = DATA_DIR.isBlank() ? home : Path.of(DATA_DIR).toAbsolutePath();
      arguments.add("--spring.datasource.url=jdbc:h2:file:" + folder.resolve("hifazat")
          + ";AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=0");
    }
    arguments.add("--hifazat.sla.sweep-interval=PT24H");
    // -Dbenchmark.readers=N: how many sources the annex reads at once (the setting's default
    // otherwise).
    if (System.getProperty("benchmark.readers") != null) {
      arguments.add("--hifazat.statistics.source-readers="
          + Integer.getInteger("benchmark.readers"));
    }
    arguments.add("--logging.level.pk.hifazat.statistics.Annex=DEBUG");
    arguments.add("--logging.level.pk.hifazat.statistics.FactBatch=DEBUG");
    StringBuilder report = new StringBuilder();
    try (RunningApplication app = RunningApplication.start(arguments.toArray(String[]::new))) {
      DataSource dataSource = app.bean(DataSource.class);
      long loadStarted = System.nanoTime();
      long rows = loaded(dataSource) ? 0 : load(dataSource);
      // The history was written behind the engine's back: the statistics' copy of the decided
      // values is filled from it as at a first start, and that time is reported too.
      long fillStarted = System.nanoTime();
      int filled = app.bean(PathwayFacts.class).refillAll();
      Duration fill = Duration.ofNanos(System.nanoTime() - fillStarted);
      if (POSTGRES) {
        try (Connection connection = dataSource.getConnection()) {
          connection.createStatement().execute("analyze");
        }
      }
      line(report, "Statistics annex benchmark on %s, %d cores (load average %.1f), %d sources"
              + " read at once: %,d cases over ten years, %,d rows loaded in %d s",
          POSTGRES ? "PostgreSQL" : "H2 file database",
          Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean()
              .getSystemLoadAverage(),
          app.bean(StatisticsSettings.class).sourceReaders(), CASES, rows,
          Duration.ofNanos(System.nanoTime() - loadStarted).toSeconds());
      line(report, "%,d facts of the pathways copied from the engine's history in %d ms",
          filled, fill.toMillis());
      int port = Integer.parseInt(app.bean(Environment.class).getProperty("local.server.port"));
      int from = FIRST_YEAR + 7;
      List<String> failures = new ArrayList<>();
      for (String[] probe : new String[][] {
          {"manager.punjab", "/api/statistics/annex?from=" + from, "PB"},
          {"admin", "/api/statistics/annex?from=" + from, null}}) {
        List<Double> millis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        JsonNode answer = null;
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
          long cpuStarted = processCpuNanos();
          long started = System.nanoTime();
          String body = get(port, probe[0], probe[1]);
          double took = (System.nanoTime() - started) / 1e6;
          if (i >= WARM_UP) {
            millis.add(took);
            cpuMillis.add((processCpuNanos() - cpuStarted) / 1e6);
          }
          answer = new ObjectMapper().readTree(body);
        }
        millis.sort(Double::compare);
        double p50 = millis.get((int) Math.ceil(0.5 * millis.size()) - 1);
        double p95 = millis.get((int) Math.ceil(0.95 * millis.size()) - 1);
        // The annex's first table alone through the API, to set beside the naive one.
        String firstTable = "/api/statistics/tables/reported-cases?rows=offence_type&columns=sex"
            + "&from=" + from + "-01-01&to=" + (from + 2) + "-12-31&offences=SALE_OF_CHILD,"
            + "EXPLOITATION_IN_PROSTITUTION,ORGAN_TRANSFER,FORCED_LABOUR,CSAM,"
            + "ONLINE_SEXUAL_EXPLOITATION,CHILD_MARRIAGE,SEXUAL_EXPLOITATION_TRAVEL_TOURISM,"
            + "SEXUAL_ABUSE";
        List<Double> tableMillis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
          long started = System.nanoTime();
          get(port, probe[0], firstTable);
          if (i >= WARM_UP) {
            tableMillis.add((System.nanoTime() - started) / 1e6);
          }
        }
        tableMillis.sort(Double::compare);
        double tableP50 = tableMillis.get((int) Math.ceil(0.5 * tableMillis.size()) - 1);
        long started = System.nanoTime();
        long[] naive = naive(dataSource, probe[2], from);
        double naiveMillis = (System.nanoTime() - started) / 1e6;
        // The same annex, each table from a query of its own (as before the facts were read
        // together): the figures must be equal, and the time is set beside.
        Scope annexScope = new Scope(LocalDate.of(from, 1, 1), LocalDate.of(from + 2, 12, 31),
            probe[2], null, Scope.Period.YEAR, List.of());
        Annex annexer = app.bean(Annex.class);
        long byTableStarted = System.nanoTime();
        Annex.Report byTable = annexer.reportTableByTable(annexScope, "check");
        double byTableMillis = (System.nanoTime() - byTableStarted) / 1e6;
        if (!byTable.equals(annexer.report(annexScope, "check"))) {
          failures.add(probe[1] + ": the annex read at once differs from table by table");
        }
        JsonNode first = answer.get("sections").get(0).get("tables").get(0);
        long apiTotal = first.get("total").get("value").asLong();
        cpuMillis.sort(Double::compare);
        line(report, "GET %-40s as %-15s p50 %7.0f ms  p95 %7.0f ms  max %7.0f ms"
                + "  (CPU of the whole server per annex: p50 %.0f ms)",
            probe[1] + (probe[2] == null ? "" : " (" + probe[2] + ")"), probe[0], p50, p95,
            millis.get(millis.size() - 1), cpuMillis.get((cpuMillis.size() - 1) / 2));
        line(report, "    its first table alone: API p50 %6.0f ms, naive case by case %8.0f ms"
                + " (ratio %.1fx); %,d cases both ways", tableP50, naiveMillis,
            naiveMillis / tableP50, naive[0]);
        line(report, "    the annex table by table (one query each): %8.0f ms (ratio %.1fx to p50)",
            byTableMillis, byTableMillis / p50);
        line(report, "    naive case by case vs the whole annex: ratio %.1fx to p50",
            naiveMillis / p50);
        if (apiTotal != naive[0]) {
          failures.add(probe[1] + ": total " + apiTotal + " differs from naive " + naive[0]);
        }
        if (p95 >= 2000) {
          failures.add(String.format(Locale.ROOT, "%s p95 %.0f ms (target < 2000 ms)",
              probe[1], p95));
        }
      }
      // Each indicator alone, by sex, for the country: where the annex's time goes.
      JsonNode dictionary = new ObjectMapper().readTree(get(port, "admin",
          "/api/statistics/indicators"));
      for (JsonNode indicator : dictionary.get("indicators")) {
        String path = "/api/statistics/tables/" + indicator.get("id").asText() + "?rows=sex&from="
            + from + "-01-01&to=" + (from + 2) + "-12-31";
        get(port, "admin", path);
        long started = System.nanoTime();
        get(port, "admin", path);
        line(report, "    %-32s %6.0f ms", indicator.get("id").asText(),
            (System.nanoTime() - started) / 1e6);
      }
      System.out.println(report);
      Path out = Path.of("target", "benchmark",
          "statistics-annex-" + (POSTGRES ? "postgres" : "h2") + ".txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      assertThat(failures).isEmpty();
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /**
   * Paragraph 2(a)'s first table the naive way: every case of the scope read, then its facts
   * asked one query per case, counted in Java. Returns the cases counted.
   */
  private static long[] naive(DataSource dataSource, String province, int from) throws Exception {
    Instant start = LocalDate.of(from, 1, 1).atStartOfDay(Scope.PAKISTAN).toInstant();
    Instant end = LocalDate.of(from + 3, 1, 1).atStartOfDay(Scope.PAKISTAN).toInstant();
    Set<String> sale = Set.of("SALE_OF_CHILD", "EXPLOITATION_IN_PROSTITUTION", "ORGAN_TRANSFER",
        "FORCED_LABOUR", "CSAM", "ONLINE_SEXUAL_EXPLOITATION", "CHILD_MARRIAGE",
        "SEXUAL_EXPLOITATION_TRAVEL_TOURISM", "SEXUAL_ABUSE");
    long counted = 0;
    long investigated = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement all = connection.prepareStatement(province == null
            ? "select case_number from case_file"
            : "select case_number from case_file where province = ?");
        PreparedStatement one = connection.prepareStatement(
            "select reported_at, offence_types, child_sex from case_file where case_number = ?");
        PreparedStatement events = connection.prepareStatement(
            "select event from justice_event where case_number = ?")) {
      if (province != null) {
        all.setString(1, province);
      }
      List<String> numbers = new ArrayList<>();
      try (ResultSet rs = all.executeQuery()) {
        while (rs.next()) {
          numbers.add(rs.getString(1));
        }
      }
      for (String number : numbers) {
        one.setString(1, number);
        try (ResultSet rs = one.executeQuery()) {
          rs.next();
          Instant reported = rs.getObject(1, OffsetDateTime.class).toInstant();
          boolean inScope = !reported.isBefore(start) && reported.isBefore(end)
              && List.of(rs.getString(2).split(",")).stream().anyMatch(sale::contains);
          if (!inScope) {
            continue;
          }
        }
        counted++;
        events.setString(1, number);
        try (ResultSet rs = events.executeQuery()) {
          while (rs.next()) {
            if ("INVESTIGATION".equals(rs.getString(1))) {
              investigated++;
              break;
            }
          }
        }
      }
    }
    return new long[] {counted, investigated};
  }

  /** The cases and their facts, written in batches; returns the rows written. */
  /**
   * The CPU time of this process (the server runs in it): a figure the other builds on a shared
   * machine disturb much less than the time on the wall.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Whether a kept database ({@code benchmark.dataDir}) holds the cases already. */
  private static boolean loaded(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection();
        var result = connection.createStatement().executeQuery("select count(*) from case_file")) {
      result.next();
      return result.getLong(1) >= CASES;
    }
  }

  private static long load(DataSource dataSource) throws Exception {
    Random random = new Random(15);
    long rows = 0;
    long tenYears = Duration.ofDays(3652).toMillis();
    long first = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(Scope.PAKISTAN).toInstant()
        .toEpochMilli();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      PreparedStatement cases = connection.prepareStatement("insert into case_file (case_number,"
          + " process_instance_id, province, district, reported_at, source, child_sex,"
          + " child_age_years, age_estimated, age_disputed, nationality, religion, ethnicity,"
          + " socioeconomic_status, residence, offence_types, custody_taken_at, stage,"
          + " stage_entered_at, registered_at, registered_by) values (?, ?, ?, ?, ?, 'POLICE', ?,"
          + " ?, false, ?, ?, ?, ?, null, ?, ?, ?, 'CLOSED', ?, ?, 'benchmark')");
      PreparedStatement clocks = connection.prepareStatement("insert into sla_clock (id,"
          + " case_number, process_instance_id, process_definition_key, element_id, rule_id,"
          + " kind, province, district, started_at, due_at, status, stopped_at, stop_reason)"
          + " values (?, ?, ?, 'courtProduction', 'SubProcess_Production', ?, 'STATUTORY', ?,"
          + " ?, ?, ?, ?, ?, 'COMPLETED')");
      PreparedStatement justice = connection.prepareStatement("insert into justice_event (id,"
          + " case_number, process_instance_id, province, district, event, outcome, agency,"
          + " occurred_at, recorded_at) values (?, ?, ?, ?, ?, ?, ?, 'POLICE', ?, ?)");
      PreparedStatement compensation = connection.prepareStatement("insert into"
          + " compensation_event (id, case_number, process_instance_id, province, district,"
          + " event, outcome, scheme, amount, occurred_at, recorded_at)"
          + " values (?, ?, ?, ?, ?, ?, ?, 'CRPC_545', ?, ?, ?)");
      PreparedStatement referrals = connection.prepareStatement("insert into referral (id,"
          + " case_number, process_instance_id, agency, province, district, status, sent_at,"
          + " delivered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      PreparedStatement variables = connection.prepareStatement("insert into act_hi_varinst"
          + " (id_, proc_def_key_, root_proc_inst_id_, proc_inst_id_, name_, var_type_,"
          + " create_time_, rev_, text_) values (?, ?, ?, ?, ?, 'string', ?, 1, ?)");
      int[] counters = new int[ZONES.length];
      for (int n = 0; n < CASES; n++) {
        int zone = pick(random, ZONE_WEIGHTS);
        String province = ZONES[zone];
        String number = province + "-B-" + (++counters[zone]);
        String instance = "bench-" + n;
        String district = province + "-district-" + random.nextInt(12);
        long reported = first + (long) (random.nextDouble() * tenYears);
        boolean custody = random.nextDouble() < 0.3;
        String offences = OFFENCES[random.nextInt(OFFENCES.length)]
            + (random.nextDouble() < 0.2 ? "," + OFFENCES[random.nextInt(OFFENCES.length)] : "");
        cases.setString(1, number);
        cases.setString(2, instance);
        cases.setString(3, province);
        cases.setString(4, district);
        cases.setObject(5, tz(reported));
        cases.setString(6, random.nextDouble() < 0.55 ? "F" : random.nextDouble() < 0.97 ? "M" : "X");
        cases.setInt(7, random.nextInt(18));
        cases.setBoolean(8, random.nextDouble() < 0.03);
        cases.setString(9, random.nextDouble() < 0.95 ? "PK" : "AF");
        cases.setString(10, random.nextDouble() < 0.6 ? "Muslim" : null);
        cases.setString(11, random.nextDouble() < 0.4 ? "Punjabi" : null);
        cases.setString(12, random.nextDouble() < 0.5 ? "URBAN" : "RURAL");
        cases.setString(13, offences);
        cases.setObject(14, custody ? tz(reported - 3_600_000) : null);
        cases.setObject(15, tz(reported));
        cases.setObject(16, tz(reported));
        cases.addBatch();
        rows++;
        if (custody) {
          boolean met = random.nextDouble() < 0.8;
          clocks.setString(1, "bc-" + n);
          clocks.setString(2, number);
          clocks.setString(3, instance);
          clocks.setString(4, "R-COURT-24H");
          clocks.setString(5, province);
          clocks.setString(6, district);
          clocks.setObject(7, tz(reported - 3_600_000));
          clocks.setObject(8, tz(reported + 82_800_000));
          clocks.setString(9, met ? "MET" : "BREACHED");
          clocks.setObject(10, tz(reported + (met ? 36_000_000 : 90_000_000)));
          clocks.addBatch();
          rows++;
        }
        boolean victim = random.nextDouble() < 0.45;
        variable(variables, "iv-" + n, "childProtectionCase", instance, "identificationOutcome",
            reported + 86_400_000, victim ? "CONFIRMED_VICTIM" : "CHILD_AT_RISK");
        rows++;
        if (random.nextDouble() < 0.2) {
          variable(variables, "pv-" + n, "placement", instance, "placementOption",
              reported + 172_800_000, random.nextBoolean() ? "INSTITUTION" : "EXTENDED_FAMILY");
          rows++;
        }
        for (int r = 0; r < 2; r++) {
          referrals.setString(1, "br-" + n + "-" + r);
          referrals.setString(2, number);
          referrals.setString(3, instance);
          referrals.setString(4, r == 0 ? "LEGAL_AID" : "SOCIAL_WORKER");
          referrals.setString(5, province);
          referrals.setString(6, district);
          boolean delivered = random.nextDouble() < 0.7;
          referrals.setString(7, delivered ? "CLOSED" : "DECLINED");
          referrals.setObject(8, tz(reported + 90_000_000));
          referrals.setObject(9, delivered ? tz(reported + 900_000_000) : null);
          referrals.addBatch();
          rows++;
        }
        if (victim) {
          String[][] steps = {{"INVESTIGATION", "FIR_REGISTERED"}, {"PROSECUTION", "STARTED"},
              {"VERDICT", "CONVICTED"}, {"SENTENCE", null}};
          int reached = 1 + random.nextInt(4);
          for (int s = 0; s < reached; s++) {
            justice.setString(1, "bj-" + n + "-" + s);
            justice.setString(2, number);
            justice.setString(3, instance);
            justice.setString(4, province);
            justice.setString(5, district);
            justice.setString(6, steps[s][0]);
            justice.setString(7, steps[s][1]);
            justice.setObject(8, tz(reported + (s + 1) * 2_592_000_000L));
            justice.setObject(9, tz(reported + (s + 1) * 2_592_000_000L));
            justice.addBatch();
            rows++;
          }
          String[][] claim = {{"CLAIM_FILED", "FILED"}, {"DECISION", "GRANTED"},
              {"PAYMENT", null}};
          int claimed = random.nextDouble() < 0.6 ? 1 + random.nextInt(3) : 0;
          for (int s = 0; s < claimed; s++) {
            compensation.setString(1, "bk-" + n + "-" + s);
            compensation.setString(2, number);
            compensation.setString(3, instance);
            compensation.setString(4, province);
            compensation.setString(5, district);
            compensation.setString(6, claim[s][0]);
            compensation.setString(7, claim[s][1]);
            compensation.setBigDecimal(8, BigDecimal.valueOf(50_000 + random.nextInt(100_000)));
            compensation.setObject(9, tz(reported + (s + 2) * 2_592_000_000L));
            compensation.setObject(10, tz(reported + (s + 2) * 2_592_000_000L));
            compensation.addBatch();
            rows++;
          }
        }
        if (n % 2_000 == 1_999) {
          for (PreparedStatement batch : List.of(cases, clocks, justice, compensation,
              referrals, variables)) {
            batch.executeBatch();
          }
          connection.commit();
        }
      }
      for (PreparedStatement batch : List.of(cases, clocks, justice, compensation, referrals,
          variables)) {
        batch.executeBatch();
      }
      connection.commit();
    }
    return rows;
  }

  private static void variable(PreparedStatement variables, String id, String process,
      String instance, String name, long at, String value) throws Exception {
    variables.setString(1, id);
    variables.setString(2, process);
    variables.setString(3, instance);
    variables.setString(4, process.equals("childProtectionCase") ? instance : instance + "-p");
    variables.setString(5, name);
    variables.setTimestamp(6, new Timestamp(at));
    variables.setString(7, value);
    variables.addBatch();
  }

  private static int pick(Random random, double[] weights) {
    double value = random.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      value -= weights[i];
      if (value < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static OffsetDateTime tz(long millis) {
    return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
  }

  private static String get(int port, String user, String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofMinutes(2)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return response.body();
  }

  private static void line(StringBuilder report, String format, Object... arguments) {
    report.append(String.format(Locale.ROOT, format, arguments)).append('\n');
  }
}
