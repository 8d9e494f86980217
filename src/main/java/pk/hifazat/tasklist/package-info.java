/**
 * A caseworker's day: the filters and case cards in Camunda Tasklist ("My group tasks", "District
 * tasks"...), its Urdu and English, and the officers' report form. Owns no table of its own;
 * writes Camunda's filters at start-up and each task's card variables.
 */
@ApplicationModule(displayName = "Tasklist", allowedDependencies = {"area", "casefile", "support"})
package pk.hifazat.tasklist;

import org.springframework.modulith.ApplicationModule;
