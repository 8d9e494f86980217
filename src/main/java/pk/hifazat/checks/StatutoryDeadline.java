package pk.hifazat.checks;

import javax.xml.datatype.Duration;

/**
 * A deadline set by statute, which no version of a pathway may lose or lengthen. They come from
 * law, not policy, so they live here and not in the models policy staff edit. Sources as cited in
 * docs/sources.md.
 */
enum StatutoryDeadline {
  /** Production before the court within 24 hours of custody: from custody, not from a task. */
  COURT_24H("R-COURT-24H", "courtProduction", "PT24H", "custodyTakenAt",
      "Punjab Destitute and Neglected Children Act 2004; KP Child Protection and Welfare Act 2010,"
          + " s.20; CRC/C/OPSC/PAK/1, paras. 50, 52"),
  /** The court decides within four months of production. */
  DECISION_4M("R-DECISION-4M", "courtProduction", "P4M", "producedAt",
      "KP Child Protection and Welfare Act 2010, s.20; CRC/C/OPSC/PAK/1, para. 52"),
  /** After 60 days without a final decision, the court writes the reasons for the delay. */
  DELAY_60D("R-DELAY-60D", "courtProduction", "P60D", "producedAt",
      "KP Child Protection and Welfare Act 2010, s.20; CRC/C/OPSC/PAK/1, para. 52"),
  /** The intervention plan is reviewed quarterly: a repeating timer, every three months or less. */
  REVIEW_3M("R-REVIEW-3M", "placement", "P3M", null,
      "KP Child Protection and Welfare Act 2010; CRC/C/OPSC/PAK/1, para. 50", true);

  final String rule;
  final String processKey;
  final Duration longest;
  /** What the clock runs from ({@code sla.start}): the event the law counts from. */
  final String start;
  final String source;
  /** Kept by a timer that repeats (timeCycle) rather than by a declared deadline clock. */
  final boolean cycle;

  StatutoryDeadline(String rule, String processKey, String longest, String start,
      String source) {
    this(rule, processKey, longest, start, source, false);
  }

  StatutoryDeadline(String rule, String processKey, String longest, String start, String source,
      boolean cycle) {
    this.rule = rule;
    this.processKey = processKey;
    this.longest = Durations.parse(longest);
    this.start = start;
    this.source = source;
    this.cycle = cycle;
  }
}
