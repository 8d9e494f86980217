/**
 * The doors through which policy staff change pathways (the policy page and its API, the
 * processes/ and forms/ folders at start-up, any engine door) and the record of each change,
 * deployed or refused. Owns the table {@code pathway_deployment}; publishes {@code
 * PathwayChangeDeployed} and {@code PathwayChangeRefused}.
 */
@ApplicationModule(displayName = "Pathway deployment", allowedDependencies = {"checks", "support"})
package pk.hifazat.policy;

import org.springframework.modulith.ApplicationModule;
