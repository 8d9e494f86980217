/**
 * The area a case belongs to and a user answers for: the seven zones, the district registry,
 * the Camunda group scheme that follows from them ({@code cpo-pb-lahore}, {@code -female} for
 * a girl's tasks, R-GIRL-FEMALE-CARE) and the routing variables that carry them through a
 * case. Owns no table; reads the district registry ({@code hifazat.districts}).
 */
@ApplicationModule(displayName = "Areas", allowedDependencies = {"support"})
package pk.hifazat.area;

import org.springframework.modulith.ApplicationModule;
