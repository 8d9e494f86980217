/**
 * Deadline clocks declared in the models ({@code sla.*} properties): started, warned, breached
 * and stopped with the elements that declare them, carried along when cases migrate, escalated
 * when a statutory timer fails; the managers' deadline API and metrics. Owns the table {@code
 * sla_clock}; publishes {@code DeadlineBreached}.
 */
@ApplicationModule(displayName = "Deadlines", allowedDependencies = {"area", "security", "support"})
package pk.hifazat.sla;

import org.springframework.modulith.ApplicationModule;
