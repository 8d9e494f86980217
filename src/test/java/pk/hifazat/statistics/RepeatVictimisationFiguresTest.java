package pk.hifazat.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
 * Repeat victimisation in the managers' figures: children found again and children trafficked
 * again, counted from the confirmed links between cases, by the later case's area and the time
 * of the confirmation, with no identity read (R-DATA-DISAGGREGATED, R-NO-DISCLOSURE).
 */
@HifazatTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeatVictimisationFiguresTest {

  private static final String DISTRICT = "Ghizer";

  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired JdbcClient jdbc;

  private HandMadeCases cases;
  private IndicatorDictionary dictionary;
  private Tables tables;

  @BeforeAll
  void recordTheCasesAndTheirLinks() throws IOException {
    cases = new HandMadeCases(jdbcTemplate, HandMadeCases.PROVINCE, DISTRICT, "RV");
    cases.record();
    removeLinks();
    // Case 4 (trafficking, 2021) is the girl of case 6 (2018), found again; case 2 (forced
    // labour, 2020) the boy of case 5, found again but not trafficked.
    link(4, 6, true, "2021-01-06T10:00:00+05:00");
    link(2, 5, false, "2020-05-02T10:00:00+05:00");
    dictionary = new IndicatorDictionary(Files.readString(Path.of("processes/indicators.yaml")),
        1, "processes/indicators.yaml");
    tables = new Tables(jdbc, dictionary);
  }

  @AfterAll
  void removeTheCases() {
    removeLinks();
    cases.remove();
  }

  private void link(int later, int earlier, boolean reTrafficked, String at) {
    jdbcTemplate.update("insert into case_link (case_number, previous_case_number, match_id,"
            + " re_trafficked, confirmed_at, confirmed_by) values (?, ?, ?, ?, ?, ?)",
        cases.caseNumber(later), cases.caseNumber(earlier), "rv-" + later, reTrafficked,
        OffsetDateTime.parse(at), "supervisor.ghizer");
  }

  private void removeLinks() {
    jdbcTemplate.update("delete from case_link where case_number like ?",
        HandMadeCases.PROVINCE + "-2020-RV000%");
  }

  private StatTable table(String indicator, Dimension rows) {
    return tables.table(dictionary.get(indicator), rows, null,
        new Scope(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31), HandMadeCases.PROVINCE,
            DISTRICT, Scope.Period.YEAR, List.of()));
  }

  @Test
  @DisplayName("R-DATA-DISAGGREGATED: children found again are counted by year of confirmation and by sex")
  void childrenFoundAgainByYearAndSex() {
    StatTable byYear = table("children-found-again", Dimension.PERIOD);
    assertThat(byYear.rows().categories()).containsExactly("2020", "2021");
    assertThat(byYear.cells().get(0).get(0).value().longValue()).isEqualTo(1L);
    assertThat(byYear.cells().get(1).get(0).value().longValue()).isEqualTo(1L);
    assertThat(table("children-found-again", Dimension.SEX).total().value().longValue())
        .isEqualTo(2L);
  }

  @Test
  @DisplayName("R-DATA-DISAGGREGATED: a child found again in a case of trafficking is counted as trafficked again")
  void childFoundAgainInATraffickingCaseIsCountedAsTraffickedAgain() {
    StatTable table = table("children-re-trafficked", Dimension.OFFENCE_TYPE);
    assertThat(table.total().value().longValue()).isEqualTo(1L);
  }
}
