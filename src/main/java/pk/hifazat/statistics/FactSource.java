package pk.hifazat.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recorded facts an indicator may count, each kept by the module that owns it and only read
 * here. Every source gives the same columns: the case number, the moment that places the fact in
 * a period, an amount, and what the fact names (agency, rule, scheme, value). The dictionary's
 * {@code where} fields are mapped to columns here and their values bound as parameters, so the
 * dictionary can choose among facts but never write SQL.
 */
enum FactSource {
  CASE_FILE("case_file", "case_file s", "s.case_number", "reported_at",
      Set.of("reported_at", "custody_taken_at", "registered_at"),
      Map.of("source", "s.source", "stage", "s.stage", "custody_taken_at", "s.custody_taken_at"),
      Map.of()),
  SLA_CLOCK("sla_clock", "sla_clock s", "s.case_number", "due_at",
      Set.of("due_at", "started_at", "breached_at", "stopped_at"),
      Map.of("rule", "s.rule_id", "status", "s.status", "kind", "s.kind", "agency", "s.agency"),
      Map.of("agency", "s.agency", "rule", "s.rule_id")),
  JUSTICE_EVENT("justice_event", "justice_event s", "s.case_number", "occurred_at",
      Set.of("occurred_at"),
      Map.of("event", "s.event", "outcome", "s.outcome", "agency", "s.agency"),
      Map.of("agency", "s.agency")),
  COMPENSATION_EVENT("compensation_event", "compensation_event s", "s.case_number",
      "occurred_at", Set.of("occurred_at"),
      Map.of("event", "s.event", "outcome", "s.outcome", "scheme", "s.scheme"),
      Map.of("scheme", "s.scheme", "amount", "s.amount")),
  REFERRAL("referral", "referral s", "s.case_number", "sent_at",
      Set.of("sent_at", "answered_at", "delivered_at", "closed_at"),
      Map.of("agency", "s.agency", "status", "s.status", "outcome", "s.outcome",
          "delivered_at", "s.delivered_at", "sharing_basis", "s.sharing_basis"),
      Map.of("agency", "s.agency")),
  /** R-TRANSFER: a case proposed to move to another district, with its route and answer. */
  CASE_TRANSFER("case_transfer", "case_transfer s", "s.case_number", "requested_at",
      Set.of("requested_at", "decided_at"),
      Map.of("status", "s.status", "reason", "s.reason"),
      Map.of("value", "s.from_province || ' to ' || s.to_province")),
  /** R-CONSENT: a referral that waited for consent, by agency, and whether it went. */
  REFERRAL_CONSENT("referral_consent", "referral_consent s", "s.case_number", "asked_at",
      Set.of("asked_at", "recorded_at"),
      Map.of("agency", "s.agency", "outcome", "s.outcome"),
      Map.of("agency", "s.agency", "value", "s.outcome")),
  /** A child found again: a later case confirmed to be a child of an earlier one (R-MATCH-LINK). */
  CASE_LINK("case_link", "case_link s", "s.case_number", "confirmed_at", Set.of("confirmed_at"),
      Map.of("re_trafficked", "(case when s.re_trafficked then 'yes' else 'no' end)"),
      Map.of()),
  /**
   * A value a pathway decided, its latest, at the moment it was set: the statistics' own copy of
   * the engine's history of the variables the dictionary names ({@link PathwayFacts}).
   */
  PATHWAY_VARIABLE("pathway_variable",
      "pathway_fact v join case_file s on s.process_instance_id = v.root_process_instance_id",
      "s.case_number", "fact_at", Set.of("create_time_"),
      Map.of("value", "v.fact_value"),
      Map.of("value", "v.fact_value")),
  /**
   * A step of a pathway that was reached and ended, at its end: the statistics' own copy of the
   * engine's history of the steps the dictionary names ({@link PathwayFacts}).
   */
  PATHWAY_STEP("pathway_step",
      "pathway_fact v join case_file s on s.process_instance_id = v.root_process_instance_id",
      "s.case_number", "fact_at", Set.of("end_time_"),
      Map.of("activity", "v.name"),
      Map.of());

  final String id;
  private final String from;
  private final String caseNumber;
  final String defaultDate;
  final Set<String> dates;
  final Map<String, String> fields;
  private final Map<String, String> columns;

  FactSource(String id, String from, String caseNumber, String defaultDate, Set<String> dates,
      Map<String, String> fields, Map<String, String> columns) {
    this.id = id;
    this.from = from;
    this.caseNumber = caseNumber;
    this.defaultDate = defaultDate;
    this.dates = dates;
    this.fields = fields;
    this.columns = columns;
  }

  static Optional<FactSource> byId(String id) {
    for (FactSource source : values()) {
      if (source.id.equals(id)) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }

  /** The dimensions this source's facts name themselves (beyond the child's and the area). */
  boolean names(Dimension dimension) {
    return columns.containsKey(dimension.id);
  }

  /**
   * The facts an indicator counts in a range of time (and, where the source reads the case
   * file itself, in a province), as a subquery with its parameters: the range is asked of the
   * source's own table, so only the facts of the range are read.
   */
  Sql facts(Indicator indicator, java.time.Instant start, java.time.Instant end,
      String province) {
    Sql condition = condition(indicator, start, end, province);
    String sql = "select " + caseNumber + " as case_number, "
        + date(indicator) + " as fact_at, "
        + column("amount", "numeric(18, 2)") + " as amount, "
        + column("agency", "varchar(64)") + " as agency, "
        + column("rule", "varchar(64)") + " as rule_id, "
        + column("scheme", "varchar(64)") + " as scheme, "
        + column("value", "varchar(4000)") + " as fact_value from " + from
        + " where " + condition.text();
    return new Sql(sql, condition.parameters());
  }

  /** The moment that places an indicator's fact in a period, as a column of {@link #from}. */
  String date(Indicator indicator) {
    return this == PATHWAY_VARIABLE || this == PATHWAY_STEP ? "v." + defaultDate
        : "s." + (indicator.date() == null ? defaultDate : indicator.date());
  }

  /** The tables the facts are read from, aliased {@code s} (and {@code v} for the engine's). */
  String from() {
    return from;
  }

  /**
   * The source's own table alone, for a reader that joins the facts to the case file itself:
   * the pathways' facts without their case file, named by their root process instance.
   */
  String ownTable() {
    return keyedByInstance() ? "pathway_fact v" : from;
  }

  /** The column of {@link #ownTable} that names the fact's case (or its root process instance). */
  String ownKey() {
    return keyedByInstance() ? "v.root_process_instance_id" : caseNumber;
  }

  /** Whether {@link #ownKey} is the case's root process instance rather than its number. */
  boolean keyedByInstance() {
    return this == PATHWAY_VARIABLE || this == PATHWAY_STEP;
  }

  String caseNumber() {
    return caseNumber;
  }

  /**
   * Whether a row of {@link #from} is a fact the indicator counts in the range (and province):
   * its date in the range, the dictionary's {@code where} values bound as parameters.
   */
  Sql condition(Indicator indicator, java.time.Instant start, java.time.Instant end,
      String province) {
    String date = date(indicator);
    List<Object> parameters = new ArrayList<>();
    parameters.add(pk.hifazat.support.SqlTimes.toColumn(start));
    parameters.add(pk.hifazat.support.SqlTimes.toColumn(end));
    Sql criteria = criteria(indicator, province);
    parameters.addAll(criteria.parameters());
    return new Sql(date + " >= ? and " + date + " < ?" + criteria.text(), parameters);
  }

  /**
   * Whether a row of {@link #from} is a fact the indicator counts, its date aside (and, where the
   * source reads the case file itself, in a province): each condition starts with " and ", so an
   * empty text keeps every row.
   */
  Sql criteria(Indicator indicator, String province) {
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    if (province != null && (this == CASE_FILE || from.contains("join case_file s"))) {
      sql.append(" and s.province = ?");
      parameters.add(province);
    }
    if (this == PATHWAY_VARIABLE) {
      sql.append(" and v.kind = 'VARIABLE' and v.name = ?");
      parameters.add(indicator.variable());
    }
    if (this == PATHWAY_STEP) {
      // Only ended steps are kept.
      sql.append(" and v.kind = 'STEP'");
    }
    if ((this == PATHWAY_VARIABLE || this == PATHWAY_STEP) && indicator.process() != null) {
      sql.append(" and v.process_key = ?");
      parameters.add(indicator.process());
    }
    for (Map.Entry<String, List<String>> where : indicator.where().entrySet()) {
      String column = fields.get(where.getKey());
      List<String> wanted = where.getValue();
      if (wanted.equals(List.of(Indicator.RECORDED))) {
        sql.append(" and ").append(column).append(" is not null");
      } else {
        sql.append(" and ").append(column).append(" in (")
            .append(String.join(", ", wanted.stream().map(value -> "?").toList())).append(")");
        parameters.addAll(wanted);
      }
    }
    return new Sql(sql.toString(), parameters);
  }

  /**
   * The checks of {@link #criteria} that tell one indicator's facts from another's within a
   * family (the range, the province and the pathways' kind and variable being the family's),
   * for a reader that reads the columns and tells them apart itself.
   */
  List<Check> checks(Indicator indicator) {
    List<Check> checks = new ArrayList<>();
    if ((this == PATHWAY_VARIABLE || this == PATHWAY_STEP) && indicator.process() != null) {
      checks.add(new Check("v.process_key", List.of(indicator.process())));
    }
    for (Map.Entry<String, List<String>> where : indicator.where().entrySet()) {
      checks.add(new Check(fields.get(where.getKey()), where.getValue()));
    }
    return checks;
  }

  /** A column and the values it must hold, or {@link Indicator#RECORDED}: any value. */
  record Check(String column, List<String> wanted) {

    /** As {@code column in (wanted)} or {@code column is not null} decides in SQL. */
    boolean passes(String value) {
      return value != null
          && (wanted.equals(List.of(Indicator.RECORDED)) || wanted.contains(value));
    }
  }

  /**
   * What every fact of the source an indicator counts has in common, beyond its range of time:
   * for the pathways' facts, their kind and (of a value) its variable, the leading columns of
   * their index. Empty for the other sources.
   */
  Sql common(Indicator indicator) {
    if (this == PATHWAY_VARIABLE) {
      return new Sql("v.kind = 'VARIABLE' and v.name = ? and ", List.of(indicator.variable()));
    }
    if (this == PATHWAY_STEP) {
      return new Sql("v.kind = 'STEP' and ", List.of());
    }
    return new Sql("", List.of());
  }

  /** A column the facts name ("amount", "agency", "rule", "scheme", "value"), or a typed null. */
  String column(String name, String type) {
    String column = columns.get(name);
    return column != null ? column : "cast(null as " + type + ")";
  }

  /** A piece of SQL and the parameters it binds, in order. */
  record Sql(String text, List<Object> parameters) {}
}
