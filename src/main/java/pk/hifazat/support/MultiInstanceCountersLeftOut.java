package pk.hifazat.support;

import static org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior.LOOP_COUNTER;
import static org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior.NUMBER_OF_ACTIVE_INSTANCES;
import static org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior.NUMBER_OF_COMPLETED_INSTANCES;
import static org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior.NUMBER_OF_INSTANCES;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's counters of a multi-instance activity are its bookkeeping, not the case's: how
 * many referrals were started, are running and have ended, and each one's place in the list
 * (R-REFERRAL runs one branch per agency). The history holds each branch already, by its activity
 * instances and its own values (the agency, its decision, consent and outcome); the counters were
 * one in 26 of the rows a case wrote. Every event of them is left out (made, changed,
 * removed), so none is recorded in part; a completion condition reads them at run time as
 * before. Counters recorded before this rule, of referrals running when it came, keep the last
 * value they were recorded with: bookkeeping that nothing reads.
 *
 * <p>The engine keeps them on the executions inside a process, never on the process instance
 * itself or on a task: a variable of the same name there is somebody's, and history. A person
 * who sets a counter through the engine's API (an administrator: nobody else may) is in the
 * audit trail by the counter's name, as for every variable.
 */
@Component
@Order(HistoryLeftOut.BY_THE_EVENT)
class MultiInstanceCountersLeftOut implements HistoryLeftOut {

  private static final Set<String> COUNTERS = Set.of(NUMBER_OF_INSTANCES,
      NUMBER_OF_ACTIVE_INSTANCES, NUMBER_OF_COMPLETED_INSTANCES, LOOP_COUNTER);

  @Override
  public boolean leavesOut(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable
        && COUNTERS.contains(variable.getVariableName())
        && variable.getTaskId() == null
        && variable.getExecutionId() != null
        && !variable.getExecutionId().equals(variable.getProcessInstanceId());
  }
}
