package pk.hifazat.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.sla.DeadlineClocks;

/**
 * A recorded breach owes its supervisor a review (R-ID-EARLY here): the debt is committed with
 * the breach, survives the work failing or the node stopping before the review starts, and is
 * paid exactly once.
 */
@HifazatTest
class OwedBreachReviewTest {

  private static final Instant REPORTED = OffsetDateTime.parse("2026-11-02T09:00:00+05:00")
      .toInstant();
  private static final String REVIEW = "deadlineBreachReview";

  @Autowired CaseDriver cases;
  @Autowired DeadlineClocks deadlines;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TransactionTemplate transaction;
  @Autowired Outbox outbox;

  @BeforeEach
  void reportedThisMorning() {
    cases.clockAt(REPORTED.plus(Duration.ofMinutes(10)));
  }

  @AfterEach
  void resetClockAndPathway() {
    ClockUtil.reset();
    repositoryService.activateProcessDefinitionByKey(REVIEW);
  }

  @Test
  @DisplayName("A node stopped after the breach's commit and before its review: the review is owed, and started after recovery")
  void breachCommittedBeforeACrashIsReviewedAfterRecovery() throws Exception {
    String caseNumber = breachedCase();

    // The job executor is off: nothing ran after the commit, as after a kill -9 at that instant.
    assertThat(reviews(caseNumber)).isZero();
    assertThat(cases.owedWork(caseNumber, "deadline-breach-review\n")).hasSize(1);

    assertThat(cases.startOwedReviews(caseNumber)).isEqualTo(1);
    assertThat(reviews(caseNumber)).isOne();
    assertThat(cases.owedWork(caseNumber, "")).as("only the e-mail is left")
        .allMatch(job -> config(job).startsWith("deadline-breach-mail\n"));
  }

  @Test
  @DisplayName("The review cannot start (its pathway suspended): it stays owed, is tried again after a pause, and starts once")
  void reviewThatFailsIsTriedAgainAfterAPauseAndStartsOnce() throws Exception {
    String caseNumber = breachedCase();
    repositoryService.suspendProcessDefinitionByKey(REVIEW);

    Job owed = cases.owedWork(caseNumber, "deadline-breach-review\n").get(0);
    assertThatThrownBy(() -> managementService.executeJob(owed.getId()));
    Job failed = managementService.createJobQuery().jobId(owed.getId()).singleResult();
    assertThat(failed.getRetries()).isEqualTo(OutboxRetry.ATTEMPTS - 1);
    assertThat(failed.getExceptionMessage()).contains("suspended");
    assertThat(failed.getDuedate().toInstant())
        .isAfterOrEqualTo(ClockUtil.getCurrentTime().toInstant().plusSeconds(10));
    assertThat(cases.owedWork(caseNumber, "deadline-breach-review\n")).as("pausing").isEmpty();
    assertThat(reviews(caseNumber)).isZero();

    repositoryService.activateProcessDefinitionByKey(REVIEW);
    cases.clockAt(ClockUtil.getCurrentTime().toInstant().plusSeconds(11));
    assertThat(cases.startOwedReviews(caseNumber)).isEqualTo(1);
    assertThat(cases.startOwedReviews(caseNumber)).isZero();
    assertThat(reviews(caseNumber)).isOne();
  }

  @Test
  @DisplayName("Work that keeps failing ends as an incident an administrator can see and retry, never dropped")
  void reviewThatKeepsFailingBecomesAnIncident() throws Exception {
    String caseNumber = breachedCase();
    repositoryService.suspendProcessDefinitionByKey(REVIEW);
    String jobId = cases.owedWork(caseNumber, "deadline-breach-review\n").get(0).getId();

    for (int attempt = 1; attempt <= OutboxRetry.ATTEMPTS; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(jobId));
      cases.clockAt(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2)));
    }
    Job spent = managementService.createJobQuery().jobId(jobId).singleResult();
    assertThat(spent.getRetries()).isZero();
    assertThat(runtimeService.createIncidentQuery().configuration(jobId).count()).isOne();

    repositoryService.activateProcessDefinitionByKey(REVIEW);
    managementService.setJobRetries(jobId, 1);
    managementService.executeJob(jobId);
    assertThat(reviews(caseNumber)).isOne();
    assertThat(runtimeService.createIncidentQuery().configuration(jobId).count()).isZero();
  }

  @Test
  @DisplayName("Work owed by a fact that is rolled back is never done")
  void workOwedInATransactionThatRollsBackIsNotOwed() {
    long before = owedJobs();
    transaction.executeWithoutResult(status -> {
      outbox.owe("deadline-breach-review", "{\"caseNumber\":\"PB-2026-999999\"}");
      status.setRollbackOnly();
    });
    assertThat(owedJobs()).isEqualTo(before);
  }

  @Test
  @DisplayName("Work owed outside a transaction is refused: it would be committed apart from its fact")
  void workOwedOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> outbox.owe("deadline-breach-review", "{}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside a transaction");
  }

  @Test
  @DisplayName("Work of a kind no node knows stays owed, as an incident in the end")
  void workOfAnUnknownKindStaysOwed() {
    transaction.executeWithoutResult(status ->
        outbox.owe("kind-of-a-later-release", "{\"caseNumber\":\"PB-2026-999998\"}"));
    Job owed = cases.owedWork("PB-2026-999998", "").get(0);
    assertThatThrownBy(() -> managementService.executeJob(owed.getId()));
    assertThat(managementService.createJobQuery().jobId(owed.getId()).singleResult()
        .getExceptionMessage()).contains("kind-of-a-later-release");
    managementService.deleteJob(owed.getId());
  }

  private String breachedCase() throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR",
        REPORTED));
    cases.clockAt(REPORTED.plus(Duration.ofHours(25)));
    assertThat(deadlines.recordDueTransitions()).isPositive();
    return caseNumber;
  }

  private long reviews(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(REVIEW).count();
  }

  private long owedJobs() {
    List<Job> all = managementService.createJobQuery().list();
    return all.stream().filter(job -> config(job) != null && job.getProcessInstanceId() == null)
        .count();
  }

  private static String config(Job job) {
    return ((JobEntity) job).getJobHandlerConfigurationRaw();
  }
}
