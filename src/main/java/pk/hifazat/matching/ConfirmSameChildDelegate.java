package pk.hifazat.matching;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/** Links the two cases the supervisor confirmed to be the same child. */
@Component("linkSameChild")
@PathwayBean
class ConfirmSameChildDelegate implements JavaDelegate {

  private final MatchLinking linking;

  ConfirmSameChildDelegate(MatchLinking linking) {
    this.linking = linking;
  }

  @Override
  public void execute(DelegateExecution execution) {
    linking.confirm(MatchingVariables.MATCH_ID.from(execution), Deciders.of(execution));
  }
}
