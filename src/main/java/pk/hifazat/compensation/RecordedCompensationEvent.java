package pk.hifazat.compensation;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code compensation_event} (R-COMPENSATION). */
record RecordedCompensationEvent(
    String caseNumber,
    String processInstanceId,
    String province,
    String district,
    String event,
    String outcome,
    String scheme,
    BigDecimal amount,
    Instant occurredAt,
    Instant recordedAt) {}
