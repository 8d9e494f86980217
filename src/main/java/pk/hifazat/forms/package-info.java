/**
 * The check on completion: a task completes only with values its Camunda Form accepts, through
 * Tasklist, engine REST or the Java API. Owns no table.
 */
@ApplicationModule(displayName = "Task forms", allowedDependencies = {"area", "support"})
package pk.hifazat.forms;

import org.springframework.modulith.ApplicationModule;
