/**
 * The filters caseworkers find in Camunda Tasklist ("My tasks", "District tasks"...). Owns no
 * table of its own; writes Camunda's filters at start-up.
 */
@ApplicationModule(displayName = "Tasklist", allowedDependencies = {"area", "casefile", "support"})
package pk.hifazat.tasklist;

import org.springframework.modulith.ApplicationModule;
