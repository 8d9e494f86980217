package pk.hifazat.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.xml.sax.SAXParseException;

/**
 * The files of a change, read: each BPMN and DMN as a model, each form as JSON. A file that cannot
 * be read is a finding naming the line where reading stopped; the other checks then skip it.
 */
final class ParsedPathways {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** How the model parser reports where reading stopped: "URI=null Line=48: ...". */
  private static final Pattern LINE = Pattern.compile("Line=(\\d+)");

  final Map<String, BpmnModelInstance> processes = new LinkedHashMap<>();
  final Map<String, DmnModelInstance> decisions = new LinkedHashMap<>();
  final Map<String, JsonNode> forms = new LinkedHashMap<>();

  static ParsedPathways read(PathwayFiles files, List<Finding> findings) {
    ParsedPathways parsed = new ParsedPathways();
    for (String name : files.names()) {
      byte[] bytes = files.bytes(name);
      if (PathwayFiles.isForm(name)) {
        parsed.readForm(name, bytes, findings);
      } else if (declaresDoctype(bytes)) {
        // Entity declarations are how XML is made to read local files or to expand without end.
        findings.add(Finding.error(name, null, "xml",
            "A DOCTYPE declaration is not allowed in a pathway model"));
      } else if (PathwayFiles.isBpmn(name)) {
        try {
          parsed.processes.put(name, Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)));
        } catch (RuntimeException e) {
          findings.add(Finding.error(name, where(e), "xml", "Not a valid BPMN 2.0 model: "
              + reason(e)));
        }
      } else if (PathwayFiles.isDmn(name)) {
        try {
          parsed.decisions.put(name, Dmn.readModelFromStream(new ByteArrayInputStream(bytes)));
        } catch (RuntimeException e) {
          findings.add(Finding.error(name, where(e), "xml", "Not a valid DMN 1.3 model: "
              + reason(e)));
        }
      } else {
        findings.add(Finding.error(name, null, "file-type",
            "Only .bpmn, .dmn and .form files make up a pathway"));
      }
    }
    return parsed;
  }

  private void readForm(String name, byte[] bytes, List<Finding> findings) {
    try {
      JsonNode form = JSON.readTree(bytes);
      if (form == null || !form.isObject()) {
        findings.add(Finding.error(name, null, "form", "A Camunda Form is a JSON object"));
      } else if (!form.path("id").isTextual() || form.path("id").asText().isBlank()) {
        findings.add(Finding.error(name, null, "form",
            "The form has no id: user tasks refer to a form by its id (camunda:formRef)"));
      } else if (!form.path("components").isArray()) {
        findings.add(Finding.error(name, form.path("id").asText(), "form",
            "The form has no components"));
      } else {
        forms.put(name, form);
      }
    } catch (java.io.IOException e) {
      findings.add(Finding.error(name, null, "form", "Not valid JSON: "
          + e.getMessage().lines().findFirst().orElse("")));
    }
  }

  /** Executable process keys declared by the BPMN files of this change. */
  Set<String> processKeys() {
    return processes.values().stream()
        .flatMap(model -> model.getModelElementsByType(Process.class).stream())
        .filter(Process::isExecutable)
        .map(Process::getId)
        .collect(Collectors.toSet());
  }

  Set<String> decisionKeys() {
    return decisions.values().stream()
        .flatMap(model -> model.getModelElementsByType(Decision.class).stream())
        .map(Decision::getId)
        .collect(Collectors.toSet());
  }

  Set<String> formKeys() {
    return forms.values().stream().map(form -> form.get("id").asText())
        .collect(Collectors.toSet());
  }

  private static boolean declaresDoctype(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 4096),
        java.nio.charset.StandardCharsets.UTF_8);
    return head.toUpperCase(Locale.ROOT).contains("<!DOCTYPE");
  }

  private static String where(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SAXParseException sax) {
        return "line " + sax.getLineNumber() + ", column " + sax.getColumnNumber();
      }
      Matcher line = cause.getMessage() == null ? null : LINE.matcher(cause.getMessage());
      if (line != null && line.find()) {
        return "line " + line.group(1);
      }
    }
    return null;
  }

  private static String reason(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SAXParseException sax) {
        return sax.getMessage();
      }
      messages.add(cause.getMessage());
    }
    return messages.get(messages.size() - 1);
  }
}
