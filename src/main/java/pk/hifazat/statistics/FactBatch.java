package pk.hifazat.statistics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.statistics.Tables.Group;

/**
 * The facts of many tables of one period and zone read together (R-DATA-DISAGGREGATED), so that
 * the annex costs one indexed range of each source (and date) rather than one join per table,
 * the sources read side by side: the indicators of a source are counted together with
 * conditional aggregation, grouped by every dimension any of their tables needs, and each table is
 * then added up from those groups. A case is placed in a
 * period by each indicator's own first fact, exactly as a table computed on its own places it, so
 * the figures are the same; only the number of queries changes. Tables the batch was not asked for
 * are computed on their own.
 */
final class FactBatch implements Tables.Grouping {

  /** A table the batch answers: an indicator by rows (and columns, or null). */
  record Need(Indicator indicator, Dimension rows, Dimension columns) {}

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FactBatch.class);

  private static final Map<Dimension, String> FACT_COLUMNS = Map.of(Dimension.AGENCY, "agency",
      Dimension.RULE, "rule", Dimension.SCHEME, "scheme", Dimension.VALUE, "value");

  private final Scope scope;
  private final Tables.Grouping alone;
  private final Map<Indicator, Family> families = new HashMap<>();

  /**
   * Reads the facts of the needs in the scope (its offences aside: each table limits itself to
   * its own); {@code alone} answers any other table.
   */
  FactBatch(JdbcClient jdbc, Scope scope, Collection<Need> needs, Tables.Grouping alone,
      java.util.concurrent.Executor readers) {
    this.scope = scope;
    this.alone = alone;
    Map<String, Family> byKey = new LinkedHashMap<>();
    for (Need need : needs) {
      Indicator indicator = need.indicator();
      if (indicator.counting() == Indicator.Counting.RATIO) {
        continue;
      }
      boolean perCase = indicator.counting() == Indicator.Counting.CASES
          && indicator.source() != FactSource.CASE_FILE;
      // One query per source and date, so that each reads only the range of its date through
      // that date's index (a query for several dates would read the whole table); the
      // pathways' values one variable at a time, through the index on the name.
      String key = indicator.source().id + (perCase ? "|cases|" : "|facts|")
          + indicator.source().date(indicator) + (indicator.source() == FactSource.PATHWAY_VARIABLE
          ? "|" + indicator.variable() : "");
      Family family = byKey.computeIfAbsent(key,
          k -> new Family(indicator.source(), perCase, indicator));
      family.add(indicator, need.rows());
      family.add(indicator, need.columns());
      families.put(indicator, family);
    }
    // Each source is a query of its own, on a connection of its own: read side by side.
    List<java.util.concurrent.CompletableFuture<Void>> reads = new ArrayList<>();
    for (Family family : byKey.values()) {
      reads.add(java.util.concurrent.CompletableFuture.runAsync(() -> family.read(jdbc, scope),
          readers));
    }
    try {
      java.util.concurrent.CompletableFuture.allOf(
          reads.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public List<Group> groups(Indicator indicator, Dimension rows, Dimension columns,
      Scope asked) {
    Family family = families.get(indicator);
    boolean sameScope = asked.from().equals(scope.from())
        && asked.toInclusive().equals(scope.toInclusive())
        && Objects.equals(asked.province(), scope.province())
        && Objects.equals(asked.district(), scope.district()) && asked.period() == scope.period();
    if (family == null || !sameScope || !family.has(indicator, rows)
        || columns != null && !family.has(indicator, columns)) {
      return alone.groups(indicator, rows, columns, asked);
    }
    return family.rollUp(indicator, rows, columns, asked.offences());
  }

  /** The indicators of one source counted in one query. */
  private static final class Family {

    private final FactSource source;
    /** Each case once per indicator, at its first fact (else every fact, at its own date). */
    private final boolean perCase;
    private final Indicator dated;
    private final List<Indicator> indicators = new ArrayList<>();
    private final Set<Dimension> child = new LinkedHashSet<>(List.of(Dimension.OFFENCE_TYPE));
    private final Map<Indicator, Set<Dimension>> own = new HashMap<>();
    /** Group key name ("child:SEX", "period:2", "fact:2:AGENCY") to its column. */
    private final Map<String, Integer> keys = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    Family(FactSource source, boolean perCase, Indicator dated) {
      this.source = source;
      this.perCase = perCase;
      this.dated = dated;
    }

    void add(Indicator indicator, Dimension dimension) {
      if (!indicators.contains(indicator)) {
        indicators.add(indicator);
        own.put(indicator, new LinkedHashSet<>());
      }
      if (dimension == null) {
        return;
      }
      if (dimension.ofTheChild()) {
        child.add(dimension);
      } else {
        own.get(indicator).add(dimension);
      }
    }

    boolean has(Indicator indicator, Dimension dimension) {
      return keys.containsKey(key(indicator, dimension));
    }

    private String key(Indicator indicator, Dimension dimension) {
      if (dimension.ofTheChild()) {
        return "child:" + dimension.name();
      }
      int i = indicators.indexOf(indicator);
      if (dimension == Dimension.PERIOD) {
        return perCase ? "period:" + i : "period";
      }
      return perCase ? "fact:" + i + ":" + dimension.name() : "fact:" + dimension.name();
    }

    void read(JdbcClient jdbc, Scope scope) {
      String province = scope.province() == null ? null
          : scope.province().toUpperCase(Locale.ROOT);
      List<FactSource.Sql> conditions = new ArrayList<>();
      for (Indicator indicator : indicators) {
        conditions.add(source.condition(indicator, scope.start(), scope.end(), province));
      }
      // The facts of the source, one row per fact or per case, marked per indicator.
      List<Object> innerParameters = new ArrayList<>();
      StringBuilder inner = new StringBuilder("select ").append(source.caseNumber())
          .append(" as case_number");
      List<String> keyExpressions = new ArrayList<>();
      List<Object> keyParameters = new ArrayList<>();
      List<String> marks = new ArrayList<>();
      for (Dimension dimension : child) {
        keys.put("child:" + dimension.name(), keyExpressions.size());
        keyExpressions.add(dimension.column);
      }
      if (perCase) {
        for (int i = 0; i < indicators.size(); i++) {
          Indicator indicator = indicators.get(i);
          FactSource.Sql condition = conditions.get(i);
          inner.append(", min(case when ").append(condition.text()).append(" then ")
              .append(source.date(indicator)).append(" end) as at").append(i);
          innerParameters.addAll(condition.parameters());
          for (Dimension dimension : own.get(indicator)) {
            if (dimension == Dimension.PERIOD) {
              keys.put(key(indicator, dimension), keyExpressions.size());
              keyExpressions.add(Tables.period("f.at" + i, scope, keyParameters));
            } else {
              String name = FACT_COLUMNS.get(dimension);
              inner.append(", max(case when ").append(condition.text()).append(" then ")
                  .append(source.column(name, type(dimension))).append(" end) as x").append(i)
                  .append('_').append(name);
              innerParameters.addAll(condition.parameters());
              keys.put(key(indicator, dimension), keyExpressions.size());
              keyExpressions.add("f.x" + i + "_" + name);
            }
          }
          marks.add("case when f.at" + i + " is not null then 1 else 0 end");
        }
        inner.append(", cast(null as numeric(18, 2)) as amount");
      } else {
        inner.append(", ").append(source.date(dated)).append(" as fact_at, ")
            .append(source.column("amount", "numeric(18, 2)")).append(" as amount");
        Set<Dimension> named = new LinkedHashSet<>();
        own.values().forEach(named::addAll);
        for (Dimension dimension : named) {
          keys.put(key(dated, dimension), keyExpressions.size());
          if (dimension == Dimension.PERIOD) {
            keyExpressions.add(Tables.period("f.fact_at", scope, keyParameters));
          } else {
            String name = FACT_COLUMNS.get(dimension);
            inner.append(", ").append(source.column(name, type(dimension))).append(" as x_")
                .append(name);
            keyExpressions.add("f.x_" + name);
          }
        }
        for (int i = 0; i < indicators.size(); i++) {
          FactSource.Sql condition = conditions.get(i);
          inner.append(", case when ").append(condition.text()).append(" then 1 else 0 end as m")
              .append(i);
          innerParameters.addAll(condition.parameters());
          marks.add("f.m" + i);
        }
      }
      inner.append(" from ").append(source.from()).append(" where ");
      // A family's facts share their kind and variable: said once outside the alternatives
      // too, so that the pathways' facts are read through the index that leads with them.
      FactSource.Sql common = source.common(dated);
      inner.append(common.text());
      innerParameters.addAll(common.parameters());
      // The range once outside the alternatives too, so that it is read through its index.
      Set<String> dates = new LinkedHashSet<>();
      indicators.forEach(indicator -> dates.add(source.date(indicator)));
      if (dates.size() == 1) {
        String date = dates.iterator().next();
        inner.append(date).append(" >= ? and ").append(date).append(" < ? and (");
        innerParameters.add(pk.hifazat.support.SqlTimes.toColumn(scope.start()));
        innerParameters.add(pk.hifazat.support.SqlTimes.toColumn(scope.end()));
      } else {
        inner.append("(");
      }
      for (int i = 0; i < conditions.size(); i++) {
        inner.append(i == 0 ? "(" : " or (").append(conditions.get(i).text()).append(')');
        innerParameters.addAll(conditions.get(i).parameters());
      }
      inner.append(')');
      if (perCase) {
        inner.append(" group by ").append(source.caseNumber());
      }
      // Joined to the case file for the child's dimensions and the zone.
      StringBuilder middle = new StringBuilder("select ");
      for (int j = 0; j < keyExpressions.size(); j++) {
        middle.append(keyExpressions.get(j)).append(" as d").append(j).append(", ");
      }
      for (int i = 0; i < marks.size(); i++) {
        middle.append(marks.get(i)).append(" as m").append(i).append(", ");
      }
      middle.append("f.amount as amount from (").append(inner)
          .append(") f join case_file c on c.case_number = f.case_number where 1 = 1");
      List<Object> scopeParameters = new ArrayList<>();
      if (province != null) {
        middle.append(" and c.province = ?");
        scopeParameters.add(province);
      }
      if (scope.district() != null) {
        middle.append(" and c.district = ?");
        scopeParameters.add(scope.district());
      }
      StringBuilder sql = new StringBuilder("select ");
      StringBuilder groupBy = new StringBuilder();
      for (int j = 0; j < keyExpressions.size(); j++) {
        sql.append("g.d").append(j).append(", ");
        groupBy.append(j == 0 ? "" : ", ").append("g.d").append(j);
      }
      for (int i = 0; i < marks.size(); i++) {
        sql.append("sum(g.m").append(i).append(") as n").append(i).append(", sum(case when g.m")
            .append(i).append(" = 1 then g.amount end) as a").append(i)
            .append(i + 1 < marks.size() ? ", " : "");
      }
      sql.append(" from (").append(middle).append(") g group by ").append(groupBy);
      List<Object> parameters = new ArrayList<>(keyParameters);
      parameters.addAll(innerParameters);
      parameters.addAll(scopeParameters);
      int width = keyExpressions.size();
      int count = marks.size();
      long started = System.nanoTime();
      rows.addAll(jdbc.sql(sql.toString()).params(parameters)
          .query((rs, n) -> row(rs, width, count)).list());
      LOG.debug("{} {}: {} groups in {} ms", source.id, perCase ? "by case" : "by fact",
          rows.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static Row row(ResultSet rs, int width, int count) throws SQLException {
      String[] values = new String[width];
      for (int j = 0; j < width; j++) {
        values[j] = rs.getString(j + 1);
      }
      long[] counts = new long[count];
      BigDecimal[] amounts = new BigDecimal[count];
      for (int i = 0; i < count; i++) {
        counts[i] = rs.getLong(width + 2 * i + 1);
        amounts[i] = rs.getBigDecimal(width + 2 * i + 2);
      }
      return new Row(values, counts, amounts);
    }

    /** The groups of one table, added up from the family's finer groups. */
    List<Group> rollUp(Indicator indicator, Dimension rowDimension, Dimension columnDimension,
        List<String> offences) {
      int i = indicators.indexOf(indicator);
      int r = keys.get(key(indicator, rowDimension));
      int k = columnDimension == null ? -1 : keys.get(key(indicator, columnDimension));
      int offence = keys.get("child:" + Dimension.OFFENCE_TYPE.name());
      Map<List<String>, Group> groups = new LinkedHashMap<>();
      for (Row row : rows) {
        if (row.counts[i] == 0 || !offences.isEmpty() && !among(row.values[offence], offences)) {
          continue;
        }
        String rowValue = row.values[r];
        String columnValue = k < 0 ? null : row.values[k];
        groups.merge(java.util.Arrays.asList(rowValue, columnValue),
            new Group(rowValue, columnValue, row.counts[i], row.amounts[i]),
            (a, b) -> new Group(a.row(), a.column(), a.count() + b.count(),
                a.amount() == null ? b.amount()
                    : b.amount() == null ? a.amount() : a.amount().add(b.amount())));
      }
      return List.copyOf(groups.values());
    }

    /** A case is in a table limited to some offences when it names one of them. */
    private static boolean among(String offenceTypes, List<String> offences) {
      if (offenceTypes == null) {
        return false;
      }
      String listed = "," + offenceTypes + ",";
      return offences.stream().anyMatch(o -> listed.contains("," + o + ","));
    }

    private static String type(Dimension dimension) {
      return dimension == Dimension.VALUE ? "varchar(4000)" : "varchar(64)";
    }
  }

  private record Row(String[] values, long[] counts, BigDecimal[] amounts) {}
}
