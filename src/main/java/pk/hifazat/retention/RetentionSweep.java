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
import pk.hifazat.notes.NoteErasure;
import pk.hifazat.retention.RetentionPolicy.RecordKind;

/**
 * Erases each kind of record of a closed case (identity, documents, notes) when that kind's own
 * retention period ends, unless a legal hold keeps the case. Safe on several nodes: each
 * erasure is claimed by inserting its {@code case_erasure} row (case and kind) in the erasure's
 * own transaction, with its audit, so only one node erases and audits it. The case file, its
 * clocks and task facts stay: the statistics keep their counts.
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
  private final NoteErasure notes;
  private final ApplicationEventPublisher events;
  private final Duration interval;

  RetentionSweep(JdbcClient jdbc, TransactionTemplate transaction, RetentionPolicy policy,
      IdentityErasure identities, CaseDocuments documents, NoteErasure notes,
      ApplicationEventPublisher events, RetentionSettings settings) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.policy = policy;
    this.identities = identities;
    this.documents = documents;
    this.notes = notes;
    this.events = events;
    this.interval = settings.sweepInterval();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
  }

  /** Applies the policy file as it reads now; answers how many erasures this node made. */
  public int sweep() {
    return sweep(policy.periods());
  }

  /** Applies the given periods; answers how many erasures (a case's kind) this node made. */
  int sweep(Map<RecordKind, Period> periods) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int erased = 0;
    for (Map.Entry<RecordKind, Period> entry : periods.entrySet()) {
      RecordKind kind = entry.getKey();
      Period keep = entry.getValue();
      Instant closedBefore = now.atZone(PAKISTAN).minus(keep).toInstant();
      List<String> due = jdbc.sql("""
              select f.case_number from case_file f
              where f.stage = 'CLOSED' and f.stage_entered_at < ?
                and not exists (select 1 from legal_hold h where h.case_number = f.case_number)
                and not exists (select 1 from case_erasure e
                                where e.case_number = f.case_number and e.kind = ?)
              order by f.stage_entered_at""")
          .params(toColumn(closedBefore), kind.name()).query(String.class).list();
      for (String caseNumber : due) {
        try {
          if (Boolean.TRUE.equals(
              transaction.execute(status -> erase(caseNumber, kind, keep, now)))) {
            erased++;
          }
        } catch (DuplicateKeyException claimedElsewhere) {
          log.debug("The {} of case {} were erased by another node", kind.key(), caseNumber);
        } catch (RuntimeException failed) {
          // Rolled back with its claim and audit: tried again at the next sweep; the other
          // cases are not held up by this one.
          log.error("Could not erase the {} of case {}", kind.key(), caseNumber, failed);
        }
      }
    }
    if (erased > 0) {
      log.info("Made {} erasure(s) of closed cases' records whose period ended", erased);
    }
    return erased;
  }

  private boolean erase(String caseNumber, RecordKind kind, Period keep, Instant now) {
    // A hold placed since the case was listed wins.
    if (jdbc.sql("select count(*) from legal_hold where case_number = ?").param(caseNumber)
        .query(Integer.class).single() > 0) {
      return false;
    }
    String records = kind.key() + " (kept " + keep + " after closure)";
    // The claim: a second node erasing the same case and kind fails here and rolls back.
    jdbc.sql("insert into case_erasure (case_number, kind, erased_at, records)"
            + " values (?, ?, ?, ?)")
        .params(caseNumber, kind.name(), toColumn(now), records).update();
    String what = switch (kind) {
      case IDENTITY -> identities.erase(caseNumber) ? "the identity" : "no identity recorded";
      case DOCUMENTS -> documents.eraseAll(caseNumber) + " document(s), the case's key shredded";
      case NOTES -> notes.eraseAll(caseNumber) + " note(s)";
    };
    events.publishEvent(new RecordsErased(caseNumber, records + ": " + what));
    return true;
  }
}
