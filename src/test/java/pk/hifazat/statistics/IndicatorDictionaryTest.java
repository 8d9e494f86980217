package pk.hifazat.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The indicator dictionary policy staff keep in {@code processes/indicators.yaml}: the committed
 * one defines what the Committee asks for, and a mistake names the indicator and the field, so a
 * wrong figure is never published (R-DATA-DISAGGREGATED).
 */
class IndicatorDictionaryTest {

  private static IndicatorDictionary of(String yaml) {
    return new IndicatorDictionary(yaml, 5, "indicators.yaml");
  }

  @Test
  @DisplayName("The committed dictionary holds every indicator of the list of issues, para 2 (R-DATA-DISAGGREGATED)")
  void committedDictionaryHoldsTheCommitteesIndicators() throws IOException {
    IndicatorDictionary dictionary = of(Files.readString(Path.of("processes/indicators.yaml")));

    assertThat(dictionary.inOrder()).extracting(Indicator::id).contains("reported-cases",
        "victims-identified", "custody", "produced-within-24h", "produced-on-time-share",
        "investigated", "fir-registered", "prosecuted", "convicted", "sentenced", "referrals",
        "referrals-accepted", "referrals-declined", "referrals-delivered", "children-placed",
        "reintegration-services", "follow-up-completed", "compensation-claimed",
        "compensation-granted", "compensation-denied", "compensation-paid",
        "compensation-paid-amount", "deadlines-met", "deadlines-missed");
    // The same child dimensions for every counted indicator: common indicators across provinces.
    for (Indicator indicator : dictionary.inOrder()) {
      assertThat(indicator.dimensions()).as(indicator.id()).contains(Dimension.SEX,
          Dimension.AGE_BAND, Dimension.NATIONALITY, Dimension.RELIGION, Dimension.ETHNICITY,
          Dimension.SOCIOECONOMIC_STATUS, Dimension.RESIDENCE, Dimension.OFFENCE_TYPE);
    }
    assertThat(dictionary.annex().sections()).extracting(Annex.Section::id)
        .containsExactly("2(a)", "2(b)", "2(c)", "2(d)");
    assertThat(dictionary.suppressionRule()).startsWith("Counts from 1 to 4 are not shown");
  }

  @Test
  @DisplayName("A field a source does not have is refused by name: the dictionary chooses facts, it never writes SQL")
  void unknownFieldIsRefused() {
    assertThatThrownBy(() -> of("""
        indicators:
          - {id: x, wording: X, unit: cases, source: justice_event,
             where: {"event; drop table case_file": INVESTIGATION}}
        """)).hasMessageContaining("x: where names event; drop table case_file")
        .hasMessageContaining("[");
  }

  @Test
  @DisplayName("An unknown source, dimension or ratio part is refused, naming the indicator")
  void unknownSourceDimensionOrRatioIsRefused() {
    assertThatThrownBy(() -> of("""
        indicators:
          - {id: y, wording: Y, unit: cases, source: child_identity}
        """)).hasMessageContaining("y: source names child_identity");
    assertThatThrownBy(() -> of("""
        indicators:
          - {id: z, wording: Z, unit: cases, source: case_file, dimensions: [caste]}
        """)).hasMessageContaining("z: dimensions names caste");
    assertThatThrownBy(() -> of("""
        indicators:
          - {id: r, wording: R, unit: share, ratio: {numerator: a, denominator: b}}
        """)).hasMessageContaining("r: ratio names a");
    assertThatThrownBy(() -> of("""
        indicators:
          - {id: d, wording: D, unit: cases, source: referral, dimensions: [rule]}
        """)).hasMessageContaining("d: dimensions referral does not name rule");
  }
}
