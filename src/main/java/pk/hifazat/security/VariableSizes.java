package pk.hifazat.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import pk.hifazat.support.VariableTooLarge;

/**
 * What a person may store in one variable, through any door (the Java API has no request body to
 * limit): text the database column holds, a file no larger than an attachment may be. Otherwise
 * anyone holding a task could fill the database with it.
 */
final class VariableSizes {

  /** The engine keeps a text variable in one column of this many characters. */
  static final int MAX_TEXT = 4000;

  private VariableSizes() {}

  static void check(HistoricVariableUpdateEventEntity event, long maxBytes) {
    String text = event.getTextValue();
    if (text != null && text.length() > MAX_TEXT) {
      throw new BadUserRequestException("'" + event.getVariableName() + "' holds "
          + text.length() + " characters; a text value holds at most " + MAX_TEXT);
    }
    byte[] bytes = event.getByteValue();
    if (bytes != null && bytes.length > maxBytes) {
      throw new VariableTooLarge("'" + event.getVariableName() + "' holds " + bytes.length
          + " bytes; a value or file holds at most " + maxBytes);
    }
  }
}
