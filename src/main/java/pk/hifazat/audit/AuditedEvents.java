package pk.hifazat.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pk.hifazat.casefile.CaseFileRead;
import pk.hifazat.documents.CaseDocumentAttached;
import pk.hifazat.documents.CaseDocumentRead;
import pk.hifazat.identity.ChildIdentityRead;
import pk.hifazat.identity.ChildIdentityWritten;
import pk.hifazat.identity.DisclosurePermitted;
import pk.hifazat.area.CaseMoved;
import pk.hifazat.intake.CaseRegistered;
import pk.hifazat.migration.CasesMigrated;
import pk.hifazat.notes.CaseNoteWritten;
import pk.hifazat.policy.PathwayChangeDeployed;
import pk.hifazat.policy.PathwayChangeRefused;
import pk.hifazat.retention.LegalHoldLifted;
import pk.hifazat.retention.LegalHoldPlaced;
import pk.hifazat.retention.RecordsErased;
import pk.hifazat.security.AccountLocked;
import pk.hifazat.security.AdministratorRecovered;
import pk.hifazat.security.LoginFailed;
import pk.hifazat.sla.DeadlineBreached;

/**
 * What the other modules report, written to the audit trail. Heard synchronously, inside the
 * publisher's transaction: an audited change and its audit entry are committed together or not
 * at all, so no entry is ever owed after a crash.
 */
@Component
class AuditedEvents {

  private final AuditLog audit;

  AuditedEvents(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  void on(CaseRegistered registered) {
    audit.record(registered.registeredBy(),
        registered.reopened() ? AuditAction.CASE_REOPENED : AuditAction.CASE_REGISTERED,
        registered.caseNumber(), registered.source());
  }

  @EventListener
  void on(CaseMoved moved) {
    audit.record(AuditAction.CASE_TRANSFERRED, moved.caseNumber(),
        moved.fromDistrict() + " (" + moved.fromProvince() + ") to " + moved.toDistrict() + " ("
            + moved.toProvince() + ")");
  }

  @EventListener
  void on(DisclosurePermitted permitted) {
    audit.record(permitted.recordedBy(), AuditAction.DISCLOSURE_PERMITTED,
        permitted.caseNumber(), permitted.agency() + " by order " + permitted.orderReference());
  }

  @EventListener
  void on(CaseFileRead read) {
    audit.record(read.readBy(), AuditAction.CASE_READ, read.caseNumber(), null);
  }

  @EventListener
  void on(ChildIdentityRead read) {
    audit.record(read.readBy(), AuditAction.IDENTITY_READ, read.caseNumber(), null);
  }

  @EventListener
  void on(ChildIdentityWritten written) {
    audit.record(written.writtenBy(), AuditAction.IDENTITY_WRITTEN, written.caseNumber(), null);
  }

  @EventListener
  void on(CaseDocumentAttached attached) {
    audit.record(attached.attachedBy(), AuditAction.DOCUMENT_ATTACHED, attached.caseNumber(),
        attached.documentType() + " " + attached.documentId());
  }

  @EventListener
  void on(CaseDocumentRead read) {
    audit.record(read.readBy(), AuditAction.DOCUMENT_READ, read.caseNumber(),
        read.documentType() + " " + read.documentId());
  }

  @EventListener
  void on(CaseNoteWritten written) {
    audit.record(written.writtenBy(), AuditAction.NOTE_WRITTEN, written.caseNumber(),
        written.noteId() + (written.corrects() == null ? "" : " corrects " + written.corrects()));
  }

  @EventListener
  void on(LegalHoldPlaced placed) {
    audit.record(placed.placedBy(), AuditAction.LEGAL_HOLD_PLACED, placed.caseNumber(), null);
  }

  @EventListener
  void on(LegalHoldLifted lifted) {
    audit.record(lifted.liftedBy(), AuditAction.LEGAL_HOLD_LIFTED, lifted.caseNumber(), null);
  }

  /** Nobody did it: the case's retention period ended. */
  @EventListener
  void on(RecordsErased erased) {
    audit.record(null, AuditAction.RECORDS_ERASED, erased.caseNumber(), erased.records());
  }

  @EventListener
  void on(PathwayChangeDeployed deployed) {
    audit.record(deployed.user(), AuditAction.PATHWAY_DEPLOYED, null,
        "deployment " + deployed.deploymentId() + ": " + String.join(", ", deployed.resources()));
  }

  @EventListener
  void on(PathwayChangeRefused refused) {
    audit.record(refused.user(), AuditAction.PATHWAY_REFUSED, null,
        String.join(", ", refused.resources()) + ": " + refused.refusals() + " findings");
  }

  /** One entry for the migration, and one in each case's own trail. */
  @EventListener
  void on(CasesMigrated migrated) {
    String moved = migrated.pathway() + " version " + migrated.sourceVersion() + " ("
        + migrated.sourceId() + ") to version " + migrated.targetVersion() + " ("
        + migrated.targetId() + ")";
    audit.record(AuditAction.PATHWAY_MIGRATED, null, moved + ": "
        + migrated.caseNumbers().size() + " case(s), batch " + migrated.batchId());
    for (String caseNumber : migrated.caseNumbers()) {
      audit.record(AuditAction.PATHWAY_MIGRATED, caseNumber, moved + ", batch "
          + migrated.batchId());
    }
  }

  @EventListener
  void on(LoginFailed failed) {
    audit.record(failed.userId(), AuditAction.LOGIN_FAILED, null, null, failed.remoteAddress());
  }

  @EventListener
  void on(AccountLocked locked) {
    audit.record(locked.userId(), AuditAction.ACCOUNT_LOCKED, null, "locked for "
        + locked.lockout() + " after " + locked.attempts() + " failed logins in a row",
        locked.remoteAddress());
  }

  @EventListener
  void on(AdministratorRecovered recovered) {
    audit.record(recovered.adminId(), AuditAction.ADMIN_RECOVERED, null, recovered.detail());
  }

  /** The engine's service account records the breach: nobody did it, a clock ran out. */
  @EventListener
  void on(DeadlineBreached breach) {
    audit.record(null, AuditAction.DEADLINE_BREACHED, breach.caseNumber(),
        breach.rule() + " due " + breach.dueAt());
  }
}
