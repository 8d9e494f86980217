package pk.hifazat.compensation;

import static pk.hifazat.compensation.CompensationVariables.FIR_REGISTERED;
import static pk.hifazat.compensation.CompensationVariables.PROSECUTION_STARTED;
import static pk.hifazat.compensation.CompensationVariables.VERDICT_DATE;

import java.time.OffsetDateTime;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import pk.hifazat.support.ProcessVariable;

/**
 * R-PROSECUTION: what a row of {@code justice_event} says when a task declaring the extension
 * property {@code justice.event} completes: investigated, prosecuted, convicted, sentenced.
 */
enum JusticeEvent {
  INVESTIGATION(scope -> Boolean.TRUE.equals(FIR_REGISTERED.from(scope)) ? "FIR_REGISTERED"
      : "NO_FIR", null),
  PROSECUTION(scope -> Boolean.TRUE.equals(PROSECUTION_STARTED.from(scope)) ? "STARTED"
      : "NOT_STARTED", null),
  VERDICT(CompensationVariables.VERDICT::from, VERDICT_DATE),
  SENTENCE(scope -> null, null);

  /** The extension property a task declares its event with. */
  static final String PROPERTY = "justice.event";

  private final Function<VariableScope, String> outcome;
  private final ProcessVariable<OffsetDateTime> occurredAt;

  JusticeEvent(Function<VariableScope, String> outcome,
      ProcessVariable<OffsetDateTime> occurredAt) {
    this.outcome = outcome;
    this.occurredAt = occurredAt;
  }

  String outcome(VariableScope scope) {
    return outcome.apply(scope);
  }

  /** The variable holding when the event happened, or null when completion is the moment. */
  ProcessVariable<OffsetDateTime> occurredAt() {
    return occurredAt;
  }
}
