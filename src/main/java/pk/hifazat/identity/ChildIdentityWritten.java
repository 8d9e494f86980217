package pk.hifazat.identity;

/** A child's identity was recorded or replaced. */
public record ChildIdentityWritten(String caseNumber, String writtenBy) {}
