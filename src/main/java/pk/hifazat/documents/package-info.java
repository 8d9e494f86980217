/**
 * The papers of a case: FIR copies, medical and age reports, court orders, consent forms, each
 * checked to be the file it says it is, encrypted with the case's key and read only by those who
 * may read the child's identity, every read audited (R-NO-DISCLOSURE). Owns the table {@code
 * case_document}; publishes {@code CaseDocumentAttached} and {@code CaseDocumentRead}.
 */
@ApplicationModule(displayName = "Case documents", allowedDependencies = {"casefile", "identity", "support"})
package pk.hifazat.documents;

import org.springframework.modulith.ApplicationModule;
