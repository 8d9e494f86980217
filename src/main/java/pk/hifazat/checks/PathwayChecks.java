package pk.hifazat.checks;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every check a pathway change passes before it goes live, whatever door it comes through: it
 * reads and the engine accepts it, it follows the modelling rules, it keeps every statutory
 * deadline and sends a girl's tasks to female officers only, its expressions reach no further
 * than a pathway needs, it starts only through intake and its forms carry no markup. Also says
 * what it changes.
 */
@Component
public class PathwayChecks {

  private final ObjectProvider<ProcessEngine> engine;

  PathwayChecks(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  /** The checks of a deployment, answered without deploying anything. */
  public CheckReport dryRun(PathwayFiles files) {
    ProcessEngineConfigurationImpl configuration = configuration();
    return configuration.getCommandExecutorTxRequired()
        .execute(context -> check(files, context, configuration));
  }

  public CheckReport check(PathwayFiles files, CommandContext context,
      ProcessEngineConfigurationImpl configuration) {
    CompiledModelSchemas.install();
    List<Finding> findings = new ArrayList<>();
    ParsedPathways parsed = ParsedPathways.read(files, findings);
    boolean restore = context.isAuthorizationCheckEnabled();
    // What is deployed is compared with, not shown: the caller's own permissions do not apply.
    context.disableAuthorizationCheck();
    try {
      PathwayLibrary library = new EngineLibrary(context);
      EngineAcceptance.check(files, parsed, configuration, findings);
      parsed.processes.forEach((resource, model) -> {
        ModellingRules.check(resource, model, findings);
        HifazatModelRules.check(resource, model, parsed, library, findings);
        StatutoryGuard.check(resource, model, library, findings);
        GirlsTaskGuard.check(resource, model, findings);
        ExpressionGuard.check(resource, model, findings);
        IntakeOnlyStarts.check(resource, model, findings);
        RoutingSetAtIntake.check(resource, model, findings);
      });
      parsed.decisions.forEach((resource, model) -> {
        HifazatModelRules.check(resource, model, findings);
        ExpressionGuard.check(resource, model, findings);
      });
      parsed.forms.forEach((resource, form) -> {
        FormMarkupGuard.check(resource, form, findings);
        RoutingSetAtIntake.check(resource, form, findings);
      });
      return CheckReport.of(findings, PathwayDiff.of(parsed, library));
    } finally {
      if (restore) {
        context.enableAuthorizationCheck();
      }
    }
  }

  /**
   * Which deployed versions a check made now would compare the files with: a report made when
   * the answer was the same still holds. Runs in a command context.
   */
  public String libraryVersion(CommandContext context) {
    boolean restore = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try {
      return new EngineLibrary(context).version();
    } finally {
      if (restore) {
        context.enableAuthorizationCheck();
      }
    }
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
  }
}
