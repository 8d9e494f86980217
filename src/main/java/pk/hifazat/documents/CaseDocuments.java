package pk.hifazat.documents;

import org.springframework.stereotype.Component;
import pk.hifazat.identity.CaseKeys;

/**
 * The documents of a case, for other modules: whether a task's form names one of them, and
 * erasing them all when their retention period ends.
 */
@Component
public class CaseDocuments {

  private final CaseDocumentRepository documents;
  private final CaseKeys keys;

  CaseDocuments(CaseDocumentRepository documents, CaseKeys keys) {
    this.documents = documents;
    this.keys = keys;
  }

  /**
   * Whether {@code documentId} is a document of the case and of the given type (one of {@code
   * FIR, MEDICAL_REPORT, AGE_REPORT, COURT_ORDER, CONSENT, OTHER}): a task that needs a paper
   * asks for its id.
   */
  public boolean holds(String caseNumber, String documentId, String documentType) {
    return documents.find(caseNumber, documentId)
        .filter(document -> document.type().name().equals(documentType)).isPresent();
  }

  /**
   * Deletes every document of the case and then shreds the case's key, which sealed only them:
   * copies in backups can no longer be read either (R-NO-DISCLOSURE). Answers how many
   * documents there were.
   */
  public int eraseAll(String caseNumber) {
    int erased = documents.deleteAll(caseNumber);
    keys.shred(caseNumber);
    return erased;
  }
}
