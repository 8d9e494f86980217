package pk.hifazat.matching;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;
import pk.hifazat.CaseDriver;
import pk.hifazat.LocalPostgres;
import pk.hifazat.Reports;
import pk.hifazat.RunningApplication;
import pk.hifazat.identity.IdentityFacts;

/**
 * Matching at national scale: 200,000 children's identities in the blind index (names drawn
 * from common Pakistani names, so that common names are common), then a report's look-up for
 * the same child in every district, p50 and p95 per report, for children found again under
 * another spelling, order or birth year and for children never seen; and the whole identity
 * write of a new report (encrypt, index, look up, record) over HTTP. Not part of {@code mvn
 * verify}: {@code mvn -B -Pbenchmark test -Dtest=MatchingBenchmark} ({@code
 * -Dbenchmark.db=postgres} for a throwaway local PostgreSQL server). The report is also written
 * to {@code target/benchmark/matching-<db>.txt}.
 */
@Tag("benchmark")
class MatchingBenchmark {

  private static final boolean POSTGRES = "postgres".equals(System.getProperty("benchmark.db"));
  private static final int IDENTITIES = Integer.getInteger("benchmark.identities", 200_000);
  private static final int LOOKUPS = 2_000;
  private static final int REPORTS = 150;
  private static final String[] BOYS = {"Muhammad", "Ali", "Ahmed", "Hassan", "Hussain", "Bilal",
      "Usman", "Umar", "Hamza", "Zain", "Imran", "Kashif", "Asif", "Tariq", "Zubair", "Irfan",
      "Faisal", "Fahad", "Saad", "Qasim", "Yasir", "Nadeem", "Shahid", "Sajid", "Waqas", "Adnan",
      "Danish", "Junaid", "Kamran", "Rizwan", "Salman", "Shoaib", "Talha", "Waseem", "Zeeshan",
      "Arslan", "Azhar", "Babar", "Ghulam", "Rasool", "Akram", "Aslam", "Iqbal", "Javed",
      "Khalid", "Majid", "Naveed", "Rashid", "Sohail", "Tahir"};
  private static final String[] GIRLS = {"Fatima", "Ayesha", "Zainab", "Khadija", "Maryam",
      "Sana", "Hina", "Amina", "Rabia", "Saima", "Nadia", "Asma", "Bushra", "Farah", "Iqra",
      "Kiran", "Mehwish", "Nazia", "Rukhsana", "Samina", "Shazia", "Sobia", "Tahira", "Uzma",
      "Zara", "Aliya", "Anum", "Hafsa", "Huma", "Laiba", "Mahnoor", "Noor", "Parveen", "Rida",
      "Sadia", "Shabana", "Sumaira", "Tayyaba", "Yasmin", "Zohra"};
  private static final String[] FAMILIES = {"Khan", "Ahmed", "Ali", "Hussain", "Shah", "Malik",
      "Butt", "Qureshi", "Sheikh", "Chaudhry", "Rana", "Awan", "Bhatti", "Abbasi", "Baloch",
      "Mughal", "Raja", "Siddiqui", "Javed", "Iqbal", "Akhtar", "Mirza", "Hashmi", "Gill",
      "Jatoi", "Memon", "Soomro", "Khattak", "Yousafzai", "Afridi", "Bugti", "Marri", "Niazi",
      "Rajput", "Ansari", "Kazmi", "Naqvi", "Rizvi", "Zaidi", "Dar", "Lodhi", "Tareen", "Wazir",
      "Kakar", "Mengal", "Laghari", "Mazari", "Leghari", "Pathan", "Arain"};
  private static final String[] REGISTRY_PROVINCES = {"PB", "SD", "KP", "BA", "ICT"};

  /** A made-up child of the benchmark, in Latin letters. */
  record Person(String sex, String first, String family, String fatherFirst, int birthYear) {

    ChildKeys.Child child() {
      return new ChildKeys.Child(sex, NameKeys.of(first + " " + family),
          List.of(NameKeys.of(fatherFirst + " " + family)), birthYear, null);
    }

    /** The same child as another district writes them: name parts swapped, a year out. */
    ChildKeys.Child foundAgain(Random random) {
      return new ChildKeys.Child(sex, NameKeys.of(family + " " + first),
          List.of(NameKeys.of(fatherFirst)), birthYear + (random.nextBoolean() ? 1 : -1), null);
    }
  }

  private static Person person(Random random) {
    boolean girl = random.nextBoolean();
    String[] firsts = girl ? GIRLS : BOYS;
    // Common names are common: a skewed pick (the first names of each list most often).
    String first = firsts[(int) (Math.pow(random.nextDouble(), 2) * firsts.length)];
    if (!girl && random.nextInt(3) == 0) {
      first = "Muhammad " + BOYS[1 + random.nextInt(BOYS.length - 1)];
    }
    return new Person(girl ? "F" : "M", first,
        FAMILIES[(int) (Math.pow(random.nextDouble(), 1.5) * FAMILIES.length)],
        BOYS[random.nextInt(BOYS.length)], 2004 + random.nextInt(17));
  }

  @Test
  @Timeout(value = 40, unit = TimeUnit.MINUTES)
  void sameChildIsLookedUpInEveryDistrictWithinMillisecondsAt200000Identities(
      @TempDir Path home) throws Exception {
    LocalPostgres server = POSTGRES ? LocalPostgres.start() : null;
    List<String> arguments = new ArrayList<>();
    if (POSTGRES) {
      arguments.add("--spring.datasource.url=" + server.url() + "?reWriteBatchedInserts=true");
      arguments.add("--spring.datasource.username=hifazat");
      arguments.add("--spring.datasource.password=hifazat");
    } else {
      arguments.add("--spring.datasource.url=jdbc:h2:file:" + home.resolve("hifazat")
          + ";AUTO_SERVER=FALSE");
    }
    arguments.add("--hifazat.sla.sweep-interval=PT24H");
    StringBuilder report = new StringBuilder();
    try (RunningApplication app = RunningApplication.start(arguments.toArray(String[]::new))) {
      DataSource dataSource = app.bean(DataSource.class);
      IdentityFacts facts = app.bean(IdentityFacts.class);
      MatchFinder finder = app.bean(MatchFinder.class);
      UnaryOperator<String> blind = facts::blindKey;
      Random random = new Random(16);

      long loadStarted = System.nanoTime();
      List<Person> people = new ArrayList<>(IDENTITIES);
      long rows = 0;
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
            "insert into match_key (case_number, kind, key_hash) values (?, ?, ?)")) {
          for (int i = 0; i < IDENTITIES; i++) {
            Person person = person(random);
            people.add(person);
            String caseNumber = "%s-%d-%06d".formatted(
                REGISTRY_PROVINCES[i % REGISTRY_PROVINCES.length], 2016 + i % 10, i);
            for (ChildKeys.Key key : ChildKeys.of(person.child(), blind).keys()) {
              insert.setString(1, caseNumber);
              insert.setString(2, key.kind());
              insert.setString(3, key.hash());
              insert.addBatch();
              rows++;
            }
            if (i % 2_000 == 1_999) {
              insert.executeBatch();
              connection.commit();
            }
          }
          insert.executeBatch();
          connection.commit();
        }
        connection.setAutoCommit(true);
        // Statistics for the planner, and on H2 the loaded pages written out before reading.
        connection.createStatement().execute(POSTGRES ? "analyze match_key" : "checkpoint sync");
      }
      line(report, "Matching benchmark on %s, %d cores: %,d identities, %,d blind keys loaded in"
              + " %d s", POSTGRES ? "PostgreSQL" : "H2 file database",
          Runtime.getRuntime().availableProcessors(), IDENTITIES, rows,
          Duration.ofNanos(System.nanoTime() - loadStarted).toSeconds());
      line(report, "Look-up plan: %s", plan(dataSource, blind));

      // Warm up, then one look-up per report: half children found again, half never seen.
      for (int i = 0; i < 200; i++) {
        finder.find("BENCH-WARM", person(random).child());
      }
      List<Double> again = new ArrayList<>();
      List<Double> fresh = new ArrayList<>();
      int recalled = 0;
      long offered = 0;
      for (int i = 0; i < LOOKUPS; i++) {
        boolean foundAgain = i % 2 == 0;
        int index = random.nextInt(IDENTITIES);
        ChildKeys.Child child = foundAgain ? people.get(index).foundAgain(random)
            : person(random).child();
        long started = System.nanoTime();
        List<MatchFinder.Found> found = finder.find("BENCH-Q", child);
        double millis = (System.nanoTime() - started) / 1e6;
        offered += found.size();
        if (foundAgain) {
          again.add(millis);
          String expected = "%06d".formatted(index);
          if (found.stream().anyMatch(f -> f.caseNumber().endsWith(expected))) {
            recalled++;
          }
        } else {
          fresh.add(millis);
        }
      }
      line(report, "Look-up per report, child found again (swapped names, birth year one out):"
          + " %s; the earlier case offered for %d of %d", figures(again), recalled, again.size());
      line(report, "Look-up per report, child never seen: %s", figures(fresh));
      line(report, "Possible matches offered per report: %.2f on average (common names with the"
          + " same father's name and birth year are offered too)", offered / (double) LOOKUPS);

      // The whole write of an identity through the API: encrypt, index, look up, record.
      Environment environment = app.bean(Environment.class);
      int port = Integer.parseInt(environment.getProperty("local.server.port"));
      HttpClient http = HttpClient.newHttpClient();
      List<Double> writes = new ArrayList<>();
      for (int i = 0; i < REPORTS; i++) {
        Person person = people.get(random.nextInt(IDENTITIES));
        String body = Reports.notInCustody("PB", "Lahore", person.sex(), "TRAFFICKING",
            Instant.now().minusSeconds(60));
        var registered = app.postJson("/api/cases", body, "admin", CaseDriver.PASSWORD);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String caseNumber = registered.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
        String identity = "{\"name\": \"" + person.family() + " " + person.first()
            + "\", \"parents\": [\"" + person.fatherFirst() + "\"], \"birthYear\": "
            + person.birthYear() + "}";
        HttpRequest put = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/cases/" + caseNumber + "/identity"))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                ("cpo.lahore.f:" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(identity)).build();
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(put, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - started) / 1e6;
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        if (i >= 10) {
          writes.add(millis);
        }
      }
      line(report, "PUT /api/cases/{n}/identity over HTTP (encrypt, index, look up in every"
          + " district, record), per report: %s", figures(writes));
      Path out = Path.of("target/benchmark");
      Files.createDirectories(out);
      Files.writeString(out.resolve("matching-" + (POSTGRES ? "postgres" : "h2") + ".txt"),
          report);
      assertThat(percentile(again, 0.95)).as("p95 of a look-up").isLessThan(100.0);
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /** The database's plan for the candidate look-up: an index on key_hash, never a scan. */
  private static String plan(DataSource dataSource, UnaryOperator<String> blind)
      throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement explain = connection.prepareStatement("explain select case_number"
            + " from match_key where key_hash in (?, ?) and case_number <> ? group by case_number"
            + " order by count(*) desc, case_number fetch first 500 rows only")) {
      explain.setString(1, blind.apply("x"));
      explain.setString(2, blind.apply("y"));
      explain.setString(3, "BENCH");
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1).replaceAll("\\s+", " ").trim()).append(' ');
        }
      }
      return plan.toString().trim();
    }
  }

  private static double percentile(List<Double> millis, double p) {
    List<Double> sorted = new ArrayList<>(millis);
    sorted.sort(Double::compare);
    return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
  }

  private static String figures(List<Double> millis) {
    return "p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d reports)".formatted(percentile(millis, 0.5),
        percentile(millis, 0.95), percentile(millis, 1.0), millis.size());
  }

  private static void line(StringBuilder report, String format, Object... values) {
    String line = format.formatted(values);
    System.out.println(line);
    report.append(line).append('\n');
  }
}
