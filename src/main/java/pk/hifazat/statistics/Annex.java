package pk.hifazat.statistics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The statistical annex to the report under the Optional Protocol: the tables of the list of
 * issues CRC/C/OPSC/PAK/Q/1 para 2 (a)-(d) for a period and a zone, laid out as the dictionary's
 * {@code annex} says, with the definitions of the indicators used and the suppression rule.
 */
@Component
class Annex {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Annex.class);

  private final IndicatorDictionary dictionary;
  private final Tables tables;

  Annex(IndicatorDictionary dictionary, Tables tables) {
    this.dictionary = dictionary;
    this.tables = tables;
  }

  /**
   * The annex, each source's facts read once for all its tables ({@link FactBatch}), so its cost
   * hardly grows with the number of tables.
   */
  Report report(Scope scope, String zone) {
    long started = System.nanoTime();
    List<FactBatch.Need> needs = new ArrayList<>();
    for (Section section : dictionary.annex().sections()) {
      for (TableSpec spec : section.tables()) {
        Dimension columns = spec.indicator() != null ? spec.columns() : null;
        List<Indicator> used = spec.indicator() != null ? List.of(dictionary.get(spec.indicator()))
            : spec.indicators().stream().map(dictionary::get).toList();
        for (Indicator indicator : used) {
          if (indicator.counting() == Indicator.Counting.RATIO) {
            needs.add(new FactBatch.Need(dictionary.get(indicator.numerator()), spec.rows(),
                columns));
            needs.add(new FactBatch.Need(dictionary.get(indicator.denominator()), spec.rows(),
                columns));
          } else {
            needs.add(new FactBatch.Need(indicator, spec.rows(), columns));
          }
        }
      }
    }
    FactBatch batch = tables.batch(scope, needs);
    LOG.debug("annex facts read in {} ms", (System.nanoTime() - started) / 1_000_000);
    return report(scope, zone, batch);
  }

  /** The same annex, each table from a query of its own: what the batch is checked against. */
  Report reportTableByTable(Scope scope, String zone) {
    return report(scope, zone, tables::groups);
  }

  private Report report(Scope scope, String zone, Tables.Grouping grouping) {
    Layout layout = dictionary.annex();
    List<SectionTables> sections = new ArrayList<>();
    Map<String, Definition> definitions = new LinkedHashMap<>();
    for (Section section : layout.sections()) {
      Scope sectionScope = scope.withOffences(section.offences());
      List<StatTable> computed = new ArrayList<>();
      for (TableSpec spec : section.tables()) {
        long started = System.nanoTime();
        List<Indicator> used;
        if (spec.indicator() != null) {
          Indicator indicator = dictionary.get(spec.indicator());
          used = List.of(indicator);
          StatTable table = tables.table(indicator, spec.rows(), spec.columns(), sectionScope,
              grouping);
          computed.add(spec.title() == null ? table : retitled(table, spec.title()));
        } else {
          used = spec.indicators().stream().map(dictionary::get).toList();
          computed.add(tables.side(spec.title() == null ? "" : spec.title(), used, spec.rows(),
              sectionScope, grouping));
        }
        LOG.debug("annex {} {} by {}: {} ms", section.id(), spec.indicator() == null
            ? spec.indicators() : spec.indicator(), spec.rows().id,
            (System.nanoTime() - started) / 1_000_000);
        used.forEach(indicator -> definitions.putIfAbsent(indicator.id(), new Definition(
            indicator.id(), indicator.wording(), indicator.unit(), indicator.definition())));
      }
      sections.add(new SectionTables(section.id(), section.heading(), computed));
    }
    return new Report(layout.title(), zone, scope.from().getYear(), scope.toInclusive().getYear(),
        scope.period().name().toLowerCase(), sections, List.copyOf(definitions.values()),
        dictionary.suppressionRule(), dictionary.threshold());
  }

  private static StatTable retitled(StatTable table, String title) {
    return new StatTable(table.indicator(), title, table.unit(), table.definition(), table.rows(),
        table.columns(), table.cells(), table.rowTotals(), table.columnTotals(), table.total(),
        table.completeness(), table.notes());
  }

  /** The annex as the dictionary lays it out. */
  record Layout(String title, List<Section> sections) {}

  /** A paragraph of the list of issues, limited to its offences (none: every offence). */
  record Section(String id, String heading, List<String> offences, List<TableSpec> tables) {}

  /** One indicator by rows (and columns), or several indicators side by side by rows. */
  record TableSpec(String title, String indicator, List<String> indicators, Dimension rows,
      Dimension columns) {}

  /** The annex computed for a period and a zone. */
  record Report(String title, String zone, int fromYear, int toYear, String period,
      List<SectionTables> sections, List<Definition> definitions, String suppressionRule,
      int suppressionThreshold) {}

  record SectionTables(String id, String heading, List<StatTable> tables) {}

  record Definition(String id, String wording, String unit, String definition) {}
}
