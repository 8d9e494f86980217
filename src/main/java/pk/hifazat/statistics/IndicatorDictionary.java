package pk.hifazat.statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The indicator dictionary that policy staff keep in {@code processes/indicators.yaml}, read once
 * at start. A mistake in it stops the start with the indicator and the field named: a figure
 * defined wrongly is never published.
 */
@Component
class IndicatorDictionary {

  private final Map<String, Indicator> indicators;
  private final Annex.Layout annex;
  private final String suppressionRule;
  private final int threshold;
  private final List<Indicator> orderedIndicators = new ArrayList<>();

  @Autowired
  IndicatorDictionary(StatisticsSettings settings) {
    this(read(settings), settings.suppressionThreshold(), settings.indicators().toString());
  }

  @SuppressWarnings("unchecked")
  IndicatorDictionary(String yaml, int threshold, String name) {
    this.threshold = threshold;
    Map<String, Object> root;
    try {
      root = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (RuntimeException e) {
      throw new IllegalStateException("The indicator dictionary " + name + " is not valid YAML: "
          + e.getMessage(), e);
    }
    if (root == null || !(root.get("indicators") instanceof List<?>)) {
      throw new IllegalStateException("The indicator dictionary " + name + " lists no indicators");
    }
    Map<String, Indicator> read = new LinkedHashMap<>();
    for (Object entry : (List<Object>) root.get("indicators")) {
      Indicator indicator = indicator((Map<String, Object>) entry, name);
      if (read.put(indicator.id(), indicator) != null) {
        throw invalid(name, indicator.id(), "id", "is used twice");
      }
    }
    for (Indicator indicator : read.values()) {
      if (indicator.counting() == Indicator.Counting.RATIO) {
        for (String part : List.of(indicator.numerator(), indicator.denominator())) {
          Indicator other = read.get(part);
          if (other == null || other.counting() == Indicator.Counting.RATIO) {
            throw invalid(name, indicator.id(), "ratio", "names " + part
                + ", which is not a counted indicator of this file");
          }
        }
      }
    }
    this.indicators = Map.copyOf(read);
    Map<String, Object> suppression = (Map<String, Object>) root.getOrDefault("suppression", Map.of());
    this.suppressionRule = Objects.toString(suppression.get("rule"),
        "Counts from 1 to {below} are not shown.")
        .replace("{threshold}", Integer.toString(threshold))
        .replace("{below}", Integer.toString(threshold - 1));
    this.annex = annex((Map<String, Object>) root.get("annex"), read, name);
  }

  private static String read(StatisticsSettings settings) {
    try {
      return Files.readString(settings.indicators());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the indicator dictionary "
          + settings.indicators(), e);
    }
  }

  /** The indicators in the order of the file. */
  List<Indicator> inOrder() {
    return List.copyOf(orderedIndicators);
  }

  Indicator get(String id) {
    return indicators.get(id);
  }

  Annex.Layout annex() {
    return annex;
  }

  String suppressionRule() {
    return suppressionRule;
  }

  int threshold() {
    return threshold;
  }

  @SuppressWarnings("unchecked")
  private Indicator indicator(Map<String, Object> entry, String name) {
    String id = text(entry, "id", null, name);
    String wording = text(entry, "wording", id, name);
    String unit = text(entry, "unit", id, name);
    String definition = Objects.toString(entry.get("definition"), "");
    List<Dimension> dimensions = new ArrayList<>();
    for (String dimensionId : flat(entry.get("dimensions"))) {
      dimensions.add(Dimension.byId(dimensionId).orElseThrow(() -> invalid(name, id,
          "dimensions", "names " + dimensionId + ", which is none of "
              + List.of(Dimension.values()).stream().map(d -> d.id).toList())));
    }
    String valueLabel = (String) entry.get("value_label");
    Indicator indicator;
    if (entry.get("ratio") instanceof Map<?, ?> ratio) {
      indicator = new Indicator(id, wording, unit, definition, null, null, Map.of(),
          Indicator.Counting.RATIO, null, null, (String) ratio.get("numerator"),
          (String) ratio.get("denominator"), dimensions, valueLabel);
    } else {
      String sourceId = text(entry, "source", id, name);
      FactSource source = FactSource.byId(sourceId).orElseThrow(() -> invalid(name, id, "source",
          "names " + sourceId + ", which is none of "
              + List.of(FactSource.values()).stream().map(s -> s.id).toList()));
      String date = (String) entry.get("date");
      if (date != null && !source.dates.contains(date)) {
        throw invalid(name, id, "date", "must be one of " + source.dates);
      }
      Map<String, List<String>> where = new LinkedHashMap<>();
      Object whereEntry = entry.getOrDefault("where", Map.of());
      if (!(whereEntry instanceof Map<?, ?>)) {
        throw invalid(name, id, "where", "must be fields with their values");
      }
      for (Map.Entry<String, Object> field : ((Map<String, Object>) whereEntry).entrySet()) {
        if (!source.fields.containsKey(field.getKey())) {
          throw invalid(name, id, "where", "names " + field.getKey() + ", which " + sourceId
              + " does not have; it has " + source.fields.keySet());
        }
        List<String> values = flat(field.getValue());
        if (values.isEmpty()) {
          throw invalid(name, id, "where", field.getKey() + " has no value");
        }
        where.put(field.getKey(), values);
      }
      Indicator.Counting counting;
      if ("amount".equals(entry.get("sum"))) {
        if (source != FactSource.COMPENSATION_EVENT) {
          throw invalid(name, id, "sum", "only compensation_event has amounts");
        }
        counting = Indicator.Counting.AMOUNT;
      } else if ("records".equals(entry.get("count"))) {
        counting = Indicator.Counting.RECORDS;
      } else if ("cases".equals(entry.get("count")) || entry.get("count") == null) {
        counting = Indicator.Counting.CASES;
      } else {
        throw invalid(name, id, "count", "must be cases or records");
      }
      String variable = (String) entry.get("variable");
      if (source == FactSource.PATHWAY_VARIABLE && (variable == null || variable.isBlank())) {
        throw invalid(name, id, "variable", "is needed for pathway_variable");
      }
      for (Dimension dimension : dimensions) {
        if (!dimension.ofTheChild() && dimension != Dimension.REPORT_SOURCE
            && !source.names(dimension)) {
          throw invalid(name, id, "dimensions", sourceId + " does not name " + dimension.id);
        }
      }
      indicator = new Indicator(id, wording, unit, definition, source, date, where, counting,
          variable, (String) entry.get("process"), null, null, dimensions, valueLabel);
    }
    orderedIndicators.add(indicator);
    return indicator;
  }

  @SuppressWarnings("unchecked")
  private static Annex.Layout annex(Map<String, Object> annex, Map<String, Indicator> indicators,
      String name) {
    if (annex == null) {
      return new Annex.Layout("Statistical annex", List.of());
    }
    List<Annex.Section> sections = new ArrayList<>();
    for (Map<String, Object> section : (List<Map<String, Object>>) annex.getOrDefault("sections",
        List.of())) {
      String id = Objects.toString(section.get("id"), "");
      List<Annex.TableSpec> tables = new ArrayList<>();
      for (Map<String, Object> table : (List<Map<String, Object>>) section.getOrDefault("tables",
          List.of())) {
        List<String> many = flat(table.get("indicators"));
        String single = (String) table.get("indicator");
        for (String indicator : single == null ? many : List.of(single)) {
          if (!indicators.containsKey(indicator)) {
            throw invalid(name, "annex " + id, "indicator", "names " + indicator
                + ", which is not in this file");
          }
        }
        Dimension rows = dimension(table.get("rows"), name, id);
        Dimension columns = table.get("columns") == null ? null
            : dimension(table.get("columns"), name, id);
        tables.add(new Annex.TableSpec((String) table.get("title"), single,
            single == null ? many : List.of(), rows, columns));
      }
      sections.add(new Annex.Section(id, Objects.toString(section.get("heading"), ""),
          flat(section.get("offences")), tables));
    }
    return new Annex.Layout(Objects.toString(annex.get("title"), "Statistical annex"), sections);
  }

  private static Dimension dimension(Object id, String name, String section) {
    return Dimension.byId(String.valueOf(id)).orElseThrow(() -> invalid(name, "annex " + section,
        "rows/columns", "names " + id + ", which is no dimension"));
  }

  /** A value, a list, or lists within a list (YAML anchors), as one flat list of text. */
  private static List<String> flat(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        values.addAll(flat(item));
      }
    } else if (value != null) {
      values.add(String.valueOf(value));
    }
    return values;
  }

  private static String text(Map<String, Object> entry, String field, String id, String name) {
    Object value = entry.get(field);
    if (value == null || String.valueOf(value).isBlank()) {
      throw invalid(name, id == null ? "an indicator" : id, field, "is missing");
    }
    return String.valueOf(value);
  }

  private static IllegalStateException invalid(String name, String id, String field,
      String problem) {
    return new IllegalStateException("Indicator dictionary " + name + ", " + id + ": " + field
        + " " + problem);
  }
}
