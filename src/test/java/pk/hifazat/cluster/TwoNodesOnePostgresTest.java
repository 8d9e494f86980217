package pk.hifazat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import pk.hifazat.LocalPostgres;
import pk.hifazat.Reports;
import pk.hifazat.benchmark.MachineFigures;

/**
 * Two production nodes on one real PostgreSQL, started at the same moment on an empty database.
 * Deadlines (R-COURT-24H by the model's timer, R-ID-EARLY by the sweep) fall due while reports
 * are arriving, and one node is killed with SIGKILL just after: every breach still gets exactly
 * one review, every case exactly one registration in the audit trail, a retried report its first
 * case, no timer fires twice and nothing ends as an incident.
 */
@Tag("standalone")
class TwoNodesOnePostgresTest {

  private static final String KEY = Base64.getEncoder().encodeToString(
      "a cluster test key, 32 bytes!!!!".getBytes());
  private static final Duration READY = Duration.ofMinutes(4);
  /** Time to register the cases whose deadlines then fall due. */
  private static final Duration LEAD = Duration.ofSeconds(25);
  private static final int COURT_CASES = 3;
  private static final int SCREENING_CASES = 3;
  private static final int REPORTS_IN_FLIGHT = 12;

  private static LocalPostgres postgres;
  private static Connection connection;
  private static JdbcClient db;

  @BeforeAll
  static void emptyDatabase() throws Exception {
    postgres = LocalPostgres.start();
    connection = DriverManager.getConnection(postgres.url(), "hifazat", "hifazat");
    db = JdbcClient.create(new SingleConnectionDataSource(connection, true));
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @DisplayName("Two nodes start together, one is killed as deadlines fall due and reports arrive: nothing owed is lost or done twice")
  void nothingOwedIsLostWhenANodeDies() throws Exception {
    Path logs = Path.of("target", "cluster");
    try (ClusterNode a = ClusterNode.start("a", postgres.url(), KEY, logs);
        ClusterNode b = ClusterNode.start("b", postgres.url(), KEY, logs)) {
      a.awaitReady(READY);
      b.awaitReady(READY);
      assertBootstrappedOnce();

      // Deadlines due in LEAD: custody or the report 24 hours before that.
      Instant due = Instant.now().plus(LEAD);
      Instant dayBefore = due.minus(Duration.ofHours(24));
      List<String> court = new ArrayList<>();
      List<String> screening = new ArrayList<>();
      for (int i = 0; i < COURT_CASES; i++) {
        court.add(caseNumber((i % 2 == 0 ? a : b).postReport(
            Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", dayBefore, dayBefore), null)));
      }
      for (int i = 0; i < SCREENING_CASES; i++) {
        screening.add(caseNumber((i % 2 == 0 ? b : a).postReport(
            Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR", dayBefore), null)));
      }
      assertThat(Instant.now()).as("cases registered before their deadlines").isBefore(due);

      // Reports arriving at node a as the deadlines fall due; a dies 300 ms after them.
      sleepUntil(due.minusSeconds(1));
      Map<String, String> reports = new LinkedHashMap<>();
      for (int i = 0; i < REPORTS_IN_FLIGHT; i++) {
        reports.put("helpline-" + UUID.randomUUID(), Reports.notInCustody("PB", "Lahore",
            i % 2 == 0 ? "F" : "M", "CHILD_MARRIAGE", Instant.now().minus(Duration.ofHours(1))));
      }
      ExecutorService helpline = Executors.newFixedThreadPool(REPORTS_IN_FLIGHT);
      Map<String, Future<HttpResponse<String>>> sent = new LinkedHashMap<>();
      reports.forEach((key, report) -> sent.put(key, helpline.submit(() -> {
        Thread.sleep((long) (Math.random() * 2500));
        return a.postReport(report, key);
      })));
      sleepUntil(due.plusMillis(300));
      a.kill();
      helpline.shutdown();

      // The helpline retries every report it got no 201 for, at the node still up.
      Map<String, String> caseByKey = new LinkedHashMap<>();
      int retried = 0;
      for (Map.Entry<String, Future<HttpResponse<String>>> report : sent.entrySet()) {
        HttpResponse<String> answer = answerOrNull(report.getValue());
        if (answer == null || answer.statusCode() != 201) {
          answer = b.postReport(reports.get(report.getKey()), report.getKey());
          retried++;
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        caseByKey.put(report.getKey(), caseNumber(answer));
      }
      System.out.printf("cluster: %d of %d reports retried after node a was killed%n", retried,
          REPORTS_IN_FLIGHT);

      awaitReviews(court, screening, due.plus(Duration.ofSeconds(120)));

      // Every key answered one case of its own, and no report left a second case behind.
      assertThat(caseByKey.values()).doesNotHaveDuplicates();
      assertThat(count("select count(*) from case_file")).as("case files")
          .isEqualTo(COURT_CASES + SCREENING_CASES + REPORTS_IN_FLIGHT);
      for (String caseNumber : db.sql("select case_number from case_file")
          .query(String.class).list()) {
        assertThat(count("select count(*) from audit_event where case_number = ? and action ="
            + " 'CASE_REGISTERED'", caseNumber)).as("registrations of %s", caseNumber).isOne();
        assertThat(count("select count(*) from act_hi_procinst where business_key_ = ? and"
            + " proc_def_key_ = 'childProtectionCase'", caseNumber)).as("pathway of %s",
            caseNumber).isOne();
      }
      // Exactly one review per breach: the model's own for R-COURT-24H, the review pathway's
      // for the others.
      for (String caseNumber : court) {
        assertThat(breached(caseNumber, "R-COURT-24H")).isTrue();
        assertThat(tasks(caseNumber, "Task_ReviewCourtBreach")).as(caseNumber).isOne();
      }
      for (String caseNumber : screening) {
        assertThat(breached(caseNumber, "R-ID-EARLY")).isTrue();
      }
      for (Map<String, Object> breach : db.sql("select case_number, rule_id from sla_clock"
          + " where status = 'BREACHED'").query().listOfRows()) {
        long reviews = count("select count(*) from act_hi_procinst p join act_hi_varinst v"
            + " on v.proc_inst_id_ = p.id_ and v.name_ = 'breachedRule'"
            + " where p.proc_def_key_ = 'deadlineBreachReview' and p.business_key_ = ?"
            + " and v.text_ = ?", breach.get("case_number"), breach.get("rule_id"));
        assertThat(reviews).as("reviews of %s", breach)
            .isEqualTo("R-COURT-24H".equals(breach.get("rule_id")) ? 0 : 1);
      }
      // The history cleanup is one job that runs again and again, by design.
      assertThat(count("select count(*) from (select job_id_ from act_hi_job_log"
          + " where job_state_ = 2 and coalesce(job_def_type_, '') <> 'history-cleanup'"
          + " group by job_id_ having count(*) > 1) twice"))
          .as("jobs done twice").isZero();
      assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
      // An item the killed node had taken is taken again once its lock lapses (30 s), and the
      // court's breaches owe an item that ends without a review to wait for.
      assertThat(awaitNothingOwed(due.plus(Duration.ofSeconds(120))))
          .as("work still owed (item, retries, lock owner, lock until, due, error)").isEmpty();

      List<Double> lateness = new ArrayList<>();
      court.forEach(c -> lateness.add(lateness(c, "R-COURT-24H", "Task_ReviewCourtBreach")));
      screening.forEach(c -> lateness.add(lateness(c, "R-ID-EARLY", "Task_ReviewDeadlineBreach")));
      System.out.printf("cluster: due time to the supervisor's task after a node died: p50 %.1f s,"
          + " max %.1f s (%d tasks)%n", MachineFigures.nearestRank(lateness, 0.5),
          MachineFigures.nearestRank(lateness, 1.0), lateness.size());
      assertThat(lateness).hasSize(COURT_CASES + SCREENING_CASES);

      // Node a comes back on the existing database while b works: nothing bootstrapped twice.
      try (ClusterNode again = ClusterNode.start("a-again", postgres.url(), KEY, logs)) {
        again.awaitReady(READY);
        assertBootstrappedOnce();
        assertThat(count("select count(*) from act_re_deployment")).as("deployments").isOne();
      }
    }
  }

  /** Groups, grants, task lists and the pathway deployment exist once, whoever made them. */
  private static void assertBootstrappedOnce() {
    assertThat(count("select count(*) from (select name_ from act_ru_filter group by name_"
        + " having count(*) > 1) twice")).as("task lists made twice").isZero();
    assertThat(count("select count(*) from (select type_, group_id_, user_id_, resource_type_,"
        + " resource_id_ from act_ru_authorization group by type_, group_id_, user_id_,"
        + " resource_type_, resource_id_ having count(*) > 1) twice")).as("grants made twice")
        .isZero();
    assertThat(count("select count(*) from act_ru_filter")).as("task lists").isPositive();
    assertThat(count("select count(*) from act_re_deployment")).as("deployments").isOne();
  }

  @Test
  @DisplayName("A node started with another identity key than the data's refuses to start")
  void nodeWithAnotherIdentityKeyRefusesToStart() throws Exception {
    Path logs = Path.of("target", "cluster");
    if (count("select count(*) from information_schema.tables where table_name ="
        + " 'identity_key'") == 0 || count("select count(*) from identity_key") == 0) {
      try (ClusterNode first = ClusterNode.start("first", postgres.url(), KEY, logs)) {
        first.awaitReady(READY);
      }
    }
    String other = Base64.getEncoder().encodeToString("another key of exactly 32 bytes!"
        .getBytes());
    try (ClusterNode wrong = ClusterNode.start("wrong-key", postgres.url(), other, logs)) {
      assertThat(wrong.awaitExit(READY)).isNotZero();
      assertThat(wrong.tail()).contains("Refusing to start")
          .contains("HIFAZAT_IDENTITY_KEY is not the key");
    }
  }

  private static final String UNREVIEWED_BREACHES = """
      select count(*) from sla_clock c
      where c.status = 'BREACHED' and c.rule_id <> 'R-COURT-24H' and not exists (
        select 1 from act_hi_procinst p join act_hi_varinst v
          on v.proc_inst_id_ = p.id_ and v.name_ = 'breachedRule'
        where p.proc_def_key_ = 'deadlineBreachReview' and p.business_key_ = c.case_number
          and v.text_ = c.rule_id)""";

  private void awaitReviews(List<String> court, List<String> screening, Instant giveUp)
      throws InterruptedException {
    while (Instant.now().isBefore(giveUp)) {
      // Every breach reviewed: the court's by the case's own model, every other by the review
      // pathway, however many attempts its outbox item took (the court cases' R-ID-EARLY too).
      boolean done = court.stream().allMatch(c -> tasks(c, "Task_ReviewCourtBreach") > 0)
          && screening.stream().allMatch(c -> tasks(c, "Task_ReviewDeadlineBreach") > 0)
          && count(UNREVIEWED_BREACHES) == 0;
      if (done) {
        // Anything late, and done twice, would show within a sweep or two more.
        Thread.sleep(12_000);
        return;
      }
      Thread.sleep(500);
    }
  }

  /** The owed work left at {@code giveUp}, or none as soon as none is left. */
  private List<String> awaitNothingOwed(Instant giveUp) throws InterruptedException {
    String owed = "select handler_cfg_, retries_, lock_owner_, lock_exp_time_, duedate_,"
        + " exception_msg_ from act_ru_job where handler_type_ = 'hifazat-owed-work'";
    String left = "select count(*) from (" + owed + ") o";
    long began = System.nanoTime();
    long atFirst = count(left);
    while (Instant.now().isBefore(giveUp) && count(left) > 0) {
      Thread.sleep(500);
    }
    System.out.printf("cluster: %d item(s) owed once every review was there, none after %.1f s%n",
        atFirst, (System.nanoTime() - began) / 1e9);
    return db.sql(owed).query().listOfRows().stream().map(Object::toString).toList();
  }

  /** Seconds from the rule's due time to the first review task of the case. */
  private double lateness(String caseNumber, String rule, String taskKey) {
    return db.sql("""
            select extract(epoch from (min(t.start_time_) - min(c.due_at)))
            from sla_clock c, act_hi_taskinst t
            where c.case_number = ? and c.rule_id = ? and t.task_def_key_ = ?
              and t.proc_inst_id_ in (select id_ from act_hi_procinst where business_key_ = ?)""")
        .params(caseNumber, rule, taskKey, caseNumber).query(Double.class).single();
  }

  private long tasks(String caseNumber, String taskKey) {
    return count("select count(*) from act_hi_taskinst where task_def_key_ = ? and proc_inst_id_"
        + " in (select id_ from act_hi_procinst where business_key_ = ?)", taskKey, caseNumber);
  }

  private boolean breached(String caseNumber, String rule) {
    return count("select count(*) from sla_clock where case_number = ? and rule_id = ? and status ="
        + " 'BREACHED'", caseNumber, rule) == 1;
  }

  private static long count(String sql, Object... params) {
    return db.sql(sql).params(params).query(Long.class).single();
  }

  private static String caseNumber(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return answer.headers().firstValue("Location").orElseThrow().replace("/api/cases/", "");
  }

  private static HttpResponse<String> answerOrNull(Future<HttpResponse<String>> answer) {
    try {
      return answer.get();
    } catch (Exception lostWithTheNode) {
      return null;
    }
  }

  private static void sleepUntil(Instant moment) throws InterruptedException {
    long millis = Duration.between(Instant.now(), moment).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
