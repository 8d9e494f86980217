/**
 * Where cases get stuck: task facts recorded as tasks come and go, the bottleneck API and the
 * managers' dashboard page, work metrics. Owns the table {@code task_fact}.
 */
@ApplicationModule(displayName = "Reporting", allowedDependencies = {"area", "security", "support"})
package pk.hifazat.reporting;

import org.springframework.modulith.ApplicationModule;
