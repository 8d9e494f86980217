package pk.hifazat.retention;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * How long each kind of record of a closed case is kept, from the case's closure, read from the
 * policy file each time it is applied: a change by policy staff takes effect at the next sweep.
 */
@Component
class RetentionPolicy {

  /**
   * The kinds of record a case keeps, each with its own period. The engine's history is not one
   * of them: it carries no identity, and each model's {@code camunda:historyTimeToLive} says
   * how long it is kept.
   */
  enum RecordKind {
    IDENTITY("identity"), DOCUMENTS("documents"), NOTES("notes");

    private final String key;

    RecordKind(String key) {
      this.key = key;
    }

    /** How the policy file and the audit name it. */
    String key() {
      return key;
    }
  }

  private final RetentionSettings settings;

  RetentionPolicy(RetentionSettings settings) {
    this.settings = settings;
  }

  Map<RecordKind, Period> periods() {
    Object loaded;
    try (InputStream in = Files.newInputStream(settings.policy())) {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the retention policy " + settings.policy(), e);
    }
    if (!(loaded instanceof Map<?, ?> root) || !(root.get("keep") instanceof Map<?, ?> keep)) {
      throw new IllegalStateException("The retention policy " + settings.policy()
          + " has no 'keep' section");
    }
    for (Object key : keep.keySet()) {
      if (Arrays.stream(RecordKind.values()).noneMatch(kind -> kind.key().equals(key))) {
        // A period that nothing applies would be a promise the service does not keep.
        throw new IllegalStateException("The retention policy " + settings.policy()
            + " declares a period for '" + key + "', which is not applied: it keeps only "
            + Arrays.stream(RecordKind.values()).map(RecordKind::key).toList()
            + ". The engine's history is kept as long as each model's historyTimeToLive says.");
      }
    }
    Map<RecordKind, Period> periods = new EnumMap<>(RecordKind.class);
    for (RecordKind kind : RecordKind.values()) {
      Object value = keep.get(kind.key());
      if (value == null) {
        throw new IllegalStateException("The retention policy says nothing of " + kind.key());
      }
      try {
        periods.put(kind, Period.parse(value.toString().trim()));
      } catch (DateTimeParseException e) {
        throw new IllegalStateException("The retention policy's period for " + kind.key()
            + " is not an ISO-8601 period such as P5Y: " + value);
      }
    }
    return periods;
  }
}
