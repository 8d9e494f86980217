package pk.hifazat.statistics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Six cases of Hunza (GB), recorded straight into the tables the statistics read, with every fact
 * the indicators count; a district and years no other test uses. The numbers each indicator should
 * give are worked out by hand in {@link IndicatorsTest}.
 *
 * <pre>
 * case  sex age  nationality religion  ethnicity residence offences                   source   reported (PKT)
 *  1    F    8   PK          Muslim    -         URBAN     TRAFFICKING,SEXUAL_ABUSE   POLICE   2020-03-10, custody
 *  2    M   15   PK          "muslim " Balti     RURAL     FORCED_LABOUR              1098     2020-05-01
 *  3    F   16   AF          -         -         -         CHILD_MARRIAGE             NGO      2020-11-20, custody
 *  4    X   19d  PK          -         -         URBAN     TRAFFICKING                POLICE   2021-01-05
 *  5    M    3   PK          -         -         RURAL     SEXUAL_ABUSE               FAMILY   2020-01-01 01:00 (2019 in UTC)
 *  6    F   12   PK          -         -         URBAN     TRAFFICKING                POLICE   2018-06-01 (outside)
 * </pre>
 */
final class HandMadeCases {

  static final String PROVINCE = "GB";
  static final String DISTRICT = "Hunza";

  private final JdbcTemplate jdbc;
  private final String province;
  private final String district;
  private final String tag;

  /** The six cases in Hunza (GB). */
  HandMadeCases(JdbcTemplate jdbc) {
    this(jdbc, PROVINCE, DISTRICT, "99");
  }

  /** The same six cases in another district, their numbers marked by {@code tag}. */
  HandMadeCases(JdbcTemplate jdbc, String province, String district, String tag) {
    this.jdbc = jdbc;
    this.province = province;
    this.district = district;
    this.tag = tag;
  }

  String caseNumber(int n) {
    return province + "-2020-" + tag + "000" + n;
  }

  private String instance(int n) {
    return "stat-" + tag + "-" + n;
  }

  void record() {
    remove();
    file(1, "F", 8, false, "PK", "Muslim", null, "URBAN", "TRAFFICKING,SEXUAL_ABUSE", "POLICE",
        "2020-03-10T10:00:00+05:00", "2020-03-10T09:00:00+05:00");
    file(2, "M", 15, false, "PK", "muslim ", "Balti", "RURAL", "FORCED_LABOUR", "HELPLINE_1098",
        "2020-05-01T12:00:00+05:00", null);
    file(3, "F", 16, false, "AF", null, null, null, "CHILD_MARRIAGE", "NGO",
        "2020-11-20T12:00:00+05:00", "2020-11-20T11:00:00+05:00");
    file(4, "X", 19, true, "PK", null, "", "URBAN", "TRAFFICKING", "POLICE",
        "2021-01-05T12:00:00+05:00", null);
    file(5, "M", 3, false, "PK", null, null, "RURAL", "SEXUAL_ABUSE", "FAMILY",
        "2020-01-01T01:00:00+05:00", null);
    file(6, "F", 12, false, "PK", null, null, "URBAN", "TRAFFICKING", "POLICE",
        "2018-06-01T12:00:00+05:00", null);

    // R-COURT-24H: case 1 produced in time, case 3 late; one referral deadline met.
    clock(1, "R-COURT-24H", "2020-03-10T09:00:00+05:00", "2020-03-11T09:00:00+05:00", "MET", null);
    clock(3, "R-COURT-24H", "2020-11-20T11:00:00+05:00", "2020-11-21T11:00:00+05:00", "BREACHED",
        null);
    clock(2, "R-REFERRAL", "2020-05-01T13:00:00+05:00", "2020-05-03T13:00:00+05:00", "MET",
        "SOCIAL_WORKER");
    clock(6, "R-COURT-24H", "2018-06-01T12:00:00+05:00", "2018-06-02T12:00:00+05:00", "MET", null);

    // R-PROSECUTION
    justice(1, "INVESTIGATION", "FIR_REGISTERED", "POLICE", "2020-04-01T10:00:00+05:00");
    justice(1, "PROSECUTION", "STARTED", "POLICE", "2020-05-01T10:00:00+05:00");
    justice(1, "VERDICT", "CONVICTED", "POLICE", "2020-12-01T10:00:00+05:00");
    justice(1, "SENTENCE", null, "POLICE", "2020-12-15T10:00:00+05:00");
    justice(2, "INVESTIGATION", "NO_FIR", "POLICE", "2020-06-01T10:00:00+05:00");
    justice(4, "INVESTIGATION", "FIR_REGISTERED", "FIA", "2021-02-01T10:00:00+05:00");
    justice(4, "PROSECUTION", "STARTED", "FIA", "2021-03-01T10:00:00+05:00");
    justice(4, "VERDICT", "ACQUITTED", "FIA", "2021-09-01T10:00:00+05:00");
    justice(6, "INVESTIGATION", "FIR_REGISTERED", "POLICE", "2018-06-05T10:00:00+05:00");

    // R-REFERRAL
    referral(1, "POLICE", "CLOSED", "2020-03-11T10:00:00+05:00", "2020-03-15T10:00:00+05:00");
    referral(1, "LEGAL_AID", "DECLINED", "2020-03-11T10:00:00+05:00", null);
    referral(2, "SOCIAL_WORKER", "ACKNOWLEDGED", "2020-05-01T13:00:00+05:00", null);
    referral(3, "LEGAL_AID", "CLOSED", "2020-11-21T10:00:00+05:00", "2020-12-01T10:00:00+05:00");

    // R-CONSENT: the police had the offence by law; consent asked of four referrals.
    jdbc.update("update referral set sharing_basis = 'LAW' where case_number = ? and agency = ?",
        caseNumber(1), "POLICE");
    consent(1, "LEGAL_AID", "WITHHELD", "2020-03-11T10:00:00+05:00");
    consent(2, "SOCIAL_WORKER", "SHARED", "2020-05-01T13:00:00+05:00");
    consent(3, "LEGAL_AID", "SHARED", "2020-11-21T09:00:00+05:00");
    consent(4, "LEGAL_AID", "PENDING", "2021-01-06T10:00:00+05:00");

    // R-TRANSFER: cases 1 and 3 came to Hunza from other zones; case 2's transfer was declined.
    transfer(1, "PB", "GB", "ACCEPTED", "2020-03-12T10:00:00+05:00");
    transfer(2, "GB", "SD", "DECLINED", "2020-05-02T10:00:00+05:00");
    transfer(3, "KP", "GB", "ACCEPTED", "2020-11-22T10:00:00+05:00");

    // R-COMPENSATION
    compensation(1, "CLAIM_FILED", "FILED", "100000.00", "2020-06-01T10:00:00+05:00");
    compensation(1, "DECISION", "GRANTED", "80000.00", "2020-08-01T10:00:00+05:00");
    compensation(1, "PAYMENT", null, "80000.00", "2020-09-01T10:00:00+05:00");
    compensation(4, "CLAIM_FILED", "FILED", "50000.00", "2021-04-01T10:00:00+05:00");
    compensation(4, "DECISION", "DENIED", null, "2021-05-01T10:00:00+05:00");
    compensation(4, "APPEAL", "FILED", null, "2021-05-20T10:00:00+05:00");
    compensation(4, "APPEAL_DECISION", "GRANTED", "30000.00", "2021-08-01T10:00:00+05:00");

    // What the pathways decided, as the engine's history keeps it.
    variable(1, "childProtectionCase", "identificationOutcome", "CONFIRMED_VICTIM",
        "2020-03-12T10:00:00+05:00");
    variable(1, "identification", "identificationOutcome", "CONFIRMED_VICTIM",
        "2020-03-12T10:00:00+05:00");
    variable(2, "childProtectionCase", "identificationOutcome", "NOT_A_CASE",
        "2020-05-02T10:00:00+05:00");
    variable(4, "childProtectionCase", "identificationOutcome", "CONFIRMED_VICTIM",
        "2021-01-06T10:00:00+05:00");
    variable(1, "placement", "placementOption", "INSTITUTION", "2020-03-13T10:00:00+05:00");
    variable(1, "childProtectionCase", "placementOption", "INSTITUTION",
        "2021-03-01T10:00:00+05:00");
    variable(3, "placement", "placementOption", "EXTENDED_FAMILY", "2020-11-25T10:00:00+05:00");
    step(1, "placement", "End_FollowUpComplete", "2021-03-01T10:00:00+05:00");
    // R-COURT-24H: case 1 produced 10 hours after its report, case 3 two days after.
    step(1, "courtProduction", "Task_ProduceBeforeCourt", "2020-03-10T20:00:00+05:00");
    step(3, "courtProduction", "Task_ProduceBeforeCourt", "2020-11-22T12:00:00+05:00");
    step(3, "placement", "Task_FollowUpVisit", "2021-01-01T10:00:00+05:00");
  }

  void remove() {
    for (String table : new String[] {"sla_clock", "justice_event", "referral",
        "referral_consent", "case_transfer", "compensation_event", "case_file"}) {
      jdbc.update("delete from " + table + " where case_number like ?",
          province + "-2020-" + tag + "000%");
    }
    jdbc.update("delete from act_hi_varinst where root_proc_inst_id_ like ?", "stat-" + tag + "-%");
    jdbc.update("delete from act_hi_actinst where root_proc_inst_id_ like ?", "stat-" + tag + "-%");
    jdbc.update("delete from pathway_fact where root_process_instance_id like ?",
        "stat-" + tag + "-%");
  }

  private void file(int n, String sex, int age, boolean disputed, String nationality,
      String religion, String ethnicity, String residence, String offences, String source,
      String reportedAt, String custodyAt) {
    jdbc.update("insert into case_file (case_number, process_instance_id, province, district,"
            + " reported_at, source, child_sex, child_age_years, age_estimated, age_disputed,"
            + " nationality, religion, ethnicity, socioeconomic_status, residence, offence_types,"
            + " custody_taken_at, stage, stage_entered_at, registered_at, registered_by)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, null, ?, ?, ?, 'CLOSED', ?, ?,"
            + " 'cpo.hunza')",
        caseNumber(n), instance(n), province, district, time(reportedAt), source, sex, age,
        disputed, nationality, religion, ethnicity, residence, offences,
        custodyAt == null ? null : time(custodyAt), time(reportedAt), time(reportedAt));
  }

  private void clock(int n, String rule, String started, String due, String status,
      String agency) {
    OffsetDateTime stopped = "MET".equals(status) ? time(started).plusHours(3) : time(due);
    jdbc.update("insert into sla_clock (id, case_number, process_instance_id,"
            + " process_definition_key, element_id, rule_id, kind, province, district,"
            + " started_at, due_at, status, breached_at, stopped_at, stop_reason, agency)"
            + " values (?, ?, ?, 'courtProduction', 'SubProcess_Production', ?, 'STATUTORY', ?, ?,"
            + " ?, ?, ?, ?, ?, 'COMPLETED', ?)",
        UUID.randomUUID().toString(), caseNumber(n), instance(n), rule, province, district,
        time(started), time(due), status, "BREACHED".equals(status) ? time(due) : null, stopped,
        agency);
  }

  private void justice(int n, String event, String outcome, String agency, String at) {
    jdbc.update("insert into justice_event (id, case_number, process_instance_id, province,"
            + " district, event, outcome, agency, occurred_at, recorded_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), caseNumber(n), instance(n), province, district, event,
        outcome, agency, time(at), time(at));
  }

  /** One more referral of case {@code n}, delivered at {@code delivered}. */
  void deliveredReferral(int n, String agency, String sent, String delivered) {
    referral(n, agency, "CLOSED", sent, delivered);
  }

  private void referral(int n, String agency, String status, String sent, String delivered) {
    jdbc.update("insert into referral (id, case_number, process_instance_id, agency, province,"
            + " district, status, sent_at, delivered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), caseNumber(n), instance(n), agency, province, district,
        status, time(sent), delivered == null ? null : time(delivered));
  }

  private void consent(int n, String agency, String outcome, String asked) {
    jdbc.update("insert into referral_consent (id, case_number, agency, process_instance_id,"
            + " province, district, asked_at, outcome) values (?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), caseNumber(n), agency, instance(n), province, district,
        time(asked), outcome);
  }

  private void transfer(int n, String from, String to, String status, String requested) {
    jdbc.update("insert into case_transfer (id, case_number, from_province, from_district,"
            + " to_province, to_district, reason, requested_by, requested_at, status)"
            + " values (?, ?, ?, 'Somewhere', ?, 'Elsewhere', 'CHILD_MOVED', 'officer', ?, ?)",
        UUID.randomUUID().toString(), caseNumber(n), from, to, time(requested), status);
  }

  private void compensation(int n, String event, String outcome, String amount, String at) {
    jdbc.update("insert into compensation_event (id, case_number, process_instance_id, province,"
            + " district, event, outcome, scheme, amount, occurred_at, recorded_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, 'CRPC_545', ?, ?, ?)",
        UUID.randomUUID().toString(), caseNumber(n), instance(n), province, district, event,
        outcome, amount == null ? null : new BigDecimal(amount), time(at), time(at));
  }

  /** A decided value in the engine's history, and the statistics' copy the engine keeps of it. */
  private void variable(int n, String process, String name, String value, String at) {
    String id = UUID.randomUUID().toString();
    jdbc.update("insert into act_hi_varinst (id_, proc_def_key_, root_proc_inst_id_,"
            + " proc_inst_id_, name_, var_type_, create_time_, rev_, text_)"
            + " values (?, ?, ?, ?, ?, 'string', ?, 1, ?)",
        id, process, instance(n),
        process.equals("childProtectionCase") ? instance(n) : instance(n) + "-" + process, name,
        engineTime(at), value);
    jdbc.update("insert into pathway_fact (kind, id, name, process_key, root_process_instance_id,"
        + " fact_value, fact_at) values ('VARIABLE', ?, ?, ?, ?, ?, ?)", id, name, process,
        instance(n), value, engineTime(at));
  }

  /** An ended step in the engine's history, and the statistics' copy the engine keeps of it. */
  private void step(int n, String process, String activity, String at) {
    String id = UUID.randomUUID().toString();
    jdbc.update("insert into act_hi_actinst (id_, proc_def_key_, proc_def_id_,"
            + " root_proc_inst_id_, proc_inst_id_, execution_id_, act_id_, act_type_,"
            + " start_time_, end_time_) values (?, ?, ?, ?, ?, ?, ?, 'noneEndEvent', ?, ?)",
        id, process, process + ":1", instance(n),
        instance(n) + "-" + process, instance(n) + "-x", activity, engineTime(at),
        engineTime(at));
    jdbc.update("insert into pathway_fact (kind, id, name, process_key, root_process_instance_id,"
        + " fact_value, fact_at) values ('STEP', ?, ?, ?, ?, null, ?)", id, activity, process,
        instance(n), engineTime(at));
  }

  private static OffsetDateTime time(String text) {
    return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** The engine keeps local times of the server. */
  private static Timestamp engineTime(String text) {
    return Timestamp.from(Instant.from(OffsetDateTime.parse(text)));
  }
}
