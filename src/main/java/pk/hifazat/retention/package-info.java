/**
 * Keeping and forgetting: how long each kind of record of a closed case is kept (policy staff's
 * {@code processes/retention.yaml}), the sweep that erases a closed case's identity, documents
 * and notes, each when its own period ends (the documents' erasure crypto-shreds the case's key;
 * the statistics keep their counts, the audit keeps each erasure), and the supervisors' legal
 * hold that stops it.
 * Owns the tables {@code legal_hold} and {@code case_erasure}; publishes {@code RecordsErased},
 * {@code LegalHoldPlaced} and {@code LegalHoldLifted}.
 */
@ApplicationModule(displayName = "Retention", allowedDependencies = {"area", "casefile", "documents", "identity", "notes", "support"})
package pk.hifazat.retention;

import org.springframework.modulith.ApplicationModule;
