package pk.hifazat.matching;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/** Closes a possible match the supervisor found not to be the same child. */
@Component("declineMatch")
@PathwayBean
class DeclineMatchDelegate implements JavaDelegate {

  private final MatchLinking linking;

  DeclineMatchDelegate(MatchLinking linking) {
    this.linking = linking;
  }

  @Override
  public void execute(DelegateExecution execution) {
    linking.decline(MatchingVariables.MATCH_ID.from(execution), Deciders.of(execution));
  }
}
