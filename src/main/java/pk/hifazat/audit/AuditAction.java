package pk.hifazat.audit;

/** What an audit event records. */
enum AuditAction {
  CASE_REGISTERED,
  CASE_REOPENED,
  /** R-TRANSFER: the case is now worked in another district; the detail names both. */
  CASE_TRANSFERRED,
  /** R-NO-DISCLOSURE: a court's permission to let an agency know part of the identity. */
  DISCLOSURE_PERMITTED,
  CASE_READ,
  TASK_COMPLETED,
  CASE_STOPPED,
  IDENTITY_WRITTEN,
  IDENTITY_READ,
  /** A paper was attached to the case (its type and id). */
  DOCUMENT_ATTACHED,
  /** A paper of the case was decrypted for a reader (R-NO-DISCLOSURE). */
  DOCUMENT_READ,
  /** A note was written on the case (its id; the text stays in the note). */
  NOTE_WRITTEN,
  /** A supervisor placed or lifted a legal hold: the case's papers are kept past their period. */
  LEGAL_HOLD_PLACED,
  LEGAL_HOLD_LIFTED,
  /** The retention period of a closed case ended: its identity and papers were erased. */
  RECORDS_ERASED,
  LOGIN_FAILED,
  ACCOUNT_LOCKED,
  ADMIN_RECOVERED,
  PATHWAY_DEPLOYED,
  PATHWAY_REFUSED,
  PATHWAY_MIGRATED,
  /** A deadline of the case ran out (published by the deadline clocks when the breach is recorded). */
  DEADLINE_BREACHED,
  // Changes through the engine, from its user operation log (OperationLogAudit), by any door:
  /** Assignment, claim, delegation, owner, candidates, due date, priority of a task. */
  TASK_CHANGED,
  /** Variables set or removed (names only, never values). */
  VARIABLE_CHANGED,
  /** Jobs and job definitions: executed, retries, due date, suspended, activated. */
  JOB_CHANGED,
  /** Process instances and definitions: started, modified, migrated, suspended, deleted. */
  PROCESS_CHANGED,
  DEPLOYMENT_CHANGED,
  /** Users, groups, memberships, tenants and authorizations. */
  ACCOUNT_CHANGED,
  /** Any other operation the engine logs (incidents, batches, decisions, history). */
  ENGINE_CHANGED
}
