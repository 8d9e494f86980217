package pk.hifazat.policy;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import pk.hifazat.checks.Finding;

/**
 * A deployment the checks refused. A process engine exception, so that the deployment is rolled
 * back whatever door it came through, and the engine's REST API answers it as a bad request.
 */
public class PathwayRefused extends ProcessEngineException {

  private final transient List<Finding> findings;

  PathwayRefused(List<Finding> findings) {
    super("The pathway change was refused; nothing was deployed:\n"
        + findings.stream().filter(Finding::refuses).map(finding -> "- " + finding.line())
            .collect(Collectors.joining("\n")));
    this.findings = List.copyOf(findings);
  }

  public List<Finding> findings() {
    return findings;
  }
}
