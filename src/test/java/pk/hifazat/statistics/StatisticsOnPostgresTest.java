package pk.hifazat.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.LocalPostgres;
import pk.hifazat.RunningApplication;

/**
 * The indicators on PostgreSQL, as in production: the same hand-made cases give the same
 * numbers as on H2 ({@link IndicatorsTest}), periods by Pakistan date included.
 */
@Tag("standalone")
class StatisticsOnPostgresTest {

  private static LocalPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = LocalPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @DisplayName("The indicators give the hand-worked numbers on PostgreSQL too (R-DATA-DISAGGREGATED)")
  void indicatorsOnPostgres() throws Exception {
    try (RunningApplication app = RunningApplication.start("--spring.profiles.active=prod",
        "--spring.datasource.url=" + postgres.url(), "--spring.datasource.username=hifazat",
        "--spring.datasource.password=hifazat",
        "--HIFAZAT_ADMIN_PASSWORD=correct-horse-battery-staple",
        "--HIFAZAT_IDENTITY_KEY=" + java.util.Base64.getEncoder().encodeToString(new byte[32]))) {
      HandMadeCases cases = new HandMadeCases(app.bean(JdbcTemplate.class));
      cases.record();
      IndicatorDictionary dictionary = new IndicatorDictionary(
          Files.readString(Path.of("processes/indicators.yaml")), 1, "indicators.yaml");
      Tables tables = new Tables(app.bean(JdbcClient.class), dictionary);
      Scope scope = new Scope(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31),
          HandMadeCases.PROVINCE, HandMadeCases.DISTRICT, Scope.Period.QUARTER, List.of());

      StatTable byQuarter = tables.table(dictionary.get("reported-cases"), Dimension.PERIOD,
          Dimension.SEX, scope);
      assertThat(byQuarter.rowTotals().get(0).value()).isEqualTo(2L);
      assertThat(byQuarter.total().value()).isEqualTo(5L);
      StatTable offences = tables.table(dictionary.get("reported-cases"),
          Dimension.OFFENCE_TYPE, Dimension.AGE_BAND, scope);
      assertThat(offences.total().value()).isEqualTo(5L);
      assertThat(tables.table(dictionary.get("victims-identified"), Dimension.SEX, null, scope)
          .total().value()).isEqualTo(2L);
      assertThat(tables.table(dictionary.get("children-placed"), Dimension.VALUE, null, scope)
          .total().value()).isEqualTo(2L);
      assertThat(tables.table(dictionary.get("follow-up-completed"), Dimension.SEX, null, scope)
          .total().value()).isEqualTo(1L);
      assertThat(tables.table(dictionary.get("compensation-granted-amount"), Dimension.SCHEME,
          null, scope).total().value()).hasToString("110000.00");
      assertThat(tables.table(dictionary.get("produced-on-time-share"), Dimension.SEX, null,
          scope).total().value()).isEqualTo(0.5);
      Annex.Report annex = new Annex(dictionary, tables).report(scope, "Hunza (GB)");
      assertThat(annex.sections()).hasSize(4);
      cases.remove();
    }
  }
}
