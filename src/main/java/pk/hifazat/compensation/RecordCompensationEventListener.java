package pk.hifazat.compensation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/**
 * R-COMPENSATION: a claim, decision or payment task completed; records the event its model
 * declares with {@code compensation.event} in {@code compensation_event}.
 */
@Component("recordCompensationEvent")
@PathwayBean
class RecordCompensationEventListener implements TaskListener {

  private final CompensationRecords events;

  RecordCompensationEventListener(CompensationRecords events) {
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    events.record(task,
        DeclaredEvent.of(task, CompensationEvent.PROPERTY, CompensationEvent.class));
  }
}
