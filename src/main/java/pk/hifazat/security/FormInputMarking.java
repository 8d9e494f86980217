package pk.hifazat.security;

import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.form.handler.SubmitFormVariablesInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;

/**
 * The engine hands a submitted form to its form handler as if it were the pathway's own code (in
 * the task's execution, authorization off); what the form carries is still the person's input.
 * This marks it as such, so the door guard judges a form's variables as it judges any other write.
 */
class FormInputMarking implements DelegateInterceptor {

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private final DelegateInterceptor engine;

  FormInputMarking(DelegateInterceptor engine) {
    this.engine = engine;
  }

  /** Whether the current write comes from a submitted form. */
  static boolean active() {
    return DEPTH.get() > 0;
  }

  @Override
  public void handleInvocation(DelegateInvocation invocation) throws Exception {
    if (!(invocation instanceof SubmitFormVariablesInvocation)) {
      engine.handleInvocation(invocation);
      return;
    }
    DEPTH.set(DEPTH.get() + 1);
    try {
      engine.handleInvocation(invocation);
    } finally {
      int depth = DEPTH.get() - 1;
      if (depth == 0) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    }
  }
}
