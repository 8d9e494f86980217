package pk.hifazat.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine calls a start-up makes (groups, users, grants), committed once instead of once per
 * call. Each call stays an engine command of its own, whose writes are flushed when it ends, so a
 * later call in the same transaction reads what an earlier one wrote; they all commit, or none.
 */
final class StartupTransaction {

  private StartupTransaction() {}

  static void run(ProcessEngine engine, Runnable calls) {
    if (engine instanceof ProcessEngineImpl impl
        && impl.getProcessEngineConfiguration()
            instanceof SpringTransactionsProcessEngineConfiguration spring) {
      new TransactionTemplate(spring.getTransactionManager())
          .executeWithoutResult(status -> calls.run());
    } else {
      calls.run();
    }
  }
}
