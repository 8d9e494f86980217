/**
 * Camunda's REST API through its two doors ({@code /engine-rest}, the webapps' API) with the
 * same answers: RFC 9457 problems, 4xx for the caller's errors, no stack traces or submitted
 * values in messages. Owns no table.
 */
@ApplicationModule(displayName = "Engine REST", allowedDependencies = {"policy", "support"})
package pk.hifazat.enginerest;

import org.springframework.modulith.ApplicationModule;
