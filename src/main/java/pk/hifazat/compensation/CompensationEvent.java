package pk.hifazat.compensation;

import static pk.hifazat.compensation.CompensationVariables.AMOUNT_GRANTED;
import static pk.hifazat.compensation.CompensationVariables.AMOUNT_PAID;
import static pk.hifazat.compensation.CompensationVariables.APPEAL_FILED;
import static pk.hifazat.compensation.CompensationVariables.APPEAL_OUTCOME;
import static pk.hifazat.compensation.CompensationVariables.CLAIM_AMOUNT_REQUESTED;
import static pk.hifazat.compensation.CompensationVariables.CLAIM_FILED_AT;
import static pk.hifazat.compensation.CompensationVariables.COMPENSATION_DECISION;
import static pk.hifazat.compensation.CompensationVariables.COMPENSATION_DECISION_DATE;
import static pk.hifazat.compensation.CompensationVariables.DISBURSED_AT;

import java.time.OffsetDateTime;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import pk.hifazat.support.ProcessVariable;

/**
 * R-COMPENSATION: what a row of {@code compensation_event} says when a task declaring the
 * extension property {@code compensation.event} completes: its outcome, its amount and when it
 * happened (the task's own date field, or the moment of completion).
 */
enum CompensationEvent {
  NOT_ELIGIBLE(scope -> null, scope -> null, null),
  CLAIM_FILED(scope -> null, CLAIM_AMOUNT_REQUESTED::from, CLAIM_FILED_AT),
  DECISION(COMPENSATION_DECISION::from, grantedAmount(COMPENSATION_DECISION),
      COMPENSATION_DECISION_DATE),
  APPEAL(scope -> Boolean.TRUE.equals(APPEAL_FILED.from(scope)) ? "FILED" : "NOT_FILED",
      scope -> null, null),
  APPEAL_DECISION(APPEAL_OUTCOME::from, grantedAmount(APPEAL_OUTCOME), null),
  PAYMENT(scope -> null, AMOUNT_PAID::from, DISBURSED_AT);

  /** The extension property a task declares its event with. */
  static final String PROPERTY = "compensation.event";

  private final Function<VariableScope, String> outcome;
  private final Function<VariableScope, Number> amount;
  private final ProcessVariable<OffsetDateTime> occurredAt;

  CompensationEvent(Function<VariableScope, String> outcome,
      Function<VariableScope, Number> amount, ProcessVariable<OffsetDateTime> occurredAt) {
    this.outcome = outcome;
    this.amount = amount;
    this.occurredAt = occurredAt;
  }

  String outcome(VariableScope scope) {
    return outcome.apply(scope);
  }

  Number amount(VariableScope scope) {
    return amount.apply(scope);
  }

  /** The variable holding when the event happened, or null when completion is the moment. */
  ProcessVariable<OffsetDateTime> occurredAt() {
    return occurredAt;
  }

  /** An amount counts as granted only with a GRANTED outcome. */
  private static Function<VariableScope, Number> grantedAmount(ProcessVariable<String> outcome) {
    return scope -> "GRANTED".equals(outcome.from(scope)) ? AMOUNT_GRANTED.from(scope) : null;
  }
}
