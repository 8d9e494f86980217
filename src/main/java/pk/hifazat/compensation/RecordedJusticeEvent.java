package pk.hifazat.compensation;

import java.time.Instant;

/** One row of {@code justice_event} (R-PROSECUTION). */
record RecordedJusticeEvent(
    String caseNumber,
    String processInstanceId,
    String province,
    String district,
    String event,
    String outcome,
    String agency,
    Instant occurredAt,
    Instant recordedAt) {}
