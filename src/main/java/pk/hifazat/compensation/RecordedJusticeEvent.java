package pk.hifazat.compensation;

/** One row of {@code justice_event} (R-PROSECUTION). */
record RecordedJusticeEvent(CaseStep step, String agency) {

  String event() {
    return step.event();
  }

  String outcome() {
    return step.outcome();
  }
}
