/**
 * Moving running cases to a new version of their pathway when a policy editor decides it: what
 * the move would change for them, then Camunda's migration batch. Owns no table; publishes
 * {@code CasesMigrated}.
 */
@ApplicationModule(displayName = "Migration", allowedDependencies = {"checks", "sla", "support"})
package pk.hifazat.migration;

import org.springframework.modulith.ApplicationModule;
