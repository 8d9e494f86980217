/**
 * The victim-identification pathway's Java side: the custody it records reaches the case at
 * once, so court production starts (R-COURT-24H). Owns no table.
 */
@ApplicationModule(displayName = "Identification", allowedDependencies = {"casefile", "support"})
package pk.hifazat.identification;

import org.springframework.modulith.ApplicationModule;
