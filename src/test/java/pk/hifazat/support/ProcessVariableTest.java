package pk.hifazat.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A time variable reads every way a time reaches the engine, and is stored as a date. */
class ProcessVariableTest {

  private static final ProcessVariable<Instant> DELIVERED =
      ProcessVariable.time("serviceDeliveredAt");
  private static final Instant AT = Instant.parse("2026-11-20T03:00:00Z");

  @Test
  @DisplayName("A time the form wrote as ISO-8601 text with an offset, as running cases hold it, reads as the same moment")
  void timeWrittenByAFormReadsAsTheSameMoment() {
    assertThat(DELIVERED.from(Map.of("serviceDeliveredAt", "2026-11-20T08:00:00+05:00")))
        .isEqualTo(AT);
    assertThat(DELIVERED.from(Map.of("serviceDeliveredAt", " 2026-11-20T03:00:00Z ")))
        .isEqualTo(AT);
  }

  @Test
  @DisplayName("A time is stored as a date variable, which Cockpit shows as a date, and reads back unchanged")
  void timeIsStoredAsADate() {
    Map<String, Object> variables = new HashMap<>();
    DELIVERED.put(variables, AT);
    assertThat(variables.get("serviceDeliveredAt")).isEqualTo(Date.from(AT));
    assertThat(DELIVERED.from(variables)).isEqualTo(AT);
  }

  @Test
  @DisplayName("An empty date field is no time; text that is no time says which variable holds it")
  void emptyFieldIsNoTimeAndBadTextIsNamed() {
    assertThat(DELIVERED.from(Map.of("serviceDeliveredAt", ""))).isNull();
    assertThatThrownBy(() -> DELIVERED.from(Map.of("serviceDeliveredAt", "20/11/2026")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("serviceDeliveredAt");
  }
}
