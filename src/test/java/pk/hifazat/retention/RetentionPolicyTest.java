package pk.hifazat.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pk.hifazat.retention.RetentionPolicy.RecordKind;

/** The policy file declares only periods that the sweep applies. */
class RetentionPolicyTest {

  @TempDir Path folder;

  private RetentionPolicy policy(Path file) {
    return new RetentionPolicy(new RetentionSettings(file, Duration.ofHours(1)));
  }

  @Test
  @DisplayName("The committed policy gives identity, documents and notes each a period")
  void committedPolicyGivesEachKindItsPeriod() {
    assertThat(policy(Path.of("processes/retention.yaml")).periods())
        .containsEntry(RecordKind.IDENTITY, Period.ofYears(5))
        .containsEntry(RecordKind.DOCUMENTS, Period.ofYears(5))
        .containsEntry(RecordKind.NOTES, Period.ofYears(10))
        .hasSize(3);
  }

  @Test
  @DisplayName("A period for the engine's history, which the models' historyTimeToLive governs, is refused rather than silently not applied")
  void periodThatNothingAppliesIsRefused() throws IOException {
    for (String extra : new String[] {"history: P2Y", "History: P2Y", "photos: P1Y"}) {
      Path file = Files.writeString(folder.resolve("retention.yaml"),
          "keep:\n  identity: P5Y\n  documents: P5Y\n  notes: P10Y\n  " + extra + "\n");
      assertThatThrownBy(() -> policy(file).periods()).as(extra)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is not applied")
          .hasMessageContaining("historyTimeToLive");
    }
  }

  @Test
  @DisplayName("A kind without its period is refused")
  void kindWithoutItsPeriodIsRefused() throws IOException {
    Path file = Files.writeString(folder.resolve("retention.yaml"),
        "keep:\n  identity: P5Y\n  documents: P5Y\n");
    assertThatThrownBy(() -> policy(file).periods())
        .hasMessageContaining("says nothing of notes");
  }
}
