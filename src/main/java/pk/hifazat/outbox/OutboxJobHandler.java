package pk.hifazat.outbox;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/** Runs an outbox job: hands its payload to the {@link OwedWork} of its kind. */
class OutboxJobHandler implements JobHandler<OwedItem> {

  private final Supplier<List<OwedWork>> work;

  OutboxJobHandler(Supplier<List<OwedWork>> work) {
    this.work = work;
  }

  @Override
  public String getType() {
    return Outbox.JOB_TYPE;
  }

  @Override
  public void execute(OwedItem item, ExecutionEntity execution, CommandContext context,
      String tenantId) {
    work.get().stream()
        .filter(candidate -> candidate.kind().equals(item.kind()))
        .findFirst()
        // Stays owed (and becomes an incident when its attempts run out) until a release that
        // knows the kind runs it: never dropped.
        .orElseThrow(() -> new IllegalStateException("No work of kind '" + item.kind()
            + "' is known to this node"))
        .perform(item.payload());
  }

  @Override
  public OwedItem newConfiguration(String canonical) {
    return OwedItem.parse(canonical);
  }

  @Override
  public void onDelete(OwedItem item, JobEntity job) {}
}
