package pk.hifazat.statistics;

import java.util.List;
import java.util.Map;

/**
 * One indicator of the dictionary ({@code processes/indicators.yaml}): what it counts, from which
 * recorded facts, and what it may be broken down by (R-DATA-DISAGGREGATED).
 */
record Indicator(String id, String wording, String unit, String definition, FactSource source,
    String date, Map<String, List<String>> where, Counting counting, String variable,
    String process, String numerator, String denominator, List<Dimension> dimensions,
    String valueLabel) {

  /** A {@code where} value meaning "the field has any value". */
  static final String RECORDED = "recorded";

  enum Counting {
    /** Each case once, at its first fact in the period. */
    CASES,
    /** Every fact. */
    RECORDS,
    /** The facts' amounts added up; suppression follows how many facts make each amount. */
    AMOUNT,
    /** One indicator's figure divided by another's. */
    RATIO
  }

  boolean allows(Dimension dimension) {
    return dimension == null || Dimension.ALWAYS.contains(dimension)
        || dimensions.contains(dimension);
  }

  String label(Dimension dimension) {
    return dimension == Dimension.VALUE && valueLabel != null ? capitalised(valueLabel)
        : dimension.label;
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
