/**
 * Mechanisms every module shares and no rule: RFC 9457 problem answers, request body limits,
 * typed process variables ({@link pk.hifazat.support.ProcessVariable}), the engine as the
 * application ({@link pk.hifazat.support.EngineAsSystem}), parse-listener plumbing and the
 * mark of a bean the pathways may call ({@link pk.hifazat.support.PathwayBean}). Owns no
 * table.
 */
@ApplicationModule(displayName = "Support", allowedDependencies = {})
package pk.hifazat.support;

import org.springframework.modulith.ApplicationModule;
