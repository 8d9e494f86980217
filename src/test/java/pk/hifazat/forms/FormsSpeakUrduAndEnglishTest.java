package pk.hifazat.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every task form speaks to officers, focal points and families in Urdu and English: each label,
 * description, option and text has both; every date and time field says what it is; a yes-or-no
 * question can be answered no; rule ids stay out of the instructions, in the legal basis line.
 */
class FormsSpeakUrduAndEnglishTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Urdu letters (Arabic script), a run of at least two. */
  private static final Pattern URDU = Pattern.compile("[\\u0600-\\u06FF\\u0750-\\u077F]{2,}");
  private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}");
  private static final Pattern RULE_ID = Pattern.compile("R-[A-Z0-9]+(-[A-Z0-9]+)*");
  private static final Set<String> YES_NO = Set.of("firRegistered", "prosecutionStarted",
      "legalAidLawyerAssigned", "appealFiled");

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(path -> path.toString().endsWith(".form"))
        .sorted();
  }

  private static List<JsonNode> components(Path form) throws IOException {
    List<JsonNode> all = new ArrayList<>();
    collect(JSON.readTree(Files.readAllBytes(form)).path("components"), all);
    return all;
  }

  private static void collect(JsonNode components, List<JsonNode> all) {
    for (JsonNode component : components) {
      all.add(component);
      collect(component.path("components"), all);
    }
  }

  /** Each piece of text a person reads on the form, with where it is. */
  private static List<String[]> wording(Path form) throws IOException {
    List<String[]> texts = new ArrayList<>();
    for (JsonNode component : components(form)) {
      String where = form.getFileName() + "/" + component.path("key")
          .asText(component.path("id").asText());
      for (String property : List.of("label", "description", "text", "dateLabel", "timeLabel")) {
        if (component.hasNonNull(property)) {
          texts.add(new String[] {where + " " + property, component.get(property).asText()});
        }
      }
      for (JsonNode option : component.path("values")) {
        texts.add(new String[] {where + " option " + option.path("value").asText(),
            option.path("label").asText()});
      }
    }
    return texts;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  @DisplayName("Every label, description, option and text of the form is in Urdu and in English")
  void everyWordingIsInUrduAndEnglish(Path form) throws IOException {
    List<String[]> texts = wording(form);

    assertThat(texts).isNotEmpty();
    List<String> withoutUrdu = texts.stream().filter(text -> !URDU.matcher(text[1]).find())
        .map(text -> text[0]).toList();
    List<String> withoutEnglish = texts.stream()
        .filter(text -> !ENGLISH.matcher(RULE_ID.matcher(text[1]).replaceAll("")).find())
        .map(text -> text[0]).toList();
    assertThat(withoutUrdu).as("without Urdu, of %d", texts.size()).isEmpty();
    assertThat(withoutEnglish).as("without English, of %d", texts.size()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  @DisplayName("Every date and time field says which date and which time it asks for")
  void everyDateAndTimeIsLabelled(Path form) throws IOException {
    for (JsonNode field : components(form)) {
      if (!"datetime".equals(field.path("type").asText())) {
        continue;
      }
      String subtype = field.path("subtype").asText("datetime");
      String label = field.path("label").asText();
      String english = label.split(" / ")[0];
      assertThat(field.path("dateLabel").asText()).as(field.path("key").asText())
          .startsWith(english).matches(".*\\p{IsArabic}.*");
      if (!"date".equals(subtype)) {
        assertThat(field.path("timeLabel").asText()).as(field.path("key").asText())
            .startsWith(english).contains("(time)").isNotEqualTo(field.path("dateLabel").asText());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  @DisplayName("A yes-or-no question can be answered no: never a required checkbox")
  void yesOrNoCanBeAnsweredNo(Path form) throws IOException {
    for (JsonNode field : components(form)) {
      String type = field.path("type").asText();
      assertThat("checkbox".equals(type) && field.path("validate").path("required").asBoolean())
          .as("%s is a required checkbox", field.path("key").asText()).isFalse();
      if (YES_NO.contains(field.path("key").asText())) {
        assertThat(type).isEqualTo("radio");
        List<Object> values = new ArrayList<>();
        field.path("values").forEach(option -> values.add(option.path("value").isBoolean()
            ? option.path("value").booleanValue() : option.path("value").asText()));
        assertThat(values).containsExactly(true, false);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  @DisplayName("Rule ids stand in the legal basis line, not in what a caseworker is asked")
  void ruleIdsOnlyInTheLegalBasis(Path form) throws IOException {
    for (JsonNode component : components(form)) {
      if ("Text_legalBasis".equals(component.path("id").asText())) {
        assertThat(component.path("text").asText()).startsWith("_Legal basis / قانونی بنیاد:_");
        continue;
      }
      for (String property : List.of("label", "description", "text")) {
        String text = component.path(property).asText("");
        // A breach review quotes the id of the deadline it is about, as an example.
        if (!"review-deadline-breach.form".equals(form.getFileName().toString())) {
          assertThat(RULE_ID.matcher(text).find())
              .as("%s %s: %s", component.path("id").asText(), property, text).isFalse();
        }
      }
    }
  }
}
