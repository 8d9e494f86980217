package pk.hifazat.retention;

/** A closed case's retention period ended: the named kinds of record were erased. */
public record RecordsErased(String caseNumber, String records) {}
