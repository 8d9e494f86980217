package pk.hifazat.intake;

/**
 * A report was registered and its case started, or a closed case started again for the same
 * child. Published inside the registration's transaction.
 */
public record CaseRegistered(String caseNumber, String processInstanceId, String source,
    boolean reopened, String registeredBy) {}
