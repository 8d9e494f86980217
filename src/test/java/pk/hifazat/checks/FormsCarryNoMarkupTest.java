package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A task form shows fields and plain text only (R-NO-DISCLOSURE): a component that renders HTML,
 * a frame, a script or a computed value, or text holding markup, is refused by name.
 */
class FormsCarryNoMarkupTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A form as Camunda Modeler saves it, with this component after a plain text field. */
  static String formWith(String component) {
    return """
        {"id": "insider-form", "type": "default", "schemaVersion": 16, "components": [
          {"id": "Field_Notes", "key": "notes", "label": "Notes", "type": "textfield"},
          %s
        ]}""".formatted(component);
  }

  private static List<Finding> findings(String form) throws IOException {
    List<Finding> findings = new ArrayList<>();
    FormMarkupGuard.check("insider.form", JSON.readTree(form), findings);
    return findings;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "html | {\"id\": \"Html_1\", \"type\": \"html\", \"content\": \"<img src=x onerror=alert(1)>\"}",
      "iframe | {\"id\": \"Iframe_1\", \"type\": \"iframe\", \"url\": \"https://example.org/\"}",
      "script | {\"id\": \"Script_1\", \"type\": \"script\", \"key\": \"run\"}",
      "expression | {\"id\": \"Expression_1\", \"type\": \"expression\", \"key\": \"sum\", \"expression\": \"=childName\"}",
      "HTML | {\"id\": \"Html_2\", \"type\": \"HTML\", \"content\": \"<b>x</b>\"}",
      "image | {\"id\": \"Image_1\", \"type\": \"image\", \"source\": \"https://example.org/p.png\"}",
      "nested html | {\"id\": \"Group_1\", \"type\": \"group\", \"components\": [{\"id\": \"Html_3\", \"type\": \"html\", \"content\": \"<script>x()</script>\"}]}",
      "unknown | {\"id\": \"Widget_1\", \"type\": \"widget\"}"})
  @DisplayName("R-NO-DISCLOSURE: a component that renders markup, frames or scripts is refused by name")
  void aComponentRenderingMarkupIsRefused(String kind, String component) throws IOException {
    String id = JSON.readTree(component).path("components").isArray()
        ? JSON.readTree(component).path("components").get(0).path("key")
            .asText(JSON.readTree(component).path("components").get(0).path("id").asText())
        : JSON.readTree(component).path("key").asText(JSON.readTree(component).path("id").asText());

    assertThat(findings(formWith(component))).singleElement().satisfies(finding -> {
      assertThat(finding.refuses()).isTrue();
      assertThat(finding.rule()).isEqualTo(FormMarkupGuard.RULE);
      assertThat(finding.element()).isEqualTo("insider-form/" + id);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "script tag | <script>fetch('/engine-rest/user')</script>",
      "upper-case tag with spaces | < IMG SRC=x onerror=alert(1)>",
      "comment | <!-- x -->",
      "closing tag | text</div>",
      "script link | [open](JavaScript:alert(1))",
      "script link with spaces | [open](javascript :alert(1))",
      "data link | [open](data:text/html;base64,PHNjcmlwdD4=)",
      "remote image | ![x](https://example.org/track.png)"})
  @DisplayName("R-NO-DISCLOSURE: a text component whose text holds markup is refused by name")
  void textHoldingMarkupIsRefused(String kind, String text) throws IOException {
    String component = JSON.createObjectNode().put("id", "Text_Help").put("type", "text")
        .put("text", "**R-COURT-24H:** " + text).toString();

    assertThat(findings(formWith(component))).singleElement().satisfies(finding -> {
      assertThat(finding.rule()).isEqualTo(FormMarkupGuard.RULE);
      assertThat(finding.element()).isEqualTo("insider-form/Text_Help");
    });
  }

  @Test
  @DisplayName("Plain Markdown guidance with rule ids and comparisons stays allowed")
  void plainMarkdownStaysAllowed() throws IOException {
    String component = JSON.createObjectNode().put("id", "Text_Help").put("type", "text")
        .put("text", "**R-COURT-24H:** produce the child within 24 hours; if age < 18 and "
            + "hours > 24, escalate. See _the rules_.").toString();

    assertThat(findings(formWith(component))).isEmpty();
  }

  @Test
  @DisplayName("Every committed form passes")
  void everyCommittedFormPasses() throws IOException {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        JsonNode schema = JSON.readTree(Files.readAllBytes(form));
        List<Finding> findings = new ArrayList<>();
        FormMarkupGuard.check(form.getFileName().toString(), schema, findings);
        assertThat(findings).as(form.toString()).isEmpty();
      }
    }
  }
}
