package pk.hifazat.policy;

import java.time.Instant;
import java.util.List;
import pk.hifazat.checks.Finding;
import pk.hifazat.checks.PathwayChange;

/** One change to the pathways, deployed or refused. */
public record PathwayDeploymentRecord(String id, String deploymentId, DeploymentDoor door,
    String source, Outcome outcome, String deployedBy, Instant deployedAt, List<String> resources,
    List<PathwayChange> changes, List<Finding> findings) {

  public enum Outcome {
    DEPLOYED,
    REFUSED
  }
}
