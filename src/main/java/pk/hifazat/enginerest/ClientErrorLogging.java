package pk.hifazat.enginerest;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;
import pk.hifazat.policy.PathwayRefused;

/**
 * The engine logs a failed command as an error with its stack trace unless it is a race or a bad
 * request it knows. A refused form, a refused pathway, an unknown id or an invalid value is the
 * caller's mistake, answered 4xx: it is logged at debug like the engine's own bad requests, so
 * the error log holds only failures of ours.
 */
@Component
class ClientErrorLogging extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandContextFactory factory = new CommandContextFactory() {
      @Override
      public CommandContext createCommandContext() {
        return new CommandContext(processEngineConfiguration) {
          @Override
          protected boolean shouldLogFine(Throwable exception) {
            return super.shouldLogFine(exception) || isClientError(exception);
          }
        };
      }
    };
    factory.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(factory);
  }

  static boolean isClientError(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException || cause instanceof PathwayRefused
          || cause instanceof NullValueException || cause instanceof NotValidException
          || cause instanceof ParseException || isRefusedDecisionInput(cause)
          || RefusedArguments.refusedByEngine(cause)
          // Only a caller correlates messages; the pathways wait for them.
          || cause instanceof MismatchingMessageCorrelationException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A decision evaluated through the decision service on an input its table cannot take: the
   * evaluate command wraps the decision engine's refusal. A pathway's own decision that fails
   * comes another way, and stays an error.
   */
  private static boolean isRefusedDecisionInput(Throwable exception) {
    StackTraceElement[] thrownAt = exception.getStackTrace();
    return EngineProblems.refusedDecisionInput(exception.getCause()) && thrownAt.length > 0
        && (thrownAt[0].getClassName().equals(EvaluateDecisionCmd.class.getName())
            || thrownAt[0].getClassName().equals(EvaluateDecisionTableCmd.class.getName()));
  }
}
