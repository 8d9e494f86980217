package pk.hifazat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pk.hifazat.Reports;

/**
 * The crash at the worst instant: a breach is recorded (R-ID-EARLY, a report 25 hours old) and
 * the node is killed with SIGKILL before anything can start its review (its job executor is off,
 * so the review cannot have started). The node that starts next on the same database starts the
 * review, once.
 */
@Tag("standalone")
class ReviewOwedAcrossACrashTest {

  private static final String KEY = Base64.getEncoder().encodeToString(
      "a crash test key, 32 bytes long!".getBytes());
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @DisplayName("R-ID-EARLY: a node killed right after recording a breach leaves its review owed; the next node starts it once")
  void reviewOwedByABreachSurvivesAKill(@TempDir Path home) throws Exception {
    // As the embedded default: each commit is in the file before it returns, so what the node
    // answered is there after the kill (H2 otherwise writes up to a second later).
    String database = "jdbc:h2:file:" + home.resolve("db") + ";WRITE_DELAY=0";
    Path logs = Path.of("target", "cluster");
    String caseNumber;
    try (ClusterNode doomed = ClusterNode.start("doomed", database, KEY, logs,
        "--camunda.bpm.job-execution.enabled=false")) {
      doomed.awaitReady(Duration.ofMinutes(4));
      HttpResponse<String> answer = doomed.postReport(Reports.notInCustody("PB", "Lahore", "M",
          "FORCED_LABOUR", Instant.now().minus(Duration.ofHours(25))), null);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      caseNumber = answer.headers().firstValue("Location").orElseThrow()
          .replace("/api/cases/", "");
      assertThat(reviews(doomed, caseNumber)).as("not started before the crash").isZero();
      doomed.kill();
    }

    try (ClusterNode next = ClusterNode.start("next", database, KEY, logs)) {
      next.awaitReady(Duration.ofMinutes(4));
      Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
      while (reviews(next, caseNumber) == 0 && Instant.now().isBefore(giveUp)) {
        Thread.sleep(250);
      }
      assertThat(reviews(next, caseNumber)).isOne();
      // Given time to do it twice, it does not.
      Thread.sleep(3000);
      assertThat(reviews(next, caseNumber)).isOne();
      JsonNode owed = JSON.readTree(next.get("/engine-rest/job?noRetriesLeft=true").body());
      assertThat(owed).as("nothing failed for good").isEmpty();
    }
  }

  private static int reviews(ClusterNode node, String caseNumber) throws Exception {
    HttpResponse<String> answer = node.get("/engine-rest/task?processInstanceBusinessKey="
        + caseNumber + "&taskDefinitionKey=Task_ReviewDeadlineBreach");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).size();
  }
}
