package pk.hifazat.enginerest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Jackson's mapping exception is the caller's mistake only when it was reading the request: an
 * answer that cannot be written is a failure of ours, whatever Camunda's own mapper makes of it.
 */
class MisshapenBodyMapperTest {

  private final ObjectMapper json = new ObjectMapper();
  private final MisshapenBodyMapper mapper = new MisshapenBodyMapper();

  /** A report's variables as a request would carry them. */
  record Variables(Map<String, Variable> variables) {}

  record Variable(String value, Map<String, String> valueInfo) {}

  /** An answer whose value cannot be written. */
  static class Unwritable {
    public String getValue() {
      throw new IllegalStateException("not writable");
    }
  }

  @Test
  @DisplayName("A request body of another shape is the caller's mistake, named by its path")
  void aRequestBodyOfAnotherShapeIsTheCallersMistake() {
    JsonMappingException misshapen = catchThrowableOfType(JsonMappingException.class,
        () -> json.readValue("{\"variables\": {\"childName\": {\"value\": \"Amina\","
            + " \"valueInfo\": [\"Amina\"]}}}", Variables.class));

    Response answer = mapper.toResponse(misshapen);

    assertThat(answer.getStatus()).isEqualTo(400);
    assertThat(((Map<?, ?>) answer.getEntity()).get("detail")).asString()
        .contains("at 'variables.childName.valueInfo'").doesNotContain("Amina");
  }

  @Test
  @DisplayName("An answer that cannot be written is a failure of ours, not a bad request")
  void anAnswerThatCannotBeWrittenIsAFailureOfOurs() {
    JsonMappingException unwritable = catchThrowableOfType(JsonMappingException.class,
        () -> json.writeValueAsString(List.of(new Unwritable())));

    assertThat(mapper.toResponse(unwritable).getStatus()).isEqualTo(500);
  }
}
