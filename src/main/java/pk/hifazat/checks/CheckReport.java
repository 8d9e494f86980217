package pk.hifazat.checks;

import java.util.List;

/** What the checks found in a change, and what the change would do to the versions before it. */
public record CheckReport(boolean accepted, List<Finding> findings, List<PathwayChange> changes) {

  static CheckReport of(List<Finding> findings, List<PathwayChange> changes) {
    return new CheckReport(findings.stream().noneMatch(Finding::refuses), List.copyOf(findings),
        List.copyOf(changes));
  }
}
