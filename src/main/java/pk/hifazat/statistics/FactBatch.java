package pk.hifazat.statistics;

import java.math.BigDecimal;
import java.sql.ResultSet;
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
 * the annex costs one indexed range of each source (and date) rather than one join per table:
 * the facts of a source are read once for all its indicators and told apart here, one per fact
 * (or per case, with each indicator's first fact), and the zone's cases are read once with the
 * child's dimensions ({@link ZoneCases}); each fact is joined to its case in memory and counted
 * in groups of every dimension any of its tables needs, and each table is then added up from
 * those groups. A case is placed in a period by each indicator's own first fact, exactly as a
 * table computed on its own places it, so the figures are the same; only the number of queries
 * changes. Tables the batch was not asked for are computed on their own.
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
    // The child's dimensions every family groups by, read once with the zone's cases.
    Set<Dimension> childDimensions = new LinkedHashSet<>(List.of(Dimension.OFFENCE_TYPE));
    byKey.values().forEach(family -> childDimensions.addAll(family.child));
    List<Dimension> childOrder = List.copyOf(childDimensions);
    byKey.values().forEach(family -> family.layout(childOrder));
    // The zone's cases and each source are queries of their own, on connections of their own:
    // read side by side, then joined here.
    java.util.concurrent.CompletableFuture<ZoneCases> zone =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> ZoneCases.read(jdbc, scope, childOrder), readers);
    List<java.util.concurrent.CompletableFuture<Void>> reads = new ArrayList<>();
    for (Family family : byKey.values()) {
      reads.add(java.util.concurrent.CompletableFuture.runAsync(() -> family.read(jdbc, scope),
          readers));
    }
    pk.hifazat.support.SideBySide.join(java.util.concurrent.CompletableFuture.allOf(
        reads.toArray(java.util.concurrent.CompletableFuture[]::new)));
    ZoneCases cases = pk.hifazat.support.SideBySide.join(zone);
    byKey.values().forEach(family -> family.join(cases, scope));
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
    private final List<Fact> facts = new ArrayList<>();

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

    /**
     * Where each dimension's value sits in a group's key: the child's dimensions first (the same
     * for every family), then those the facts name, per indicator when counted by case.
     */
    void layout(List<Dimension> childOrder) {
      for (Dimension dimension : childOrder) {
        keys.put("child:" + dimension.name(), keys.size());
      }
      if (perCase) {
        for (Indicator indicator : indicators) {
          for (Dimension dimension : own.get(indicator)) {
            keys.put(key(indicator, dimension), keys.size());
          }
        }
      } else {
        for (Dimension dimension : named()) {
          keys.put(key(dated, dimension), keys.size());
        }
      }
    }

    private Set<Dimension> named() {
      Set<Dimension> named = new LinkedHashSet<>();
      own.values().forEach(named::addAll);
      return named;
    }

    /**
     * Reads the family's facts from the source's own table alone, only the columns, and tells
     * here which indicators count each fact (and, when counted by case, keeps each case's first):
     * H2 evaluates conditions and groups several times slower than it reads. The zone is applied
     * when the facts are joined to its cases.
     */
    void read(JdbcClient jdbc, Scope scope) {
      // The case file as a source limits itself to the province; the other sources' zone is
      // their cases'.
      String province = source == FactSource.CASE_FILE && scope.province() != null
          ? scope.province().toUpperCase(Locale.ROOT) : null;
      // A family's facts share their date (it is part of the family's key).
      String date = source.date(dated);
      Map<String, Integer> columns = new LinkedHashMap<>();
      List<List<FactSource.Check>> checks = new ArrayList<>();
      for (Indicator indicator : indicators) {
        List<FactSource.Check> own = source.checks(indicator);
        own.forEach(check -> columns.putIfAbsent(check.column(), columns.size()));
        checks.add(own);
      }
      Set<Dimension> named = named();
      List<Object> parameters = new ArrayList<>();
      StringBuilder sql = new StringBuilder("select ").append(source.ownKey()).append(" as k, ")
          .append(date).append(" as fact_at, ")
          .append(source.column("amount", "numeric(18, 2)")).append(" as amount");
      for (Dimension dimension : named) {
        if (dimension != Dimension.PERIOD) {
          String name = FACT_COLUMNS.get(dimension);
          sql.append(", ").append(source.column(name, type(dimension))).append(" as x_")
              .append(name);
        }
      }
      columns.forEach((column, j) -> sql.append(", ").append(column).append(" as w").append(j));
      sql.append(" from ").append(source.ownTable()).append(" where ");
      // A family's facts share their kind and variable: said first, so that the pathways' facts
      // are read through the index that leads with them, then the range through its index.
      FactSource.Sql common = source.common(dated);
      sql.append(common.text()).append(date).append(" >= ? and ").append(date).append(" < ? and (");
      parameters.addAll(common.parameters());
      parameters.add(pk.hifazat.support.SqlTimes.toColumn(scope.start()));
      parameters.add(pk.hifazat.support.SqlTimes.toColumn(scope.end()));
      for (int i = 0; i < indicators.size(); i++) {
        FactSource.Sql criteria = source.criteria(indicators.get(i), province);
        sql.append(i == 0 ? "(1 = 1" : " or (1 = 1").append(criteria.text()).append(')');
        parameters.addAll(criteria.parameters());
      }
      sql.append(')');
      long started = System.nanoTime();
      Map<String, Fact> byCase = new LinkedHashMap<>();
      jdbc.sql(sql.toString()).params(parameters).query((ResultSet rs) -> {
        int[] marks = new int[indicators.size()];
        boolean counted = false;
        for (int i = 0; i < marks.length; i++) {
          boolean passes = true;
          for (FactSource.Check check : checks.get(i)) {
            passes &= check.passes(rs.getString("w" + columns.get(check.column())));
          }
          marks[i] = passes ? 1 : 0;
          counted |= passes;
        }
        if (!counted) {
          return;
        }
        Map<String, String> values = named.isEmpty() ? Map.of() : new HashMap<>();
        for (Dimension dimension : named) {
          if (dimension != Dimension.PERIOD) {
            values.put(dimension.name(), rs.getString("x_" + FACT_COLUMNS.get(dimension)));
          }
        }
        java.time.Instant at = pk.hifazat.support.SqlTimes.fromColumn(rs, "fact_at");
        String key = rs.getString("k");
        if (!perCase) {
          Map<String, String> byKey = values.isEmpty() ? Map.of() : new HashMap<>();
          values.forEach((dimension, value) ->
              byKey.put(key(dated, Dimension.valueOf(dimension)), value));
          facts.add(new Fact(key, new java.time.Instant[] {at}, byKey, marks,
              rs.getBigDecimal("amount")));
          return;
        }
        // Each case once per indicator: at its first fact, with the greatest value each
        // dimension names among its facts (as max() in SQL, for a table computed on its own).
        Fact fact = byCase.computeIfAbsent(key, k -> new Fact(k,
            new java.time.Instant[indicators.size()], new HashMap<>(),
            new int[indicators.size()], null));
        for (int i = 0; i < marks.length; i++) {
          if (marks[i] == 0) {
            continue;
          }
          fact.marks()[i] = 1;
          if (fact.at()[i] == null || at.isBefore(fact.at()[i])) {
            fact.at()[i] = at;
          }
          for (Dimension dimension : own.get(indicators.get(i))) {
            String value = values.get(dimension.name());
            if (dimension != Dimension.PERIOD && value != null) {
              fact.named().merge(key(indicators.get(i), dimension), value, FactBatch::greater);
            }
          }
        }
      });
      facts.addAll(byCase.values());
      LOG.debug("{} {}: {} facts in {} ms", source.id, perCase ? "by case" : "by fact",
          facts.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Joins the facts to the zone's cases (facts of other cases are left out) and counts them
     * per group of every dimension the family's tables need.
     */
    void join(ZoneCases cases, Scope scope) {
      List<java.time.Instant> periods =
          scope.periods().stream().map(Scope.PeriodSlot::start).toList();
      int width = keys.size();
      int count = indicators.size();
      // Where each value of a group's key comes from, worked out once for all facts.
      int[] childAt = new int[width];
      int[] periodOf = new int[width];
      String[] namedAs = new String[width];
      for (Map.Entry<String, Integer> key : keys.entrySet()) {
        String name = key.getKey();
        int j = key.getValue();
        childAt[j] = name.startsWith("child:")
            ? cases.position(Dimension.valueOf(name.substring("child:".length()))) : -1;
        periodOf[j] = !name.startsWith("period") ? -1
            : perCase ? Integer.parseInt(name.substring("period:".length())) : 0;
        namedAs[j] = childAt[j] < 0 && periodOf[j] < 0 ? name : null;
      }
      Map<List<String>, Row> groups = new LinkedHashMap<>();
      for (Fact fact : facts) {
        String[] child = cases.of(fact.key(), source.keyedByInstance());
        if (child == null) {
          continue;
        }
        String[] values = new String[width];
        for (int j = 0; j < width; j++) {
          values[j] = childAt[j] >= 0 ? child[childAt[j]]
              : periodOf[j] >= 0 ? period(fact.at()[periodOf[j]], periods)
              : fact.named().get(namedAs[j]);
        }
        Row row = groups.computeIfAbsent(java.util.Arrays.asList(values),
            v -> new Row(values, new long[count], new BigDecimal[count]));
        for (int i = 0; i < count; i++) {
          row.counts[i] += fact.marks()[i];
          if (fact.marks()[i] == 1 && fact.amount() != null) {
            row.amounts[i] = row.amounts[i] == null ? fact.amount()
                : row.amounts[i].add(fact.amount());
          }
        }
      }
      rows.addAll(groups.values());
      facts.clear();
    }

    /** The period a moment falls in, as {@link Tables#period} numbers it. */
    private static String period(java.time.Instant moment, List<java.time.Instant> starts) {
      if (moment == null) {
        return null;
      }
      for (int i = 1; i < starts.size(); i++) {
        if (moment.isBefore(starts.get(i))) {
          return Integer.toString(i - 1);
        }
      }
      return Integer.toString(starts.size() - 1);
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

  private static String greater(String a, String b) {
    return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
  }

  private record Row(String[] values, long[] counts, BigDecimal[] amounts) {}

  /**
   * A fact of a family as read: its case (or root process instance), its moments (each
   * indicator's first, when counted by case), the values it names, which indicators count it,
   * and its amount.
   */
  private record Fact(String key, java.time.Instant[] at, Map<String, String> named, int[] marks,
      BigDecimal amount) {}
}
