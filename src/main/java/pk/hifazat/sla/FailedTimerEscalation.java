package pk.hifazat.sla;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import pk.hifazat.area.AreaGroups;

/**
 * A job of a case that runs out of retries leaves its timer stopped: if the case has a statutory
 * clock open (R-COURT-24H, R-DECISION-4M, R-DELAY-60D), that clock turns AT_RISK and the district's
 * supervisor gets a review task at once, in the same transaction as the incident — never silence.
 */
class FailedTimerEscalation implements IncidentHandler {

  private static final Logger log = LoggerFactory.getLogger(FailedTimerEscalation.class);

  private final ObjectProvider<DeadlineClocks> clocks;

  FailedTimerEscalation(ObjectProvider<DeadlineClocks> clocks) {
    this.clocks = clocks;
  }

  @Override
  public String getIncidentHandlerType() {
    return Incident.FAILED_JOB_HANDLER_TYPE;
  }

  @Override
  public Incident handleIncident(IncidentContext context, String message) {
    if (context.getExecutionId() == null) {
      return null;
    }
    ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
        .findExecutionById(context.getExecutionId());
    if (execution == null) {
      return null;
    }
    List<Clock> statutes = clocks.getObject().escalateStoppedTimer(
        execution.getProcessInstanceId());
    if (statutes.isEmpty()) {
      return null;
    }
    // The review is the engine's own step, whoever's manual retry spent the last attempt.
    IdentityService identity = Context.getProcessEngineConfiguration().getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      statutes.forEach(clock -> askSupervisors(clock, context));
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
    return null;
  }

  private static void askSupervisors(Clock clock, IncidentContext context) {
    log.warn("A job of case {} failed with {} open ({}); its supervisors are asked to act",
        clock.caseNumber(), clock.rule(), context.getActivityId());
    RuntimeService runtime = Context.getProcessEngineConfiguration().getRuntimeService();
    runtime.startProcessInstanceByKey(BreachNotifier.REVIEW_PROCESS, clock.caseNumber(),
        Map.of("breachedRule", clock.rule(),
            "breachDueAt", BreachNotifier.TIME.format(clock.dueAt()),
            "reviewReason", "The engine could not run this deadline's step ("
                + context.getActivityId() + "): make sure it is done on time by hand",
            "supervisorsGroup", AreaGroups.supervisors(clock.province(), clock.district()),
            "province", clock.province(),
            "district", clock.district()));
  }

  @Override
  public void resolveIncident(IncidentContext context) {}

  @Override
  public void deleteIncident(IncidentContext context) {}
}
