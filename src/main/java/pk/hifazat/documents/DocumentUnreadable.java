package pk.hifazat.documents;

/** A stored paper whose ciphertext fails its integrity check: answered 500 as a problem. */
class DocumentUnreadable extends RuntimeException {

  private final String caseNumber;
  private final String documentId;

  DocumentUnreadable(String caseNumber, String documentId, RuntimeException cause) {
    super("Document " + documentId + " of case " + caseNumber + " fails its integrity check",
        cause);
    this.caseNumber = caseNumber;
    this.documentId = documentId;
  }

  String caseNumber() {
    return caseNumber;
  }

  String documentId() {
    return documentId;
  }
}
