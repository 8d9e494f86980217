package pk.hifazat.support;

import org.camunda.bpm.engine.BadUserRequestException;

/** A value larger than a person may store in a case's variables (answered 413). */
public class VariableTooLarge extends BadUserRequestException {

  public VariableTooLarge(String message) {
    super(message);
  }
}
