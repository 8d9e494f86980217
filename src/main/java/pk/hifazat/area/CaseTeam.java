package pk.hifazat.area;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/**
 * Who works a case's tasks, written once for every model: {@code
 * camunda:candidateGroups="${caseTeam.officers(execution)}"}. A girl's tasks go to the female
 * officers of her district only (R-GIRL-FEMALE-CARE); the deployment check works this bean out
 * for a girl before it accepts a model that names it.
 */
@Component("caseTeam")
@PathwayBean
public class CaseTeam {

  /** The candidate group of the case's officer tasks, from the routing variables set at intake. */
  public String officers(VariableScope scope) {
    return "F".equals(RoutingVariables.CHILD_SEX.from(scope))
        ? RoutingVariables.FEMALE_OFFICERS_GROUP.from(scope)
        : RoutingVariables.OFFICERS_GROUP.from(scope);
  }
}
