/**
 * A child's identity, stored apart and encrypted with the installation's key, readable only by
 * the case's officers (R-NO-DISCLOSURE). Owns the tables {@code child_identity}, {@code
 * case_key} (each case's own key, wrapped) and {@code identity_key} (the key's fingerprint,
 * checked by every node at start); publishes {@code ChildIdentityRead} and {@code
 * ChildIdentityWritten}. Owns {@code disclosure_permission} too: what a court permitted an agency
 * to know of the identity, and publishes {@code DisclosurePermitted}.
 */
@ApplicationModule(displayName = "Child identity", allowedDependencies = {"area", "casefile", "support"})
package pk.hifazat.identity;

import org.springframework.modulith.ApplicationModule;
