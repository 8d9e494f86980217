package pk.hifazat.documents;

import org.springframework.stereotype.Component;
import pk.hifazat.identity.CaseKeys;

/** The documents of a case, for retention: erasing them all when their period ends. */
@Component
public class CaseDocuments {

  private final CaseDocumentRepository documents;
  private final CaseKeys keys;

  CaseDocuments(CaseDocumentRepository documents, CaseKeys keys) {
    this.documents = documents;
    this.keys = keys;
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
