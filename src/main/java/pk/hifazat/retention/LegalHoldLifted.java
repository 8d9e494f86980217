package pk.hifazat.retention;

/** A supervisor lifted a case's legal hold: its records are erased when their period ends. */
public record LegalHoldLifted(String caseNumber, String liftedBy) {}
