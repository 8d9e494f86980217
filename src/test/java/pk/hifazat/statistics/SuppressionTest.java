package pk.hifazat.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Small numbers are never shown nor recoverable from the totals (R-NO-DISCLOSURE). */
class SuppressionTest {

  private static final int THRESHOLD = 5;

  @Test
  @DisplayName("A single small count is hidden, and its partner in the row and column too (R-NO-DISCLOSURE)")
  void singleSmallCellIsHiddenWithItsPartners() {
    // given: boys of 5-9 in one district: 3; everything else large
    long[][] cells = {{20, 3}, {30, 40}};
    long[] rows = {23, 70};
    long[] columns = {50, 43};

    Suppression.Hidden hidden = Suppression.apply(cells, rows, columns, 93L, THRESHOLD);

    assertThat(hidden.cells()[0][1]).as("the 3").isTrue();
    // Row 0: 23 - 20 would give 3 away unless 20 is hidden too; column 1: 43 - 40 likewise.
    assertThat(hidden.cells()[0][0]).isTrue();
    assertThat(hidden.cells()[1][1]).isTrue();
    assertThat(hidden.cells()[1][0]).as("then row 1 and column 0 hold one each").isTrue();
    assertRecoverableFromNoLine(cells, rows, columns, 93L, hidden);
  }

  @Test
  @DisplayName("A small count that a total would give away is hidden with another (R-NO-DISCLOSURE)")
  void smallCountRecoverableFromATotalIsProtected() {
    // given: one row of a one-way table (counts by age band, with the total)
    long[][] cells = {{12}, {2}, {9}, {31}};
    long[] columns = {54};

    Suppression.Hidden hidden = Suppression.apply(cells, null, columns, null, THRESHOLD);

    assertThat(hidden.cells()[1][0]).isTrue();
    // 54 - 12 - 9 - 31 = 2: the smallest other count is hidden as well.
    assertThat(hidden.cells()[2][0]).isTrue();
    assertThat(hidden.cells()[0][0]).isFalse();
    assertThat(hidden.cells()[3][0]).isFalse();
    assertThat(hidden.columnTotals()[0]).isFalse();
  }

  @Test
  @DisplayName("A row of small counts is hidden whole, and another row's total with it (R-NO-DISCLOSURE)")
  void wholeRowOfSmallCountsIsHidden() {
    // given: the "other" sex row: 1, 2, 1 over three age bands, total 4
    long[][] cells = {{10, 12, 15}, {11, 14, 9}, {1, 2, 1}};
    long[] rows = {37, 34, 4};
    long[] columns = {22, 28, 25};

    Suppression.Hidden hidden = Suppression.apply(cells, rows, columns, 75L, THRESHOLD);

    assertThat(hidden.cells()[2]).containsOnly(true);
    assertThat(hidden.rowTotals()[2]).isTrue();
    // The row totals add up to 75: a second one must be hidden, or 75 - 37 - 34 gives 4.
    assertThat(hidden.rowTotals()[0] || hidden.rowTotals()[1]).isTrue();
    assertRecoverableFromNoLine(cells, rows, columns, 75L, hidden);
  }

  @Test
  @DisplayName("Zeros and counts at the threshold are shown (R-DATA-DISAGGREGATED)")
  void zerosAndLargeCountsAreShown() {
    long[][] cells = {{0, 5}, {7, 0}};

    Suppression.Hidden hidden = Suppression.apply(cells, new long[] {5, 7},
        new long[] {7, 5}, 12L, THRESHOLD);

    assertThat(hidden.cells()[0]).containsOnly(false);
    assertThat(hidden.cells()[1]).containsOnly(false);
    assertThat(hidden.grandTotal()).isFalse();
  }

  /** No row or column (with its total) holds exactly one hidden entry. */
  private static void assertRecoverableFromNoLine(long[][] cells, long[] rows, long[] columns,
      long total, Suppression.Hidden hidden) {
    for (int r = 0; r < cells.length; r++) {
      int count = hidden.rowTotals()[r] ? 1 : 0;
      for (int c = 0; c < cells[r].length; c++) {
        count += hidden.cells()[r][c] ? 1 : 0;
      }
      assertThat(count).as("hidden in row " + r).isNotEqualTo(1);
    }
    for (int c = 0; c < columns.length; c++) {
      int count = hidden.columnTotals()[c] ? 1 : 0;
      for (int r = 0; r < cells.length; r++) {
        count += hidden.cells()[r][c] ? 1 : 0;
      }
      assertThat(count).as("hidden in column " + c).isNotEqualTo(1);
    }
    int margin = hidden.grandTotal() ? 1 : 0;
    for (boolean rowTotal : hidden.rowTotals()) {
      margin += rowTotal ? 1 : 0;
    }
    assertThat(margin).as("hidden among the row totals").isNotEqualTo(1);
  }
}
