package pk.hifazat.documents;

/** What a paper of the case is. */
enum DocumentType {
  /** The police's First Information Report. */
  FIR,
  /** The medico-legal or treatment report of the hospital. */
  MEDICAL_REPORT,
  /** The Medical Superintendent's report on a disputed age (R-AGE-DISPUTE). */
  AGE_REPORT,
  /** An order of the court: custody, placement, release, age (R-COURT-24H, R-NO-REMOVAL). */
  COURT_ORDER,
  /** A consent form signed by the child or the guardian. */
  CONSENT,
  OTHER
}
