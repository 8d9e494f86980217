package pk.hifazat.retention;

import static pk.hifazat.support.SqlTimes.toColumn;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import pk.hifazat.documents.CaseDocuments;
import pk.hifazat.identity.IdentityErasure;
import pk.hifazat.retention.RetentionPolicy.RecordKind;

/**
 * Erases the identity and documents of each closed case whose retention period has ended and
 * that no legal hold keeps. Safe on several nodes: each case is claimed by inserting its
 * {@code case_erasure} row in the erasure's own transaction, so only one node erases it and
 * audits it. The case file, its clocks and task facts stay: the statistics keep their counts.
 */
@Component
class RetentionSweep implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
  private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final RetentionPolicy policy;
  private final IdentityErasure identities;
  private final CaseDocuments documents;
  private final ApplicationEventPublisher events;
  private final Duration interval;

  RetentionSweep(JdbcClient jdbc, TransactionTemplate transaction, RetentionPolicy policy,
      IdentityErasure identities, CaseDocuments documents, ApplicationEventPublisher events,
      RetentionSettings settings) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.policy = policy;
    this.identities = identities;
    this.documents = documents;
    this.events = events;
    this.interval = settings.sweepInterval();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
  }

  /** Answers how many cases were erased by this node. */
  public int sweep() {
    Map<RecordKind, Period> periods = policy.periods();
    // Identity and documents go together: the documents' key is the identity's case key.
    Period keep = periods.get(RecordKind.IDENTITY);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant closedBefore = now.atZone(PAKISTAN).minus(keep).toInstant();
    List<String> due = jdbc.sql("""
            select f.case_number from case_file f
            where f.stage = 'CLOSED' and f.stage_entered_at < ?
              and not exists (select 1 from legal_hold h where h.case_number = f.case_number)
              and not exists (select 1 from case_erasure e where e.case_number = f.case_number)
            order by f.stage_entered_at""")
        .param(toColumn(closedBefore)).query(String.class).list();
    int erased = 0;
    for (String caseNumber : due) {
      try {
        if (Boolean.TRUE.equals(transaction.execute(status -> erase(caseNumber, keep, now)))) {
          erased++;
        }
      } catch (DuplicateKeyException claimedElsewhere) {
        log.debug("Case {} was erased by another node", caseNumber);
      }
    }
    if (erased > 0) {
      log.info("Erased the identity and documents of {} closed case(s)", erased);
    }
    return erased;
  }

  private boolean erase(String caseNumber, Period keep, Instant now) {
    // Claimed first; a hold placed meanwhile (same row lock order: hold, then claim) wins.
    if (jdbc.sql("select count(*) from legal_hold where case_number = ?").param(caseNumber)
        .query(Integer.class).single() > 0) {
      return false;
    }
    String records = "identity, documents (kept " + keep + " after closure)";
    jdbc.sql("insert into case_erasure (case_number, erased_at, records) values (?, ?, ?)")
        .params(caseNumber, toColumn(now), records).update();
    boolean identity = identities.erase(caseNumber);
    int papers = documents.eraseAll(caseNumber);
    events.publishEvent(new RecordsErased(caseNumber, records + ": "
        + (identity ? "identity" : "no identity") + ", " + papers + " document(s)"));
    return true;
  }
}
