package pk.hifazat.policy;

import java.util.List;

/** A pathway change passed the checks and was deployed, in the deployment's transaction. */
public record PathwayChangeDeployed(String deploymentId, String user, List<String> resources) {}
