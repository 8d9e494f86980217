package pk.hifazat.statistics;

import java.util.List;

/**
 * One table of figures as the API, the downloads and the annex show it: counts by row and
 * column with their totals, small numbers suppressed, and how complete each dimension is. It
 * holds figures only: no case number, no identity (R-NO-DISCLOSURE).
 */
record StatTable(String indicator, String title, String unit, String definition,
    Axis rows, Axis columns, List<List<Cell>> cells, List<Cell> rowTotals,
    List<Cell> columnTotals, Cell total, List<Completeness> completeness, List<String> notes) {

  /** A dimension laid along a side of the table, with its categories in order. */
  record Axis(String dimension, String label, List<String> categories) {}

  /** A figure, or nothing where it is suppressed (or has no denominator). */
  record Cell(Number value, boolean suppressed) {

    static final Cell SUPPRESSED = new Cell(null, true);

    /** The text a download shows: the figure, or {@code x} where it is suppressed. */
    String text() {
      if (suppressed) {
        return "x";
      }
      return value == null ? "" : value instanceof Double share
          ? String.format(java.util.Locale.ROOT, "%.1f%%", share * 100) : value.toString();
    }
  }

  /** How many of the table's facts have the dimension not recorded, e.g. ethnicity 37%. */
  record Completeness(String dimension, String label, Double notRecordedShare, String text) {}
}
