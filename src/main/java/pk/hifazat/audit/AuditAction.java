package pk.hifazat.audit;

/** What an audit event records. */
public enum AuditAction {
  CASE_REGISTERED,
  CASE_REOPENED,
  CASE_READ,
  TASK_COMPLETED,
  CASE_STOPPED,
  IDENTITY_WRITTEN,
  IDENTITY_READ,
  LOGIN_FAILED,
  ACCOUNT_LOCKED,
  PATHWAY_DEPLOYED,
  PATHWAY_REFUSED
}
