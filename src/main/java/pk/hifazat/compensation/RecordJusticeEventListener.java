package pk.hifazat.compensation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/**
 * R-PROSECUTION: an investigation, prosecution, verdict or sentence task completed; records the
 * event its model declares with {@code justice.event} in {@code justice_event}.
 */
@Component("recordJusticeEvent")
@PathwayBean
class RecordJusticeEventListener implements TaskListener {

  private final CompensationRecords events;

  RecordJusticeEventListener(CompensationRecords events) {
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    events.record(task, DeclaredEvent.of(task, JusticeEvent.PROPERTY, JusticeEvent.class));
  }
}
