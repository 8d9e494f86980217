package pk.hifazat.sla;

import java.time.Instant;
import pk.hifazat.security.CaseReaders;
import pk.hifazat.security.ReadableCases;

/**
 * Which clocks a manager asks for. Area fields are already cut to the manager's area; null means
 * any. {@code from}/{@code to} bound the due time (a breach happens at the due time);
 * {@code readable} keeps the clocks of the cases the engine grants the user: as a condition where
 * they are counted, asked of the candidates ({@code readableCases}) where they are listed.
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
    int limit,
    CaseReaders.Condition readable,
    ReadableCases readableCases) {

  /** Every clock the other fields match, for figures that name no case. */
  ClockFilter(String caseNumber, String rule, ClockStatus status, String province,
      String district, String agency, Instant from, Instant to, int limit) {
    this(caseNumber, rule, status, province, district, agency, from, to, limit,
        CaseReaders.Condition.NONE, ReadableCases.EVERY);
  }

  /** The same clocks of every case, readable or not: for counts that name no case. */
  ClockFilter everyCase() {
    return new ClockFilter(caseNumber, rule, status, province, district, agency, from, to, limit);
  }
}
