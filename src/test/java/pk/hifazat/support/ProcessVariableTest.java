package pk.hifazat.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A time variable reads every way a time reaches the engine; a small value is stored as JSON text,
 * never Java-serialized, and still read from the text it held before.
 */
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

  record Step(String agency, String outcome) {}

  private static final ProcessVariable<List<Step>> STEPS =
      ProcessVariable.json("steps", new TypeReference<List<Step>>() {});
  private static final ProcessVariable<OffsetDateTime> TAKEN =
      ProcessVariable.isoTime("custodyTakenAt");

  @Test
  @DisplayName("A list of small values is stored as JSON text, which Cockpit shows as it is, and reads back unchanged")
  void valueObjectsAreStoredAsJsonText() {
    Map<String, Object> variables = new HashMap<>();
    STEPS.put(variables, List.of(new Step("POLICE", "COMPLETED"), new Step("FIA", null)));
    assertThat(variables.get("steps"))
        .isEqualTo("[{\"agency\":\"POLICE\",\"outcome\":\"COMPLETED\"},"
            + "{\"agency\":\"FIA\",\"outcome\":null}]");
    assertThat(STEPS.from(variables))
        .containsExactly(new Step("POLICE", "COMPLETED"), new Step("FIA", null));
  }

  @Test
  @DisplayName("A value written by an earlier version, with a field since dropped, still reads")
  void jsonWithAFieldSinceDroppedStillReads() {
    assertThat(STEPS.from(Map.of("steps",
        " [{\"agency\":\"POLICE\",\"outcome\":\"COMPLETED\",\"closedBy\":\"cpo\"}]")))
        .containsExactly(new Step("POLICE", "COMPLETED"));
  }

  @Test
  @DisplayName("Text held before the variable was JSON is read the earlier way; text that is neither names the variable")
  void earlierTextStillReads() {
    ProcessVariable<List<Step>> steps = STEPS.orEarlierText(text -> List.of(new Step(text, "")));
    assertThat(steps.from(Map.of("steps", "POLICE:COMPLETED")))
        .containsExactly(new Step("POLICE:COMPLETED", ""));
    assertThat(steps.from(Map.of("steps", "[]"))).isEmpty();
    assertThatThrownBy(() -> STEPS.from(Map.of("steps", "POLICE:COMPLETED")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("steps");
    assertThatThrownBy(() -> steps.from(Map.of("steps", "[{\"agency\":")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("steps");
    assertThatThrownBy(() -> STEPS.from(Map.of("steps", 42)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("steps");
  }

  @Test
  @DisplayName("A time a form shows again stays the text its datetime field writes, offset and all")
  void formTimeStaysTheFieldsText() {
    Map<String, Object> variables = new HashMap<>();
    TAKEN.put(variables, OffsetDateTime.parse("2026-11-20T08:00+05:00"));
    assertThat(variables.get("custodyTakenAt")).isEqualTo("2026-11-20T08:00+05:00");
    assertThat(TAKEN.from(variables).toInstant()).isEqualTo(AT);
    assertThat(TAKEN.from(Map.of("custodyTakenAt", Date.from(AT))).toInstant()).isEqualTo(AT);
    assertThat(TAKEN.from(Map.of("custodyTakenAt", " "))).isNull();
    assertThatThrownBy(() -> TAKEN.from(Map.of("custodyTakenAt", "20/11/2026 08:00")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("custodyTakenAt");
  }
}
