package pk.hifazat.documents;

import org.springframework.stereotype.Component;

/** The documents of a case, for retention: how many there are, and erasing them all. */
@Component
public class CaseDocuments {

  private final CaseDocumentRepository documents;

  CaseDocuments(CaseDocumentRepository documents) {
    this.documents = documents;
  }

  /** Deletes every document of the case; answers how many there were. */
  public int eraseAll(String caseNumber) {
    return documents.deleteAll(caseNumber);
  }
}
