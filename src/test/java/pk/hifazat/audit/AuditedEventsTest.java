package pk.hifazat.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pk.hifazat.HifazatTest;
import pk.hifazat.intake.CaseRegistered;
import pk.hifazat.migration.CasesMigrated;
import pk.hifazat.sla.DeadlineBreached;

/**
 * The audit trail hears what the other modules report, inside their transaction: an entry is
 * committed with the change it records, or not at all.
 */
@HifazatTest
class AuditedEventsTest {

  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  /** A case number no other test of the shared application uses. */
  private static String unique(String which) {
    return "AU" + which + "-" + UUID.randomUUID().toString().substring(0, 13);
  }

  private List<Map<String, Object>> trailOf(String caseNumber) {
    return jdbc.sql("select user_id, action, detail from audit_event where case_number = ?"
        + " order by occurred_at").param(caseNumber).query().listOfRows();
  }

  @Test
  void aRegistrationRolledBackLeavesNoAuditEntry() {
    String caseNumber = unique("1");
    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
      events.publishEvent(new CaseRegistered(caseNumber, "pi-1", "POLICE", false, "cpo.lahore.f"));
      throw new IllegalStateException("the case process did not start");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(trailOf(caseNumber)).isEmpty();
  }

  @Test
  void theEntryIsWrittenInsideTheChangesTransactionNotAfterIt() {
    String caseNumber = unique("6");
    // Seen before the commit: a crash between the change's commit and its entry cannot happen.
    int seenInside = transactions.execute(status -> {
      events.publishEvent(new CaseRegistered(caseNumber, "pi-6", "POLICE", false, "cpo.lahore.f"));
      return trailOf(caseNumber).size();
    });

    assertThat(seenInside).isEqualTo(1);
  }

  @Test
  void aCommittedRegistrationIsInTheTrailWithItsRegistrar() {
    String caseNumber = unique("2");
    transactions.executeWithoutResult(status -> events.publishEvent(
        new CaseRegistered(caseNumber, "pi-2", "HELPLINE", true, "cpo.lahore.f")));

    assertThat(trailOf(caseNumber)).singleElement().satisfies(entry -> {
      assertThat(entry.get("USER_ID")).isEqualTo("cpo.lahore.f");
      assertThat(entry.get("ACTION")).isEqualTo("CASE_REOPENED");
      assertThat(entry.get("DETAIL")).isEqualTo("HELPLINE");
    });
  }

  @Test
  void aBreachedDeadlineIsInTheCasesTrailRecordedByNobody() {
    String caseNumber = unique("3");
    Instant due = Instant.parse("2026-12-01T10:00:00Z");
    transactions.executeWithoutResult(status -> events.publishEvent(new DeadlineBreached(
        caseNumber, "pi-3", "R-COURT-24H", "PB", "Lahore", due)));

    assertThat(trailOf(caseNumber)).singleElement().satisfies(entry -> {
      assertThat(entry.get("USER_ID")).isNull();
      assertThat(entry.get("ACTION")).isEqualTo("DEADLINE_BREACHED");
      assertThat((String) entry.get("DETAIL")).contains("R-COURT-24H", due.toString());
    });
  }

  @Test
  void aMigrationIsInEveryMovedCasesTrail() {
    List<String> moved = List.of(unique("4"), unique("5"));
    transactions.executeWithoutResult(status -> events.publishEvent(new CasesMigrated(
        "placement", 1, "placement:1:a", 2, "placement:2:b", "batch-1", moved)));

    for (String caseNumber : moved) {
      assertThat(trailOf(caseNumber)).singleElement().satisfies(entry -> assertThat(
          (String) entry.get("DETAIL")).contains("placement version 1", "version 2", "batch-1"));
    }
  }
}
