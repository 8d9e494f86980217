package pk.hifazat.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;

/**
 * The engine calls a start-up makes (groups, users, grants) run as one engine command: one
 * transaction, and everything they write sent to the database in one flush at its end, instead
 * of a round trip and a commit per call. Until then the engine's queries do not see those writes:
 * a start-up reads what exists first, then writes only what is missing.
 */
final class StartupCommand {

  private StartupCommand() {}

  static void run(ProcessEngine engine, Runnable calls) {
    ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired()
        .execute(context -> {
          calls.run();
          return null;
        });
  }
}
