package pk.hifazat.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pk.hifazat.statistics.StatTable.Axis;
import pk.hifazat.statistics.StatTable.Cell;
import pk.hifazat.statistics.StatTable.Completeness;
import pk.hifazat.support.SqlTimes;

/**
 * Computes the tables of the indicators from what the other modules record, read only: one
 * aggregate query per indicator, grouped by the table's two dimensions in the database, so the
 * figures of a province over three years come from a few hundred groups, never from the cases one
 * by one. The counting is exact: each fact belongs to one group, and a case counted under several
 * offences is counted once in each total.
 */
@Component
class Tables {

  private final JdbcClient jdbc;
  private final IndicatorDictionary dictionary;
  private final java.util.concurrent.Executor readers;

  /** Reads the sources of a batch one after another. */
  Tables(JdbcClient jdbc, IndicatorDictionary dictionary) {
    this(jdbc, dictionary, Runnable::run);
  }

  /**
   * Reads the sources of a batch side by side, at most {@code sourceReaders} at once in the whole
   * application: each is a query of its own, so a request waits for the slowest, not the sum.
   */
  @org.springframework.beans.factory.annotation.Autowired
  Tables(JdbcClient jdbc, IndicatorDictionary dictionary, StatisticsSettings settings) {
    this(jdbc, dictionary,
        pk.hifazat.support.SideBySide.readers("statistics", settings.sourceReaders()));
  }

  Tables(JdbcClient jdbc, IndicatorDictionary dictionary, java.util.concurrent.Executor readers) {
    this.jdbc = jdbc;
    this.dictionary = dictionary;
    this.readers = readers;
  }

  /** Where the groups of a table come from: a query of their own, or facts read together. */
  @FunctionalInterface
  interface Grouping {
    List<Group> groups(Indicator indicator, Dimension rows, Dimension columns, Scope scope);
  }

  /** An indicator by one or two dimensions ({@code columns} null: by rows only). */
  StatTable table(Indicator indicator, Dimension rows, Dimension columns, Scope scope) {
    return table(indicator, rows, columns, scope, this::groups);
  }

  StatTable table(Indicator indicator, Dimension rows, Dimension columns, Scope scope,
      Grouping grouping) {
    if (indicator.counting() == Indicator.Counting.RATIO) {
      return ratio(indicator, rows, columns, scope, grouping);
    }
    List<Group> groups = grouping.groups(indicator, rows, columns, scope);
    Axis rowAxis = axis(indicator, rows, rawValues(groups, true), scope);
    Axis columnAxis = columns == null ? null
        : axis(indicator, columns, rawValues(groups, false), scope);
    return build(indicator, rows, columns, rowAxis, columnAxis, groups, scope);
  }

  /** The facts of many tables of one scope, read together (see {@link FactBatch}). */
  FactBatch batch(Scope scope, java.util.Collection<FactBatch.Need> needs) {
    return new FactBatch(jdbc, scope, needs, this::groups, readers);
  }

  /** Several indicators side by side, one column each, by the same rows. */
  StatTable side(String title, List<Indicator> indicators, Dimension rows, Scope scope) {
    return side(title, indicators, rows, scope, this::groups);
  }

  StatTable side(String title, List<Indicator> indicators, Dimension rows, Scope scope,
      Grouping grouping) {
    List<StatTable> parts = new ArrayList<>();
    Set<String> raw = new LinkedHashSet<>();
    Map<Indicator, List<Group>> groupsOf = new LinkedHashMap<>();
    for (Indicator indicator : indicators) {
      List<Group> groups = indicator.counting() == Indicator.Counting.RATIO ? List.of()
          : grouping.groups(indicator, rows, null, scope);
      groupsOf.put(indicator, groups);
      raw.addAll(rawValues(groups, true));
    }
    Axis rowAxis = axis(indicators.get(0), rows, raw, scope);
    for (Indicator indicator : indicators) {
      parts.add(build(indicator, rows, null, rowAxis, null, groupsOf.get(indicator), scope));
    }
    List<List<Cell>> cells = new ArrayList<>();
    for (int r = 0; r < rowAxis.categories().size(); r++) {
      List<Cell> row = new ArrayList<>();
      for (StatTable part : parts) {
        row.add(part.cells().get(r).get(0));
      }
      cells.add(row);
    }
    List<Cell> totals = parts.stream().map(StatTable::total).toList();
    Set<String> notes = new LinkedHashSet<>();
    parts.forEach(part -> notes.addAll(part.notes()));
    List<Completeness> completeness = parts.isEmpty() ? List.of() : parts.get(0).completeness();
    String units = String.join(", ", indicators.stream().map(Indicator::unit).distinct().toList());
    return new StatTable(String.join(",", indicators.stream().map(Indicator::id).toList()), title,
        units, String.join(" ", indicators.stream()
            .map(i -> i.wording() + ": " + i.definition()).toList()),
        rowAxis, new Axis("indicator", "Indicator", indicators.stream().map(Indicator::wording)
            .toList()), cells, null, totals, null, completeness, List.copyOf(notes));
  }

  private StatTable ratio(Indicator indicator, Dimension rows, Dimension columns, Scope scope,
      Grouping grouping) {
    Indicator numerator = dictionary.get(indicator.numerator());
    Indicator denominator = dictionary.get(indicator.denominator());
    List<Group> over = grouping.groups(numerator, rows, columns, scope);
    List<Group> under = grouping.groups(denominator, rows, columns, scope);
    Set<String> rowRaw = new LinkedHashSet<>(rawValues(under, true));
    rowRaw.addAll(rawValues(over, true));
    Axis rowAxis = axis(indicator, rows, rowRaw, scope);
    Axis columnAxis = null;
    if (columns != null) {
      Set<String> columnRaw = new LinkedHashSet<>(rawValues(under, false));
      columnRaw.addAll(rawValues(over, false));
      columnAxis = axis(indicator, columns, columnRaw, scope);
    }
    StatTable top = build(numerator, rows, columns, rowAxis, columnAxis, over, scope);
    StatTable bottom = build(denominator, rows, columns, rowAxis, columnAxis, under, scope);
    List<List<Cell>> cells = new ArrayList<>();
    for (int r = 0; r < top.cells().size(); r++) {
      List<Cell> row = new ArrayList<>();
      for (int c = 0; c < top.cells().get(r).size(); c++) {
        row.add(share(top.cells().get(r).get(c), bottom.cells().get(r).get(c)));
      }
      cells.add(row);
    }
    List<Cell> rowTotals = top.rowTotals() == null ? null : shares(top.rowTotals(),
        bottom.rowTotals());
    List<Cell> columnTotals = shares(top.columnTotals(), bottom.columnTotals());
    return new StatTable(indicator.id(), indicator.wording(), indicator.unit(),
        indicator.definition(), rowAxis, top.columns(), cells, rowTotals, columnTotals,
        share(top.total(), bottom.total()), bottom.completeness(), bottom.notes());
  }

  private static List<Cell> shares(List<Cell> over, List<Cell> under) {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < over.size(); i++) {
      cells.add(share(over.get(i), under.get(i)));
    }
    return cells;
  }

  /** A share is hidden where either of its counts is (R-NO-DISCLOSURE); none without cases. */
  private static Cell share(Cell over, Cell under) {
    if (over.suppressed() || under.suppressed()) {
      return Cell.SUPPRESSED;
    }
    long denominator = under.value().longValue();
    if (denominator == 0) {
      return new Cell(null, false);
    }
    return new Cell(Math.round(over.value().doubleValue() / denominator * 1000) / 1000.0, false);
  }

  private StatTable build(Indicator indicator, Dimension rows, Dimension columns, Axis rowAxis,
      Axis columnAxis, List<Group> groups, Scope scope) {
    int rowCount = rowAxis.categories().size();
    int columnCount = columnAxis == null ? 1 : columnAxis.categories().size();
    Map<String, Integer> rowIndex = index(rowAxis);
    Map<String, Integer> columnIndex = columnAxis == null ? Map.of() : index(columnAxis);
    long[][] counts = new long[rowCount][columnCount];
    BigDecimal[][] amounts = new BigDecimal[rowCount][columnCount];
    long[] rowCounts = new long[rowCount];
    BigDecimal[] rowAmounts = new BigDecimal[rowCount];
    long[] columnCounts = new long[columnCount];
    BigDecimal[] columnAmounts = new BigDecimal[columnCount];
    long total = 0;
    BigDecimal totalAmount = BigDecimal.ZERO;
    long rowsNotRecorded = 0;
    long columnsNotRecorded = 0;
    for (BigDecimal[] row : amounts) {
      java.util.Arrays.fill(row, BigDecimal.ZERO);
    }
    java.util.Arrays.fill(rowAmounts, BigDecimal.ZERO);
    java.util.Arrays.fill(columnAmounts, BigDecimal.ZERO);
    for (Group group : groups) {
      List<Integer> rs = positions(rows, group.row(), rowIndex, scope);
      List<Integer> cs = columnAxis == null ? List.of(0)
          : positions(columns, group.column(), columnIndex, scope);
      BigDecimal amount = group.amount() == null ? BigDecimal.ZERO : group.amount();
      for (int r : rs) {
        for (int c : cs) {
          counts[r][c] += group.count();
          amounts[r][c] = amounts[r][c].add(amount);
        }
        rowCounts[r] += group.count();
        rowAmounts[r] = rowAmounts[r].add(amount);
      }
      for (int c : cs) {
        columnCounts[c] += group.count();
        columnAmounts[c] = columnAmounts[c].add(amount);
      }
      total += group.count();
      totalAmount = totalAmount.add(amount);
      if (blank(group.row())) {
        rowsNotRecorded += group.count();
      }
      if (columnAxis != null && blank(group.column())) {
        columnsNotRecorded += group.count();
      }
    }
    boolean twoWay = columnAxis != null;
    Suppression.Hidden hidden = Suppression.apply(counts, twoWay ? rowCounts : null,
        columnCounts, twoWay ? total : null, dictionary.threshold());
    boolean amount = indicator.counting() == Indicator.Counting.AMOUNT;
    List<List<Cell>> cells = new ArrayList<>();
    for (int r = 0; r < rowCount; r++) {
      List<Cell> row = new ArrayList<>();
      for (int c = 0; c < columnCount; c++) {
        row.add(cell(hidden.cells()[r][c], counts[r][c], amount ? amounts[r][c] : null));
      }
      cells.add(row);
    }
    List<Cell> rowTotals = null;
    if (twoWay) {
      rowTotals = new ArrayList<>();
      for (int r = 0; r < rowCount; r++) {
        rowTotals.add(cell(hidden.rowTotals()[r], rowCounts[r], amount ? rowAmounts[r] : null));
      }
    }
    List<Cell> columnTotals = new ArrayList<>();
    for (int c = 0; c < columnCount; c++) {
      columnTotals.add(cell(hidden.columnTotals()[c], columnCounts[c],
          amount ? columnAmounts[c] : null));
    }
    Cell grand = twoWay ? cell(hidden.grandTotal(), total, amount ? totalAmount : null)
        : columnTotals.get(0);
    List<Completeness> completeness = new ArrayList<>();
    completeness.add(completeness(indicator, rows, rowsNotRecorded, total));
    if (twoWay) {
      completeness.add(completeness(indicator, columns, columnsNotRecorded, total));
    }
    List<String> notes = new ArrayList<>();
    if (rows.multiValued() || columns != null && columns.multiValued()) {
      notes.add("A case with several offences is counted under each, and once in the total.");
    }
    if (!scope.offences().isEmpty()) {
      notes.add("Cases of " + String.join(", ", scope.offences().stream()
          .map(o -> Dimension.OFFENCE_TYPE.known.getOrDefault(o, o)).toList()) + " only.");
    }
    if (amount) {
      notes.add("Amounts in Pakistani rupees (PKR); an amount is not shown where fewer than "
          + dictionary.threshold() + " claims make it up.");
    }
    return new StatTable(indicator.id(), indicator.wording(), indicator.unit(),
        indicator.definition(), rowAxis,
        columnAxis == null ? new Axis("indicator", "Indicator", List.of(indicator.wording()))
            : columnAxis,
        cells, rowTotals, columnTotals, grand, completeness, notes);
  }

  private static Cell cell(boolean hidden, long count, BigDecimal amount) {
    if (hidden) {
      return Cell.SUPPRESSED;
    }
    return new Cell(amount == null ? (Number) count : amount.setScale(2, RoundingMode.HALF_UP),
        false);
  }

  private static Completeness completeness(Indicator indicator, Dimension dimension,
      long notRecorded, long total) {
    String label = indicator.label(dimension).toLowerCase(Locale.ROOT);
    if (total == 0) {
      return new Completeness(dimension.id, label, null, label + ": nothing counted");
    }
    double share = Math.round((double) notRecorded / total * 1000) / 1000.0;
    return new Completeness(dimension.id, label, share,
        label + " not recorded: " + Math.round(share * 100) + "%");
  }

  private static Map<String, Integer> index(Axis axis) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < axis.categories().size(); i++) {
      index.put(axis.categories().get(i), i);
    }
    return index;
  }

  /** Where a group's raw value falls on an axis: none, one, or several (offences). */
  private static List<Integer> positions(Dimension dimension, String raw,
      Map<String, Integer> index, Scope scope) {
    List<Integer> positions = new ArrayList<>();
    for (String key : keys(dimension, raw, scope)) {
      Integer position = index.get(label(dimension, key, scope));
      if (position != null) {
        positions.add(position);
      }
    }
    return positions;
  }

  /** The categories of a raw value: several for a case's offences, "not recorded" for none. */
  private static List<String> keys(Dimension dimension, String raw, Scope scope) {
    if (blank(raw)) {
      return List.of(Dimension.NOT_RECORDED);
    }
    if (dimension.multiValued()) {
      List<String> keys = new ArrayList<>();
      for (String part : raw.split(",")) {
        String key = part.trim();
        if (!key.isEmpty() && (scope.offences().isEmpty() || scope.offences().contains(key))) {
          keys.add(key);
        }
      }
      return keys;
    }
    if (dimension == Dimension.PERIOD) {
      return List.of(raw.trim());
    }
    // Free text: "Sunni", "sunni " and "SUNNI" are one category.
    return List.of(dimension.freeText() ? raw.trim().toLowerCase(Locale.ROOT) : raw.trim());
  }

  private static String label(Dimension dimension, String key, Scope scope) {
    if (key.equals(Dimension.NOT_RECORDED)) {
      return Dimension.NOT_RECORDED;
    }
    if (dimension == Dimension.PERIOD) {
      List<Scope.PeriodSlot> slots = scope.periods();
      int index = Integer.parseInt(key);
      return index >= 0 && index < slots.size() ? slots.get(index).label() : key;
    }
    if (dimension.freeText()) {
      return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }
    return dimension.known.getOrDefault(key, key);
  }

  /**
   * A dimension's categories: its known values in their order (so every province's table has
   * the same rows, R-DATA-DISAGGREGATED), then the values met in the data, then "not recorded".
   */
  private static Axis axis(Indicator indicator, Dimension dimension, Collection<String> raw,
      Scope scope) {
    Set<String> labels = new LinkedHashSet<>();
    if (dimension == Dimension.PERIOD) {
      scope.periods().forEach(slot -> labels.add(slot.label()));
    } else if (dimension == Dimension.OFFENCE_TYPE && !scope.offences().isEmpty()) {
      scope.offences().forEach(o -> labels.add(dimension.known.getOrDefault(o, o)));
    } else {
      labels.addAll(dimension.known.values());
    }
    Set<String> met = new java.util.TreeSet<>();
    boolean notRecorded = false;
    for (String value : raw) {
      for (String key : keys(dimension, value, scope)) {
        if (key.equals(Dimension.NOT_RECORDED)) {
          notRecorded = true;
        } else {
          met.add(label(dimension, key, scope));
        }
      }
    }
    labels.addAll(met);
    if (notRecorded) {
      labels.add(Dimension.NOT_RECORDED);
    }
    return new Axis(dimension.id, indicator.label(dimension), List.copyOf(labels));
  }

  private static List<String> rawValues(List<Group> groups, boolean rows) {
    List<String> values = new ArrayList<>();
    for (Group group : groups) {
      values.add(rows ? group.row() : group.column());
    }
    return values;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** The facts of an indicator in scope, grouped in the database by the two dimensions. */
  List<Group> groups(Indicator indicator, Dimension rows, Dimension columns, Scope scope) {
    List<Object> parameters = new ArrayList<>();
    String rowExpression = expression(rows, scope, parameters);
    String columnExpression = expression(columns, scope, parameters);
    String scoped = scoped(indicator, scope,
        indicator.counting() == Indicator.Counting.CASES, parameters);
    String sql = "select g.r, g.k, count(*) as n, sum(g.amount) as amount from (select "
        + rowExpression + " as r, " + columnExpression + " as k, f.amount from " + scoped
        + ") g group by g.r, g.k";
    return jdbc.sql(sql).params(parameters)
        .query((rs, n) -> new Group(rs.getString("r"), rs.getString("k"), rs.getLong("n"),
            rs.getBigDecimal("amount")))
        .list();
  }

  /**
   * Each child's first fact of an indicator in scope, with the moment the case was reported and
   * the category of {@code by}: what the times from report to a step are measured on.
   */
  List<Wait> waits(Indicator indicator, Dimension by, Scope scope) {
    List<Object> parameters = new ArrayList<>();
    String category = expression(by, scope, parameters);
    String scoped = scoped(indicator, scope, true, parameters);
    return jdbc.sql("select " + category + " as r, c.reported_at, f.fact_at from " + scoped)
        .params(parameters)
        .query((rs, n) -> new Wait(rs.getString("r"), SqlTimes.fromColumn(rs, "reported_at"),
            SqlTimes.fromColumn(rs, "fact_at")))
        .list();
  }

  /** A child's wait: the category, when the case was reported, when the step came. */
  record Wait(String category, java.time.Instant reportedAt, java.time.Instant factAt) {}

  /**
   * The facts of an indicator in scope joined to their case files ({@code f} and {@code c}), as
   * the {@code from ... where ...} part of a query, its parameters appended: each case once at
   * its first fact when {@code firstPerCase}, the area and offences of the scope applied.
   */
  private String scoped(Indicator indicator, Scope scope, boolean firstPerCase,
      List<Object> parameters) {
    String province = scope.province() == null ? null
        : scope.province().toUpperCase(Locale.ROOT);
    FactSource.Sql facts = indicator.source().facts(indicator, scope.start(), scope.end(),
        province);
    // Each case once, at its first fact in the period; the case file has one row per case.
    String counted = firstPerCase && indicator.source() != FactSource.CASE_FILE
        ? "select x.case_number, min(x.fact_at) as fact_at, sum(x.amount) as amount,"
            + " max(x.agency) as agency, max(x.rule_id) as rule_id, max(x.scheme) as scheme,"
            + " max(x.fact_value) as fact_value from (" + facts.text() + ") x"
            + " group by x.case_number"
        : facts.text();
    parameters.addAll(facts.parameters());
    StringBuilder where = new StringBuilder();
    if (scope.province() != null) {
      where.append(" and c.province = ?");
      parameters.add(scope.province().toUpperCase(Locale.ROOT));
    }
    if (scope.district() != null) {
      where.append(" and c.district = ?");
      parameters.add(scope.district());
    }
    if (!scope.offences().isEmpty()) {
      where.append(" and (").append(String.join(" or ", scope.offences().stream()
          .map(o -> "(',' || c.offence_types || ',') like ?").toList())).append(")");
      scope.offences().forEach(o -> parameters.add("%," + o + ",%"));
    }
    return "(" + counted + ") f join case_file c on c.case_number = f.case_number where 1 = 1"
        + where;
  }

  private static String expression(Dimension dimension, Scope scope, List<Object> parameters) {
    if (dimension == null) {
      return "cast(null as varchar(1))";
    }
    if (dimension != Dimension.PERIOD) {
      return dimension.column;
    }
    return period("f.fact_at", scope, parameters);
  }

  /** The index of the period a moment falls in, as text ("0", "1", ...). */
  static String period(String moment, Scope scope, List<Object> parameters) {
    List<Scope.PeriodSlot> slots = scope.periods();
    StringBuilder sql = new StringBuilder("case");
    for (int i = 1; i < slots.size(); i++) {
      sql.append(" when ").append(moment).append(" < ? then '").append(i - 1).append("'");
      parameters.add(SqlTimes.toColumn(slots.get(i).start()));
    }
    return sql.append(" else '").append(slots.size() - 1).append("' end").toString();
  }

  /** The facts of one row and column category: how many, and their amounts. */
  record Group(String row, String column, long count, BigDecimal amount) {}
}
