package pk.hifazat.retention;

/** A supervisor stopped the erasure of a case's records (the reason stays in the hold). */
public record LegalHoldPlaced(String caseNumber, String placedBy) {}
