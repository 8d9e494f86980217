/**
 * Compensation and prosecution: every claim, decision, appeal and disbursement, and every step
 * of the case in court, recorded where the Committee asked for it. Owns the tables
 * {@code compensation_event} and {@code justice_event}.
 */
@ApplicationModule(displayName = "Compensation", allowedDependencies = {"area", "casefile", "support"})
package pk.hifazat.compensation;

import org.springframework.modulith.ApplicationModule;
