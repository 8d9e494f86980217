/**
 * Who may do what, by every door: logins and their throttle, Camunda authorizations and per-
 * case grants, the engine-level guard on routing variables, task hands, due dates and jobs
 * (R-GIRL-FEMALE-CARE, R-NO-DISCLOSURE), canonical requests. Owns no table (it reads
 * Camunda's identity tables); publishes {@code LoginFailed}, {@code AccountLocked}, {@code
 * AdministratorRecovered}.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"area", "support"})
package pk.hifazat.security;

import org.springframework.modulith.ApplicationModule;
