package pk.hifazat.documents;

/** A document was attached to a case (its type and id, never its content). */
public record CaseDocumentAttached(String caseNumber, String documentId, String documentType,
    String attachedBy) {}
