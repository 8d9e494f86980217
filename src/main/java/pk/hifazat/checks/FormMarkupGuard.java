package pk.hifazat.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A task form shows fields and plain text, nothing that runs or loads: Tasklist renders a form
 * for every officer who opens a child's task, so markup, frames, scripts or computed values in a
 * form would run with that officer's session on the child's case (R-NO-DISCLOSURE). Components are
 * allowed by type; a text component's text is Markdown without HTML, images or script links.
 */
final class FormMarkupGuard {

  static final String RULE = "form-markup";
  /** The form-js components the pathway forms are made of. */
  private static final Set<String> ALLOWED = Set.of("default", "group", "dynamiclist", "text",
      "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "taglist",
      "datetime", "separator", "spacer", "button");
  /** Components that render HTML, frames, scripts or computed values. */
  private static final Set<String> MARKUP = Set.of("html", "iframe", "script", "expression",
      "image", "documentpreview");
  /** A tag or comment (including under whitespace), a script or data link, an image. */
  private static final Pattern TEXT_MARKUP = Pattern.compile(
      "<\\s*[a-z!/?]|(java|vb)script\\s*:|data\\s*:[^\\s,]*[;,]|!\\[",
      Pattern.CASE_INSENSITIVE);

  private FormMarkupGuard() {}

  static void check(String resource, JsonNode form, List<Finding> findings) {
    String formId = form.path("id").asText();
    String type = form.path("type").asText("default");
    if (!"default".equals(type)) {
      findings.add(Finding.error(resource, formId, RULE,
          "The form is of type '" + type + "'; a task form is of type 'default'"));
    }
    components(resource, formId, form.path("components"), findings);
  }

  private static void components(String resource, String formId, JsonNode components,
      List<Finding> findings) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      String name = component.path("key").asText(component.path("id").asText(type));
      String element = formId + "/" + name;
      if (MARKUP.contains(type.toLowerCase(Locale.ROOT))) {
        findings.add(Finding.error(resource, element, RULE, "Its component '" + name
            + "' is of type '" + type + "', which renders markup, frames or scripts: a task "
            + "form shows fields and plain text only"));
      } else if (!ALLOWED.contains(type)) {
        findings.add(Finding.error(resource, element, RULE, "Its component '" + name
            + "' is of type '" + type + "', which is not one the pathway forms use ("
            + String.join(", ", ALLOWED.stream().sorted().toList()) + ")"));
      } else if ("text".equals(type)
          && TEXT_MARKUP.matcher(component.path("text").asText("")).find()) {
        findings.add(Finding.error(resource, element, RULE, "Its text component '" + name
            + "' holds HTML, an image or a script link: write its text as plain Markdown"));
      }
      if (component.has("components")) {
        components(resource, formId, component.get("components"), findings);
      }
    }
  }
}
