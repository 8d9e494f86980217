package pk.hifazat.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormSchemaValidatorTest {

  private static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");

  private final JsonNode schema = read("""
      {"id": "sample", "components": [
        {"type": "text", "text": "Explain"},
        {"type": "number", "key": "age", "label": "Age", "validate": {"min": 0, "max": 25}},
        {"type": "textfield", "key": "court", "label": "Court",
         "validate": {"required": true, "maxLength": 10}},
        {"type": "select", "key": "order", "label": "Order",
         "values": [{"label": "Parents", "value": "PARENTS"}]},
        {"type": "datetime", "subtype": "datetime", "key": "at", "label": "At"},
        {"type": "datetime", "subtype": "datetime", "key": "hearing", "label": "Hearing",
         "properties": {"allowFuture": "true"}},
        {"type": "group", "components": [
          {"type": "checkbox", "key": "agreed", "label": "Agreed"}]}]}
      """);

  private static JsonNode read(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> validate(Map<String, Object> values) {
    return FormSchemaValidator.validate(schema, values::get, NOW);
  }

  @Test
  void valuesThatMeetTheFormPass() {
    assertThat(validate(Map.of("age", 15, "court", "Lahore", "order", "PARENTS",
        "at", "2026-11-20T09:00:00+05:00", "hearing", "2027-01-01T09:00+05:00",
        "agreed", true))).isEmpty();
  }

  @Test
  void everyBrokenRuleIsNamedWithItsField() {
    Map<String, Object> values = new HashMap<>();
    values.put("age", 30);
    values.put("order", "STRANGER");
    values.put("at", "2026-11-21T09:00:00+05:00");
    values.put("agreed", "yes");

    assertThat(validate(values)).containsExactly(
        "'age' (Age) must be at most 25",
        "'court' (Court) is required",
        "'order' (Order) must be one of [PARENTS]",
        "'at' (At) must not be in the future",
        "'agreed' (Agreed) must be true or false");
  }

  @Test
  void textLongerThanAllowedAndMalformedTimesAreRefused() {
    assertThat(validate(Map.of("court", "Guardian Judge, Lahore", "at", "yesterday")))
        .containsExactly("'court' (Court) must have at most 10 characters",
            "'at' (At) must be an ISO-8601 time with offset");
  }
}
