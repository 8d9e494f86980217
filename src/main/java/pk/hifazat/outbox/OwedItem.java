package pk.hifazat.outbox;

import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;

/** What a job of the outbox holds: the kind of work and what it needs, as text. */
record OwedItem(String kind, String payload) implements JobHandlerConfiguration {

  /** The engine's job table holds a handler configuration of up to 4000 characters. */
  static final int MAX_LENGTH = 4000;

  OwedItem {
    if (kind == null || kind.isBlank() || kind.contains("\n")) {
      throw new IllegalArgumentException("An owed work's kind is one line of text");
    }
    if (kind.length() + 1 + payload.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("Owed work '" + kind + "' carries more than "
          + MAX_LENGTH + " characters; record a reference to the fact instead");
    }
  }

  static OwedItem parse(String canonical) {
    int newline = canonical.indexOf('\n');
    return newline < 0
        ? new OwedItem(canonical, "")
        : new OwedItem(canonical.substring(0, newline), canonical.substring(newline + 1));
  }

  @Override
  public String toCanonicalString() {
    return kind + "\n" + payload;
  }
}
