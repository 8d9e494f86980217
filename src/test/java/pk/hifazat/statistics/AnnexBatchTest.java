package pk.hifazat.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * The annex reads each source once for all its tables; its figures must be those of each table
 * computed on its own, for a district, a province and the country, by year and by quarter, with
 * every figure shown (threshold 1) and with the usual threshold.
 */
@HifazatTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnexBatchTest {

  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired JdbcClient jdbc;

  private HandMadeCases hunza;
  private HandMadeCases gilgit;

  @BeforeAll
  void recordTheCases() {
    hunza = new HandMadeCases(jdbcTemplate);
    hunza.record();
    // A child served by two agencies in one quarter: counted once, under the agency a table
    // computed on its own names for the case.
    hunza.deliveredReferral(1, "SOCIAL_WORKER", "2020-03-11T10:00:00+05:00",
        "2020-03-20T10:00:00+05:00");
    gilgit = new HandMadeCases(jdbcTemplate, "GB", "Gilgit", "98");
    gilgit.record();
  }

  @AfterAll
  void removeTheCases() {
    hunza.remove();
    gilgit.remove();
  }

  private Annex annex(int threshold) throws IOException {
    IndicatorDictionary dictionary = new IndicatorDictionary(
        Files.readString(Path.of("processes/indicators.yaml")), threshold,
        "processes/indicators.yaml");
    // The sources read side by side, as the application reads them.
    return new Annex(dictionary, new Tables(jdbc, dictionary,
        java.util.concurrent.ForkJoinPool.commonPool()));
  }

  private static Scope scope(String province, String district, Scope.Period period) {
    return new Scope(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31), province, district,
        period, List.of());
  }

  @Test
  @DisplayName("The annex of a district, every figure shown, is the same read at once as table by table (R-DATA-DISAGGREGATED)")
  void districtAnnexReadAtOnceEqualsTableByTable() throws IOException {
    Annex annex = annex(1);
    Scope scope = scope("GB", "Hunza", Scope.Period.YEAR);
    Annex.Report together = annex.report(scope, "Hunza (GB)");
    assertThat(together.sections().get(0).tables().get(0).total().value()).isEqualTo(4L);
    assertThat(together).isEqualTo(annex.reportTableByTable(scope, "Hunza (GB)"));
  }

  @Test
  @DisplayName("The annex of a province by quarter, every figure shown, is the same read at once as table by table (R-DATA-DISAGGREGATED)")
  void provinceAnnexByQuarterReadAtOnceEqualsTableByTable() throws IOException {
    Annex annex = annex(1);
    Scope scope = scope("GB", null, Scope.Period.QUARTER);
    assertThat(annex.report(scope, "GB")).isEqualTo(annex.reportTableByTable(scope, "GB"));
  }

  @Test
  @DisplayName("The annex of the country, small numbers suppressed, is the same read at once as table by table (R-NO-DISCLOSURE)")
  void countryAnnexSuppressedReadAtOnceEqualsTableByTable() throws IOException {
    Annex annex = annex(5);
    Scope scope = scope(null, null, Scope.Period.YEAR);
    assertThat(annex.report(scope, "Pakistan"))
        .isEqualTo(annex.reportTableByTable(scope, "Pakistan"));
  }

  @Test
  @DisplayName("Every indicator read with others of its source, by what the facts name and by period, counts as it does alone (R-DATA-DISAGGREGATED)")
  void everyIndicatorReadTogetherCountsAsAlone() throws IOException {
    IndicatorDictionary dictionary = new IndicatorDictionary(
        Files.readString(Path.of("processes/indicators.yaml")), 1, "processes/indicators.yaml");
    Tables tables = new Tables(jdbc, dictionary, java.util.concurrent.ForkJoinPool.commonPool());
    List<Dimension[]> pairs = List.of(
        new Dimension[] {Dimension.AGENCY, Dimension.PERIOD},
        new Dimension[] {Dimension.VALUE, Dimension.SEX},
        new Dimension[] {Dimension.SCHEME, Dimension.AGE_BAND},
        new Dimension[] {Dimension.RULE, Dimension.OFFENCE_TYPE},
        new Dimension[] {Dimension.PERIOD, Dimension.DISTRICT});
    for (Scope scope : List.of(scope(null, null, Scope.Period.QUARTER),
        scope("GB", "Hunza", Scope.Period.MONTH))) {
      List<FactBatch.Need> needs = new java.util.ArrayList<>();
      for (Indicator indicator : dictionary.inOrder()) {
        if (indicator.counting() != Indicator.Counting.RATIO) {
          pairs.forEach(pair -> needs.add(new FactBatch.Need(indicator, pair[0], pair[1])));
        }
      }
      FactBatch batch = tables.batch(scope, needs);
      for (FactBatch.Need need : needs) {
        // A case counted once shows no amount: only the counts of such indicators are compared.
        boolean cases = need.indicator().counting() == Indicator.Counting.CASES;
        java.util.function.Function<Tables.Group, Tables.Group> shown = group -> cases
            ? new Tables.Group(group.row(), group.column(), group.count(), null) : group;
        assertThat(batch.groups(need.indicator(), need.rows(), need.columns(), scope).stream()
            .map(shown).toList())
            .as("%s by %s and %s", need.indicator().id(), need.rows(), need.columns())
            .containsExactlyInAnyOrderElementsOf(
                tables.groups(need.indicator(), need.rows(), need.columns(), scope).stream()
                    .map(shown).toList());
      }
    }
  }
}
