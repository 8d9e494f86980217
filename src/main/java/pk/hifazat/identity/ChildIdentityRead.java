package pk.hifazat.identity;

/** A child's identity was decrypted for a reader (R-NO-DISCLOSURE: every read is audited). */
public record ChildIdentityRead(String caseNumber, String readBy) {}
