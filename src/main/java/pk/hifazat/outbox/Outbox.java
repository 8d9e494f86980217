package pk.hifazat.outbox;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records work owed after the current transaction commits. The work is a job in the same
 * transaction as the fact that owes it: both are committed, or neither.
 */
@Component
public class Outbox {

  /** The engine's name for the outbox's jobs. */
  static final String JOB_TYPE = "hifazat-owed-work";

  private final ObjectProvider<ProcessEngine> engine;

  Outbox(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  /** Owes {@code kind} work with its payload; must be called inside the fact's transaction. */
  public void owe(String kind, String payload) {
    OwedItem item = new OwedItem(kind, payload == null ? "" : payload);
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      send(current, item);
      return;
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      // Outside a transaction the work would be committed apart from its fact.
      throw new IllegalStateException("Owed work '" + kind + "' recorded outside a transaction");
    }
    // Joins the caller's transaction (the engine's Spring integration propagates REQUIRED).
    ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(context -> {
          send(context, item);
          return null;
        });
  }

  private static void send(CommandContext context, OwedItem item) {
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(JOB_TYPE);
    job.setJobHandlerConfiguration(item);
    job.setRetries(OutboxRetry.ATTEMPTS);
    context.getJobManager().send(job);
  }
}
