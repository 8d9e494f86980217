/**
 * A child's identity, stored apart and encrypted with the installation's key, readable only by
 * the case's officers (R-NO-DISCLOSURE). Owns the table {@code child_identity}; publishes
 * {@code ChildIdentityRead} and {@code ChildIdentityWritten}.
 */
@ApplicationModule(displayName = "Child identity", allowedDependencies = {"casefile", "support"})
package pk.hifazat.identity;

import org.springframework.modulith.ApplicationModule;
