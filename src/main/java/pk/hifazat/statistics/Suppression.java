package pk.hifazat.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-number suppression of one table (R-NO-DISCLOSURE, R-DATA-DISAGGREGATED): a count from 1
 * to the threshold less one is not shown (primary suppression), and wherever a line of the table
 * (a row or column with its total) would then hold exactly one hidden entry, which its total and
 * the others would give away, the next smallest count of that line is hidden too (complementary
 * suppression), until no line has exactly one. Zero is shown.
 */
final class Suppression {

  private Suppression() {}

  /**
   * Which entries of a table are hidden.
   *
   * @param cells counts by row and column
   * @param rowTotals each row's total, or null when the table has none
   * @param columnTotals each column's total, or null when the table has none
   * @param grandTotal the total of all, or null when the table has none
   * @return the pattern of hidden entries, in the same shape
   */
  static Hidden apply(long[][] cells, long[] rowTotals, long[] columnTotals, Long grandTotal,
      int threshold) {
    int rows = cells.length;
    int columns = rows > 0 ? cells[0].length : columnTotals == null ? 0 : columnTotals.length;
    // Every entry in one flat array: cells, then row totals, column totals, grand total.
    List<Long> values = new ArrayList<>();
    List<Boolean> isTotal = new ArrayList<>();
    for (long[] row : cells) {
      for (long value : row) {
        values.add(value);
        isTotal.add(false);
      }
    }
    int rowTotalsAt = values.size();
    if (rowTotals != null) {
      for (long value : rowTotals) {
        values.add(value);
        isTotal.add(true);
      }
    }
    int columnTotalsAt = values.size();
    if (columnTotals != null) {
      for (long value : columnTotals) {
        values.add(value);
        isTotal.add(true);
      }
    }
    int grandAt = values.size();
    if (grandTotal != null) {
      values.add(grandTotal);
      isTotal.add(true);
    }
    // The lines a reader could add up: a row with its total, a column with its total, and the
    // margins with the grand total.
    List<int[]> lines = new ArrayList<>();
    if (rowTotals != null) {
      for (int r = 0; r < rows; r++) {
        int[] line = new int[columns + 1];
        for (int c = 0; c < columns; c++) {
          line[c] = r * columns + c;
        }
        line[columns] = rowTotalsAt + r;
        lines.add(line);
      }
    }
    if (columnTotals != null) {
      for (int c = 0; c < columns; c++) {
        int[] line = new int[rows + 1];
        for (int r = 0; r < rows; r++) {
          line[r] = r * columns + c;
        }
        line[rows] = columnTotalsAt + c;
        lines.add(line);
      }
    }
    if (grandTotal != null && rowTotals != null) {
      int[] line = new int[rows + 1];
      for (int r = 0; r < rows; r++) {
        line[r] = rowTotalsAt + r;
      }
      line[rows] = grandAt;
      lines.add(line);
    }
    if (grandTotal != null && columnTotals != null) {
      int[] line = new int[columns + 1];
      for (int c = 0; c < columns; c++) {
        line[c] = columnTotalsAt + c;
      }
      line[columns] = grandAt;
      lines.add(line);
    }

    boolean[] hidden = new boolean[values.size()];
    for (int i = 0; i < hidden.length; i++) {
      hidden[i] = values.get(i) > 0 && values.get(i) < threshold;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int[] line : lines) {
        int hiddenInLine = 0;
        for (int entry : line) {
          if (hidden[entry]) {
            hiddenInLine++;
          }
        }
        if (hiddenInLine == 1) {
          int partner = partner(line, values, isTotal, hidden);
          if (partner >= 0) {
            hidden[partner] = true;
            changed = true;
          }
        }
      }
    }

    boolean[][] hiddenCells = new boolean[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        hiddenCells[r][c] = hidden[r * columns + c];
      }
    }
    boolean[] hiddenRowTotals = rowTotals == null ? null : new boolean[rows];
    for (int r = 0; hiddenRowTotals != null && r < rows; r++) {
      hiddenRowTotals[r] = hidden[rowTotalsAt + r];
    }
    boolean[] hiddenColumnTotals = columnTotals == null ? null : new boolean[columns];
    for (int c = 0; hiddenColumnTotals != null && c < columns; c++) {
      hiddenColumnTotals[c] = hidden[columnTotalsAt + c];
    }
    return new Hidden(hiddenCells, hiddenRowTotals, hiddenColumnTotals,
        grandTotal != null && hidden[grandAt]);
  }

  /**
   * The entry to hide beside the one hidden alone in a line: the smallest count above zero among
   * the cells, else the line's total, else a zero cell (a reader cannot then tell a hidden zero).
   */
  private static int partner(int[] line, List<Long> values, List<Boolean> isTotal,
      boolean[] hidden) {
    int best = -1;
    for (int pass = 0; pass < 3 && best < 0; pass++) {
      for (int entry : line) {
        if (hidden[entry]) {
          continue;
        }
        long value = values.get(entry);
        boolean fits = switch (pass) {
          case 0 -> !isTotal.get(entry) && value > 0;
          case 1 -> isTotal.get(entry) && value > 0;
          default -> true;
        };
        if (fits && (best < 0 || value < values.get(best))) {
          best = entry;
        }
      }
    }
    return best;
  }

  /** The hidden entries of a table, in its shape. */
  record Hidden(boolean[][] cells, boolean[] rowTotals, boolean[] columnTotals,
      boolean grandTotal) {}
}
