package pk.hifazat.placement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/** The child left the institution: the bed the registry held for the child is free again. */
@Component("releaseBed")
@PathwayBean
class ReleaseBedDelegate implements JavaDelegate {

  private final PlacementRegistry registry;

  ReleaseBedDelegate(PlacementRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registry.releaseBed(PlacementVariables.INSTITUTION_ID.from(execution));
  }
}
