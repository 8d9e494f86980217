package pk.hifazat.statistics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a figure is broken down by (R-DATA-DISAGGREGATED): the child's facts from the case file,
 * the same in every province, the area, the period, and what the counted fact itself names.
 */
enum Dimension {
  SEX("sex", "Sex", "c.child_sex", labelled("F", "Girls", "M", "Boys", "X", "Other")),
  AGE_BAND("age_band", "Age", "case when c.age_disputed then 'disputed'"
      + " when c.child_age_years <= 4 then '0-4' when c.child_age_years <= 9 then '5-9'"
      + " when c.child_age_years <= 14 then '10-14' else '15-17' end",
      labelled("0-4", "0-4", "5-9", "5-9", "10-14", "10-14", "15-17", "15-17",
          "disputed", "age disputed")),
  NATIONALITY("nationality", "Nationality", "c.nationality", Map.of()),
  RELIGION("religion", "Religion", "c.religion", Map.of()),
  ETHNICITY("ethnicity", "Ethnic origin", "c.ethnicity", Map.of()),
  SOCIOECONOMIC_STATUS("socioeconomic_status", "Socioeconomic status", "c.socioeconomic_status",
      Map.of()),
  RESIDENCE("residence", "Residence", "c.residence", labelled("URBAN", "Urban", "RURAL", "Rural")),
  OFFENCE_TYPE("offence_type", "Offence type", "c.offence_types", labelled(
      "SALE_OF_CHILD", "Sale of a child", "TRAFFICKING", "Trafficking",
      "EXPLOITATION_IN_PROSTITUTION", "Exploitation in prostitution",
      "CSAM", "Child sexual abuse material",
      "ONLINE_SEXUAL_EXPLOITATION", "Online sexual exploitation",
      "SEXUAL_EXPLOITATION_TRAVEL_TOURISM", "Sexual exploitation in travel and tourism",
      "CHILD_MARRIAGE", "Child marriage", "FORCED_LABOUR", "Forced labour",
      "ORGAN_TRANSFER", "Transfer of organs", "ILLEGAL_ADOPTION", "Illegal adoption",
      "SEXUAL_ABUSE", "Sexual abuse")),
  REPORT_SOURCE("report_source", "Source of the report", "c.source", Map.of()),
  PROVINCE("province", "Province", "c.province", Map.of()),
  DISTRICT("district", "District", "c.district", Map.of()),
  PERIOD("period", "Period", null, Map.of()),
  AGENCY("agency", "Agency", "f.agency", Map.of()),
  RULE("rule", "Rule", "f.rule_id", Map.of()),
  SCHEME("scheme", "Scheme", "f.scheme", Map.of()),
  VALUE("value", "Value", "f.fact_value", Map.of());

  /** Shown for a fact whose dimension was not recorded; counted, never dropped. */
  static final String NOT_RECORDED = "not recorded";

  /** Dimensions every indicator may use besides its own list. */
  static final List<Dimension> ALWAYS = List.of(PERIOD, PROVINCE, DISTRICT);

  final String id;
  final String label;
  final String column;
  /** Known values in their order, with their labels; empty for free values. */
  final Map<String, String> known;

  Dimension(String id, String label, String column, Map<String, String> known) {
    this.id = id;
    this.label = label;
    this.column = column;
    this.known = known;
  }

  /** Offence types: a case names one or more, comma-separated, and counts under each. */
  boolean multiValued() {
    return this == OFFENCE_TYPE;
  }

  /** Typed in by the officer at intake, so compared without regard to case or spaces. */
  boolean freeText() {
    return this == RELIGION || this == ETHNICITY || this == SOCIOECONOMIC_STATUS;
  }

  /** Dimensions of the child, the same for every indicator of a case. */
  boolean ofTheChild() {
    return ordinal() <= DISTRICT.ordinal();
  }

  static Optional<Dimension> byId(String id) {
    return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
  }

  private static Map<String, String> labelled(String... valuesAndLabels) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < valuesAndLabels.length; i += 2) {
      map.put(valuesAndLabels[i], valuesAndLabels[i + 1]);
    }
    return map;
  }
}
