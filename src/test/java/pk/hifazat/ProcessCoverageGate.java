package pk.hifazat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * The build's process coverage gate: after all tests, unites what every test class covered
 * (flow nodes entered, sequence flows taken) and fails when any model in {@code processes/} is
 * covered below the minimum. Run by Maven in the verify phase; prints a table per model.
 */
public final class ProcessCoverageGate {

  private ProcessCoverageGate() {}

  public static void main(String[] args) throws IOException {
    Path reports = Path.of(args[0]);
    Path processes = Path.of(args[1]);
    double minimum = Double.parseDouble(args[2]);

    Map<String, Set<String>> elements = new TreeMap<>();
    try (Stream<Path> files = Files.walk(processes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          Set<String> ids = new HashSet<>();
          model.getModelElementsByType(FlowNode.class).stream()
              .filter(node -> belongsTo(node, process)).forEach(node -> ids.add(node.getId()));
          model.getModelElementsByType(SequenceFlow.class).stream()
              .filter(flow -> belongsTo(flow, process)).forEach(flow -> ids.add(flow.getId()));
          elements.put(process.getId(), ids);
        }
      }
    }

    Map<String, Set<String>> covered = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    if (Files.isDirectory(reports)) {
      try (Stream<Path> files = Files.walk(reports)) {
        for (Path file : files.filter(f -> f.getFileName().toString().equals("report.json"))
            .toList()) {
          for (JsonNode suite : json.readTree(file.toFile()).path("suites")) {
            for (JsonNode run : suite.path("runs")) {
              for (JsonNode event : run.path("events")) {
                covered.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                    .add(event.path("definitionKey").asText());
              }
            }
          }
        }
      }
    }

    System.out.println();
    System.out.println("Process test coverage (flow nodes and sequence flows, all test classes)");
    System.out.printf("  %-28s %8s %8s %8s%n", "model", "covered", "total", "ratio");
    List<String> below = new java.util.ArrayList<>();
    int allCovered = 0;
    int allTotal = 0;
    for (Map.Entry<String, Set<String>> model : elements.entrySet()) {
      Set<String> hit = new HashSet<>(covered.getOrDefault(model.getKey(), Set.of()));
      hit.retainAll(model.getValue());
      double ratio = model.getValue().isEmpty() ? 1.0
          : (double) hit.size() / model.getValue().size();
      allCovered += hit.size();
      allTotal += model.getValue().size();
      System.out.printf("  %-28s %8d %8d %7.1f%%%s%n", model.getKey(), hit.size(),
          model.getValue().size(), ratio * 100, ratio < minimum ? "  BELOW" : "");
      if (ratio < minimum) {
        below.add(model.getKey());
      }
    }
    System.out.printf("  %-28s %8d %8d %7.1f%%%n", "all models", allCovered, allTotal,
        allTotal == 0 ? 100.0 : 100.0 * allCovered / allTotal);
    if (!below.isEmpty()) {
      throw new IllegalStateException("Process test coverage below " + (int) (minimum * 100)
          + "% for " + below + " (reports in " + reports + ")");
    }
  }

  private static boolean belongsTo(org.camunda.bpm.model.xml.instance.ModelElementInstance element,
      Process process) {
    for (org.camunda.bpm.model.xml.instance.ModelElementInstance parent = element.getParentElement();
        parent != null; parent = parent.getParentElement()) {
      if (parent == process) {
        return true;
      }
    }
    return false;
  }
}
