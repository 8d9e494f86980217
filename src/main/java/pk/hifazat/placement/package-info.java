/**
 * Safe placement: the institution registry with its beds, reserved and released atomically, a
 * girl only where female staff care (R-GIRL-FEMALE-CARE). Owns the table {@code institution}.
 */
@ApplicationModule(displayName = "Placement", allowedDependencies = {"area", "casefile", "support"})
package pk.hifazat.placement;

import org.springframework.modulith.ApplicationModule;
