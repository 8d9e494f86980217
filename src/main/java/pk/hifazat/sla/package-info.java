/**
 * Deadline clocks declared in the models ({@code sla.*} properties): started, warned, breached
 * and stopped with the elements that declare them, carried along when cases migrate, escalated
 * when a statutory timer fails; the managers' deadline API and metrics. Owns the table {@code
 * sla_clock}; publishes {@code DeadlineBreached} and
 * owes a supervisor's review and e-mail for each breach through the outbox.
 */
@ApplicationModule(displayName = "Deadlines", allowedDependencies = {"area", "outbox", "security", "support"})
package pk.hifazat.sla;

import org.springframework.modulith.ApplicationModule;
