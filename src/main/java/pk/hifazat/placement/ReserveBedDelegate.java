package pk.hifazat.placement;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.casefile.CaseVariables;
import pk.hifazat.support.PathwayBean;

/**
 * Takes a bed at the institution the registry chooses for the child and records it; with no
 * suitable bed free anywhere in the province, raises {@code NO_BED} for the model to hand on.
 */
@Component("reserveBed")
@PathwayBean
class ReserveBedDelegate implements JavaDelegate {

  private final PlacementRegistry registry;

  ReserveBedDelegate(PlacementRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer courtAge = PlacementVariables.COURT_AGE_DECISION_YEARS.from(execution);
    PlacementNeed need = PlacementNeed.of(
        RoutingVariables.PROVINCE.from(execution),
        RoutingVariables.DISTRICT.from(execution),
        RoutingVariables.CHILD_SEX.from(execution),
        courtAge != null ? courtAge : CaseVariables.CHILD_AGE_YEARS.from(execution),
        CaseVariables.OFFENCE_TYPES.from(execution),
        PlacementVariables.SPECIALISED_SHELTER_OFFENCES.from(execution));
    Institution institution = registry.reserveBed(need).orElseThrow(() -> new BpmnError(
        PlacementVariables.NO_BED, "No suitable institution in " + need.district() + " or "
            + need.province() + " has a free bed"));
    PlacementVariables.INSTITUTION_ID.set(execution, institution.id());
    PlacementVariables.INSTITUTION_NAME.set(execution, institution.name());
  }
}
