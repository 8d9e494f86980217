/**
 * The check on completion: a task completes only with values its Camunda Form accepts, through
 * Tasklist, engine REST or the Java API, and with the papers its form asks for attached to the
 * case. Owns no table.
 */
@ApplicationModule(displayName = "Task forms",
    allowedDependencies = {"area", "documents", "support"})
package pk.hifazat.forms;

import org.springframework.modulith.ApplicationModule;
