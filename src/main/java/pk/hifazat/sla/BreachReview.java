package pk.hifazat.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.outbox.OwedWork;
import pk.hifazat.support.EngineAsSystem;

/**
 * Starts the supervisor's review of a recorded breach, unless the case's model escalates that
 * deadline itself (court production does for R-COURT-24H). Carries nothing that identifies the
 * child (R-NO-DISCLOSURE). Runs in the outbox job's transaction: one review per breach.
 */
@Component
class BreachReview implements OwedWork {

  static final String KIND = "deadline-breach-review";

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final DeadlineDeclarations declarations;
  private final EngineAsSystem system;
  private final ObjectMapper json;

  BreachReview(RuntimeService runtimeService, HistoryService historyService,
      DeadlineDeclarations declarations, EngineAsSystem system, ObjectMapper json) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.declarations = declarations;
    this.system = system;
    this.json = json;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void perform(String payload) {
    DeadlineBreached breach = BreachNotifier.read(json, payload);
    if (escalatedByModel(breach)) {
      return;
    }
    // The application's own step, whoever's request recorded the breach.
    system.query(() -> runtimeService.startProcessInstanceByKey(BreachNotifier.REVIEW_PROCESS,
        breach.caseNumber(), Map.of(
            "breachedRule", breach.rule(),
            "breachDueAt", BreachNotifier.TIME.format(breach.dueAt()),
            "supervisorsGroup", AreaGroups.supervisors(breach.province(), breach.district()),
            "province", breach.province(),
            "district", breach.district())));
  }

  private boolean escalatedByModel(DeadlineBreached breach) {
    HistoricProcessInstance instance = system.query(() ->
        historyService.createHistoricProcessInstanceQuery()
            .processInstanceId(breach.processInstanceId()).singleResult());
    return instance != null
        && declarations.escalatedByModel(instance.getProcessDefinitionId(), breach.rule());
  }
}
