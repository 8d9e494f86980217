package pk.hifazat.sla;

import java.time.Instant;

/**
 * Which clocks a manager asks for. Area fields are already cut to the manager's area; null means
 * any. {@code from}/{@code to} bound the due time (a breach happens at the due time).
 */
record ClockFilter(
    String caseNumber,
    String rule,
    ClockStatus status,
    String province,
    String district,
    String agency,
    Instant from,
    Instant to,
    int limit) {}
