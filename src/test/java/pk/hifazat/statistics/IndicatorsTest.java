package pk.hifazat.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.HifazatTest;

/**
 * Each indicator of the committed dictionary, computed on six hand-made cases of Hunza
 * ({@link HandMadeCases}) and compared with the numbers worked out by hand. Suppression is set
 * to 1 here so that every figure shows; {@link SuppressionTest} and {@link StatisticsApiTest}
 * hold the threshold.
 */
@HifazatTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsTest {

  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired JdbcClient jdbc;

  private HandMadeCases cases;
  private IndicatorDictionary dictionary;
  private Tables tables;

  @BeforeAll
  void recordTheCases() throws IOException {
    cases = new HandMadeCases(jdbcTemplate);
    cases.record();
    dictionary = new IndicatorDictionary(Files.readString(Path.of("processes/indicators.yaml")),
        1, "processes/indicators.yaml");
    tables = new Tables(jdbc, dictionary);
  }

  @AfterAll
  void removeTheCases() {
    cases.remove();
  }

  private static Scope twentyTwentyAndOne(Scope.Period period) {
    return new Scope(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31),
        HandMadeCases.PROVINCE, HandMadeCases.DISTRICT, period, List.of());
  }

  private StatTable table(String indicator, Dimension rows, Dimension columns) {
    return tables.table(dictionary.get(indicator), rows, columns,
        twentyTwentyAndOne(Scope.Period.YEAR));
  }

  private long total(String indicator) {
    return table(indicator, Dimension.SEX, null).total().value().longValue();
  }

  /** Row label to the row's figure of a one-way table. */
  private static Map<String, Number> byRow(StatTable table) {
    Map<String, Number> rows = new LinkedHashMap<>();
    for (int r = 0; r < table.rows().categories().size(); r++) {
      rows.put(table.rows().categories().get(r), table.cells().get(r).get(0).value());
    }
    return rows;
  }

  @Test
  @DisplayName("Reported cases: each child's case once, by Pakistan date, by sex and year (R-DATA-DISAGGREGATED)")
  void reportedCasesBySexAndYear() {
    StatTable table = table("reported-cases", Dimension.PERIOD, Dimension.SEX);

    assertThat(table.rows().categories()).containsExactly("2020", "2021");
    assertThat(table.columns().categories()).containsExactly("Girls", "Boys", "Other");
    // Case 5 was reported at 01:00 on 1 January 2020 in Pakistan (still 2019 in UTC); case 6 in 2018.
    assertThat(values(table.cells().get(0))).containsExactly(2L, 2L, 0L);
    assertThat(values(table.cells().get(1))).containsExactly(0L, 0L, 1L);
    assertThat(values(table.columnTotals())).containsExactly(2L, 2L, 1L);
    assertThat(values(table.rowTotals())).containsExactly(4L, 1L);
    assertThat(table.total().value()).isEqualTo(5L);
  }

  @Test
  @DisplayName("Reported cases by offence: a case of two offences counts under each, once in the total (R-DATA-DISAGGREGATED)")
  void reportedCasesByOffence() {
    StatTable table = table("reported-cases", Dimension.OFFENCE_TYPE, Dimension.SEX);
    Map<String, List<Long>> rows = new LinkedHashMap<>();
    for (int r = 0; r < table.rows().categories().size(); r++) {
      rows.put(table.rows().categories().get(r), values(table.cells().get(r)));
    }

    assertThat(rows.get("Trafficking")).containsExactly(1L, 0L, 1L);
    assertThat(rows.get("Sexual abuse")).containsExactly(1L, 1L, 0L);
    assertThat(rows.get("Forced labour")).containsExactly(0L, 1L, 0L);
    assertThat(rows.get("Child marriage")).containsExactly(1L, 0L, 0L);
    assertThat(rows.get("Organ transfer")).isNull();
    assertThat(rows.get("Transfer of organs")).containsExactly(0L, 0L, 0L);
    assertThat(table.total().value()).isEqualTo(5L);
    assertThat(table.notes()).anyMatch(note -> note.contains("counted under each"));
  }

  @Test
  @DisplayName("Age bands, a disputed age apart, and every band shown in every zone (R-AGE-DISPUTE, R-DATA-DISAGGREGATED)")
  void reportedCasesByAgeBand() {
    assertThat(byRow(table("reported-cases", Dimension.AGE_BAND, null)))
        .containsExactly(Map.entry("0-4", 1L), Map.entry("5-9", 1L), Map.entry("10-14", 0L),
            Map.entry("15-17", 2L), Map.entry("age disputed", 1L));
  }

  @Test
  @DisplayName("Free text is one category whatever its case and spaces; the unrecorded are counted with the share (R-DATA-DISAGGREGATED)")
  void religionAndEthnicityWithCompleteness() {
    StatTable religion = table("reported-cases", Dimension.RELIGION, null);
    assertThat(byRow(religion)).containsExactly(Map.entry("Muslim", 2L),
        Map.entry("not recorded", 3L));
    assertThat(religion.completeness().get(0).notRecordedShare()).isEqualTo(0.6);
    assertThat(religion.completeness().get(0).text()).isEqualTo("religion not recorded: 60%");

    StatTable ethnicity = table("reported-cases", Dimension.ETHNICITY, null);
    assertThat(byRow(ethnicity)).containsExactly(Map.entry("Balti", 1L),
        Map.entry("not recorded", 4L));
    assertThat(ethnicity.completeness().get(0).text())
        .isEqualTo("ethnic origin not recorded: 80%");
  }

  @Test
  @DisplayName("Nationality, residence and source of the report (R-INTAKE-SOURCES, R-DATA-DISAGGREGATED)")
  void nationalityResidenceAndSource() {
    assertThat(byRow(table("reported-cases", Dimension.NATIONALITY, null)))
        .containsExactly(Map.entry("AF", 1L), Map.entry("PK", 4L));
    assertThat(byRow(table("reported-cases", Dimension.RESIDENCE, null)))
        .containsExactly(Map.entry("Urban", 2L), Map.entry("Rural", 2L),
            Map.entry("not recorded", 1L));
    assertThat(byRow(table("reported-cases", Dimension.REPORT_SOURCE, null)))
        .containsExactly(Map.entry("FAMILY", 1L), Map.entry("HELPLINE_1098", 1L),
            Map.entry("NGO", 1L), Map.entry("POLICE", 2L));
  }

  @Test
  @DisplayName("Quarters and months follow Pakistan dates (R-DATA-DISAGGREGATED)")
  void reportedCasesByQuarter() {
    StatTable table = tables.table(dictionary.get("reported-cases"), Dimension.PERIOD, null,
        twentyTwentyAndOne(Scope.Period.QUARTER));

    assertThat(table.rows().categories()).hasSize(8).startsWith("2020-Q1").endsWith("2021-Q4");
    assertThat(byRow(table)).containsEntry("2020-Q1", 2L).containsEntry("2020-Q2", 1L)
        .containsEntry("2020-Q3", 0L).containsEntry("2020-Q4", 1L).containsEntry("2021-Q1", 1L);
  }

  @Test
  @DisplayName("Victims identified: the outcome the identification decided, each child once (R-ID-TRIAGE)")
  void childrenIdentifiedAsVictims() {
    assertThat(total("victims-identified")).isEqualTo(2);
  }

  @Test
  @DisplayName("Custody and production within 24 hours, and the share on time (R-COURT-24H)")
  void custodyAndProductionWithin24Hours() {
    assertThat(total("custody")).isEqualTo(2);
    assertThat(total("produced-within-24h")).isEqualTo(1);
    StatTable share = table("produced-on-time-share", Dimension.SEX, null);
    assertThat(share.total().value()).isEqualTo(0.5);
    assertThat(byRow(share)).containsEntry("Girls", 0.5).containsEntry("Boys", null);
  }

  @Test
  @DisplayName("Investigated, FIR registered, prosecuted, convicted, sentenced (R-PROSECUTION)")
  void actionTaken() {
    assertThat(total("investigated")).isEqualTo(3);
    assertThat(total("fir-registered")).isEqualTo(2);
    assertThat(total("prosecuted")).isEqualTo(2);
    assertThat(total("convicted")).isEqualTo(1);
    assertThat(total("sentenced")).isEqualTo(1);
    assertThat(byRow(table("investigated", Dimension.AGENCY, null)))
        .containsExactly(Map.entry("FIA", 1L), Map.entry("POLICE", 2L));
  }

  @Test
  @DisplayName("Referrals by agency: sent, accepted, declined, delivered (R-REFERRAL)")
  void referralsByAgency() {
    assertThat(byRow(table("referrals", Dimension.AGENCY, null))).containsExactly(
        Map.entry("LEGAL_AID", 2L), Map.entry("POLICE", 1L), Map.entry("SOCIAL_WORKER", 1L));
    assertThat(total("referrals-accepted")).isEqualTo(3);
    assertThat(total("referrals-declined")).isEqualTo(1);
    assertThat(total("referrals-delivered")).isEqualTo(2);
  }

  @Test
  @DisplayName("Children placed by type of care, given services and followed up (R-PLACEMENT-ORDER, R-FOLLOWUP-6M)")
  void placementAndReintegration() {
    StatTable placed = table("children-placed", Dimension.VALUE, null);
    assertThat(placed.rows().label()).isEqualTo("Type of care");
    assertThat(byRow(placed)).containsExactly(Map.entry("EXTENDED_FAMILY", 1L),
        Map.entry("INSTITUTION", 1L));
    assertThat(total("reintegration-services")).isEqualTo(2);
    assertThat(total("follow-up-completed")).isEqualTo(1);
  }

  @Test
  @DisplayName("Compensation claimed, granted, denied and paid, with the amounts in PKR (R-COMPENSATION)")
  void compensation() {
    assertThat(total("compensation-claimed")).isEqualTo(2);
    assertThat(total("compensation-granted")).isEqualTo(2);
    assertThat(total("compensation-denied")).isEqualTo(1);
    assertThat(total("compensation-paid")).isEqualTo(1);
    assertThat(total("children-compensated")).isEqualTo(1);
    assertThat(table("compensation-claimed-amount", Dimension.SEX, null).total().value())
        .hasToString("150000.00");
    assertThat(table("compensation-granted-amount", Dimension.SEX, null).total().value())
        .hasToString("110000.00");
    assertThat(table("compensation-paid-amount", Dimension.SEX, null).total().value())
        .hasToString("80000.00");
  }

  @Test
  @DisplayName("Deadlines met and missed, by rule (R-COURT-24H, R-REFERRAL)")
  void deadlinesByRule() {
    assertThat(byRow(table("deadlines-met", Dimension.RULE, null)))
        .containsExactly(Map.entry("R-COURT-24H", 1L), Map.entry("R-REFERRAL", 1L));
    assertThat(byRow(table("deadlines-missed", Dimension.RULE, null)))
        .containsExactly(Map.entry("R-COURT-24H", 1L));
  }

  @Test
  @DisplayName("The annex limits each paragraph to its offences: 2(b) counts the trafficked children only (R-DATA-DISAGGREGATED)")
  void annexParagraphsAreLimitedToTheirOffences() {
    Annex.Report report = new Annex(dictionary, tables).report(
        twentyTwentyAndOne(Scope.Period.YEAR), "Hunza (GB)");

    Annex.SectionTables trafficking = report.sections().stream()
        .filter(section -> section.id().equals("2(b)")).findFirst().orElseThrow();
    StatTable byYear = trafficking.tables().get(0);
    assertThat(byYear.total().value()).isEqualTo(2L);
    StatTable action = trafficking.tables().get(3);
    assertThat(values(action.columnTotals())).containsExactly(2L, 2L, 2L, 1L, 1L);
    assertThat(report.definitions()).extracting(Annex.Definition::id)
        .contains("reported-cases", "investigated", "compensation-paid-amount");
  }

  private static List<Long> values(List<StatTable.Cell> cells) {
    return cells.stream().map(cell -> cell.value() == null ? null : cell.value().longValue())
        .toList();
  }

  @Test
  @DisplayName("R-TRANSFER: accepted transfers by the zone they came from and the zone they went to; a declined one is not counted")
  void transfersByOriginAndDestination() {
    assertThat(byRow(table("transfers", Dimension.VALUE, null)))
        .containsOnly(Map.entry("PB to GB", 1L), Map.entry("KP to GB", 1L));
  }

  @Test
  @DisplayName("R-CONSENT: referrals that waited for consent by what became of them, those refused by agency, and those sent by law")
  void consentRefusedPendingAndSentByLaw() {
    assertThat(byRow(table("consent-asked", Dimension.VALUE, null))).containsOnly(
        Map.entry("SHARED", 2L), Map.entry("WITHHELD", 1L), Map.entry("PENDING", 1L));
    assertThat(byRow(table("consent-refused", Dimension.AGENCY, null)))
        .containsOnly(Map.entry("LEGAL_AID", 1L));
    assertThat(byRow(table("referrals-without-consent", Dimension.AGENCY, null)))
        .containsOnly(Map.entry("POLICE", 1L));
  }

  private TimesToStep.Report times(String indicator, Dimension by) {
    Scope scope = twentyTwentyAndOne(Scope.Period.YEAR);
    return TimesToStep.of(dictionary.get(indicator), by,
        tables.waits(dictionary.get(indicator), by, scope), 1,
        raw -> raw == null ? Dimension.NOT_RECORDED : by.known.getOrDefault(raw, raw));
  }

  @Test
  @DisplayName("Times from report to production and to placement, by sex: the median and 90th percentile of the days each child waited (R-COURT-24H, R-DATA-DISAGGREGATED)")
  void timesFromReportToProductionAndPlacement() {
    TimesToStep.Report production = times("children-produced", Dimension.SEX);
    assertThat(production.rows()).containsExactly(
        new TimesToStep.Row("Girls", 2L, false, 0.4, 2.0));
    assertThat(production.total()).isEqualTo(new TimesToStep.Row("All", 2L, false, 0.4, 2.0));

    // Case 1 placed 3 days after its report; case 3 4.9 days after (a later choice not counted).
    TimesToStep.Report placement = times("children-placed", Dimension.SEX);
    assertThat(placement.rows()).containsExactly(
        new TimesToStep.Row("Girls", 2L, false, 3.0, 4.9));
  }

  @Test
  @DisplayName("A group smaller than the suppression threshold shows neither its number nor its times")
  void smallGroupsHideTheirTimes() {
    Scope scope = twentyTwentyAndOne(Scope.Period.YEAR);
    Indicator produced = dictionary.get("children-produced");
    TimesToStep.Report report = TimesToStep.of(produced, Dimension.SEX,
        tables.waits(produced, Dimension.SEX, scope), 5, raw -> raw);
    assertThat(report.rows()).containsExactly(new TimesToStep.Row("F", null, true, null, null));
    assertThat(report.total().suppressed()).isTrue();
    assertThat(report.note()).contains("fewer than 5");
  }
}
