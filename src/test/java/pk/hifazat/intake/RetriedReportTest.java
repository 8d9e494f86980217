package pk.hifazat.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * A helpline that lost the answer sends the report again: by its {@code Idempotency-Key} or its
 * own report id, it gets the case the first one opened, never a second case, a second audit
 * entry or a second pathway.
 */
@HifazatTest
class RetriedReportTest {

  private static final Instant REPORTED = Instant.now().minus(Duration.ofHours(2));

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @DisplayName("The same report twice with one Idempotency-Key: one case, one audit entry, the same answer")
  void sameReportTwiceWithOneKeyIsOneCase() throws Exception {
    String key = UUID.randomUUID().toString();
    String report = boy("Lahore");

    HttpResponse<String> first = post("cpo.lahore.f", key, report);
    HttpResponse<String> again = post("cpo.lahore.f", key, report);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    String caseNumber = caseNumber(first);
    assertThat(caseNumber(again)).isEqualTo(caseNumber);
    assertThat(registrations(caseNumber)).isOne();
    assertThat(pathways(caseNumber)).isOne();
  }

  @Test
  @DisplayName("Eight retries of one report at the same instant: one case, all eight answered with it")
  void retriesAtTheSameInstantOpenOneCase() throws Exception {
    String key = UUID.randomUUID().toString();
    String report = boy("Lahore");
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int sender = 0; sender < 8; sender++) {
        answers.add(senders.submit(() -> {
          start.await();
          return post("cpo.lahore.f", key, report);
        }));
      }
      start.countDown();
      Set<String> cases = new TreeSet<>();
      for (Future<HttpResponse<String>> answer : answers) {
        assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
        cases.add(caseNumber(answer.get()));
      }
      assertThat(cases).hasSize(1);
      assertThat(registrations(cases.iterator().next())).isOne();
      assertThat(pathways(cases.iterator().next())).isOne();
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  @DisplayName("A key sent again with another report is refused with 422 and opens nothing")
  void keyReusedForAnotherReportIsRefused() throws Exception {
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = post("cpo.lahore.f", key, boy("Lahore"));
    long before = caseFiles();

    HttpResponse<String> other = post("cpo.lahore.f", key, girl("Lahore"));

    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(other.body()).contains("Idempotency-Key");
    assertThat(caseFiles()).isEqualTo(before);
    assertThat(registrations(caseNumber(first))).isOne();
  }

  @Test
  @DisplayName("Keys are each sender's own: another officer's report under the same spelling is another case")
  void anotherUsersKeyOfTheSameSpellingIsAnotherReport() throws Exception {
    String key = "report-1";
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> mine = post("cpo.lahore.f", key + suffix, boy("Lahore"));
    HttpResponse<String> theirs = post("supervisor.lahore", key + suffix, boy("Lahore"));

    assertThat(mine.statusCode()).isEqualTo(201);
    assertThat(theirs.statusCode()).isEqualTo(201);
    assertThat(caseNumber(theirs)).isNotEqualTo(caseNumber(mine));
  }

  @Test
  @DisplayName("The helpline's own report id, sent again without a key, by another officer: the same case")
  void sourceReportIdSentAgainIsTheSameCase() throws Exception {
    String ticket = "1098/" + UUID.randomUUID();
    HttpResponse<String> first = post("cpo.lahore.f", null, withTicket(boy("Lahore"), ticket));
    HttpResponse<String> again = post("supervisor.lahore", null,
        withTicket(boy("Lahore"), ticket));

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(caseNumber(again)).isEqualTo(caseNumber(first));
    assertThat(registrations(caseNumber(first))).isOne();
  }

  @Test
  @DisplayName("The same report id with other facts is a conflict naming the case to add them to")
  void sourceReportIdWithOtherFactsIsAConflict() throws Exception {
    String ticket = "1098/" + UUID.randomUUID();
    HttpResponse<String> first = post("cpo.lahore.f", null, withTicket(boy("Lahore"), ticket));
    long before = caseFiles();

    HttpResponse<String> changed = post("cpo.lahore.f", null, withTicket(girl("Lahore"), ticket));

    assertThat(changed.statusCode()).isEqualTo(409);
    assertThat(changed.body()).contains(caseNumber(first));
    assertThat(caseFiles()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "key with spaces", "a\tb"})
  @DisplayName("A key that is not 1 to 128 visible ASCII characters is a 400 naming the header")
  void malformedKeyIsRefused(String key) throws Exception {
    long before = caseFiles();
    HttpResponse<String> answer = post("cpo.lahore.f", key, boy("Lahore"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("Idempotency-Key");
    assertThat(caseFiles()).isEqualTo(before);
  }

  @Test
  @DisplayName("A key of 129 characters is refused; one of 128 is taken")
  void keyLengthIsBounded() throws Exception {
    assertThat(post("cpo.lahore.f", "k".repeat(129), boy("Lahore")).statusCode())
        .isEqualTo(400);
    assertThat(post("cpo.lahore.f", UUID.randomUUID() + "k".repeat(92), boy("Lahore"))
        .statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("A report id that is not plain text is a 400 naming the field")
  void malformedSourceReportIdIsRefused() throws Exception {
    HttpResponse<String> answer = post("cpo.lahore.f", null,
        withTicket(boy("Lahore"), "<script>"));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("sourceReportId");
  }

  private HttpResponse<String> post(String user, String key, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/cases"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header(RetriedReports.HEADER, key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String caseNumber(HttpResponse<String> answer) throws Exception {
    JsonNode body = json.readTree(answer.body());
    return body.path("caseNumber").asText();
  }

  private static String boy(String district) {
    return Reports.notInCustody("PB", district, "M", "FORCED_LABOUR", REPORTED);
  }

  private static String girl(String district) {
    return Reports.notInCustody("PB", district, "F", "FORCED_LABOUR", REPORTED);
  }

  private static String withTicket(String report, String ticket) {
    int end = report.lastIndexOf('}');
    return report.substring(0, end) + ", \"sourceReportId\": \"" + ticket + "\"}";
  }

  private long registrations(String caseNumber) {
    return jdbc.sql("select count(*) from audit_event where case_number = ? and action = ?")
        .params(caseNumber, "CASE_REGISTERED").query(Long.class).single();
  }

  private long pathways(String caseNumber) {
    return jdbc.sql("select count(*) from act_hi_procinst where business_key_ = ?"
            + " and proc_def_key_ = 'childProtectionCase'")
        .param(caseNumber).query(Long.class).single();
  }

  private long caseFiles() {
    return jdbc.sql("select count(*) from case_file").query(Long.class).single();
  }
}
