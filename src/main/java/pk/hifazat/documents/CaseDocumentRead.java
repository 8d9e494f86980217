package pk.hifazat.documents;

/** A case's document was decrypted for a reader (R-NO-DISCLOSURE: every read is audited). */
public record CaseDocumentRead(String caseNumber, String documentId, String documentType,
    String readBy) {}
