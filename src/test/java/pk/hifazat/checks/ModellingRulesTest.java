package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pk.hifazat.TestModels;

/** Each modelling rule refuses the mistake it names, on the element that makes it. */
class ModellingRulesTest {

  private static final String HEAD = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Rules"
          targetNamespace="http://hifazat.pk/bpmn">
        <bpmn:process id="rules" isExecutable="true" camunda:historyTimeToLive="P1D">
      """;
  private static final String TAIL = """
        </bpmn:process>
      </bpmn:definitions>
      """;

  /** A mistake per rule: the rule, the element it is found on, the model's body. */
  private static final String MISTAKES = """
      start-event-required   | rules        | <bpmn:task id="Task" name="Task" /><bpmn:sequenceFlow id="F" sourceRef="Task" targetRef="End" /><bpmn:endEvent id="End" name="Ended" />
      end-event-required     | rules        | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="Task" /><bpmn:task id="Task" name="Task" />
      no-implicit-end        | Task         | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="Task" /><bpmn:task id="Task" name="Task" /><bpmn:endEvent id="End" name="Ended" />
      no-disconnected        | Lonely       | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End" /><bpmn:endEvent id="End" name="Ended" /><bpmn:task id="Lonely" name="Lonely" />
      no-implicit-start      | Task         | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End" /><bpmn:task id="Task" name="Task" /><bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" /><bpmn:endEvent id="End" name="Ended" />
      label-required         | Task         | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" /><bpmn:task id="Task" /><bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" /><bpmn:endEvent id="End" name="Ended" />
      no-implicit-split      | Task         | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" /><bpmn:task id="Task" name="Task" /><bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" /><bpmn:sequenceFlow id="F3" sourceRef="Task" targetRef="End2" /><bpmn:endEvent id="End" name="Ended" /><bpmn:endEvent id="End2" name="Ended too" />
      conditional-flows      | F3           | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Choice" /><bpmn:exclusiveGateway id="Choice" name="Which?" /><bpmn:sequenceFlow id="F2" sourceRef="Choice" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${yes}</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="F3" sourceRef="Choice" targetRef="End2" /><bpmn:endEvent id="End" name="Ended" /><bpmn:endEvent id="End2" name="Ended too" />
      no-gateway-join-fork   | Both         | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Fork" /><bpmn:parallelGateway id="Fork" /><bpmn:sequenceFlow id="F2" sourceRef="Fork" targetRef="Both" /><bpmn:sequenceFlow id="F3" sourceRef="Fork" targetRef="Both" /><bpmn:parallelGateway id="Both" /><bpmn:sequenceFlow id="F4" sourceRef="Both" targetRef="End" /><bpmn:sequenceFlow id="F5" sourceRef="Both" targetRef="End2" /><bpmn:endEvent id="End" name="Ended" /><bpmn:endEvent id="End2" name="Ended too" />
      no-duplicate-sequence-flows | F3    | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Fork" /><bpmn:parallelGateway id="Fork" /><bpmn:sequenceFlow id="F2" sourceRef="Fork" targetRef="Join" /><bpmn:sequenceFlow id="F3" sourceRef="Fork" targetRef="Join" /><bpmn:parallelGateway id="Join" /><bpmn:sequenceFlow id="F4" sourceRef="Join" targetRef="End" /><bpmn:endEvent id="End" name="Ended" />
      no-complex-gateway     | Complex      | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Complex" /><bpmn:complexGateway id="Complex" name="Complex" /><bpmn:sequenceFlow id="F2" sourceRef="Complex" targetRef="End" /><bpmn:endEvent id="End" name="Ended" />
      single-blank-start-event | rules     | <bpmn:startEvent id="Start" name="Started" /><bpmn:startEvent id="Start2" name="Started too" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" /><bpmn:sequenceFlow id="F2" sourceRef="Start2" targetRef="End" /><bpmn:endEvent id="End" name="Ended" />
      single-event-definition | Wait       | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" /><bpmn:intermediateCatchEvent id="Wait" name="Wait"><bpmn:timerEventDefinition id="T1"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition><bpmn:signalEventDefinition id="S1" /></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" /><bpmn:endEvent id="End" name="Ended" />
      sub-process-blank-start-event | SubStart | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sub" /><bpmn:subProcess id="Sub"><bpmn:startEvent id="SubStart" name="Timed"><bpmn:timerEventDefinition id="T1"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent><bpmn:sequenceFlow id="F3" sourceRef="SubStart" targetRef="SubEnd" /><bpmn:endEvent id="SubEnd" name="Sub ended" /></bpmn:subProcess><bpmn:sequenceFlow id="F2" sourceRef="Sub" targetRef="End" /><bpmn:endEvent id="End" name="Ended" />
      event-sub-process-typed-start-event | EventStart | <bpmn:startEvent id="Start" name="Started" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" /><bpmn:endEvent id="End" name="Ended" /><bpmn:subProcess id="OnEvent" triggeredByEvent="true"><bpmn:startEvent id="EventStart" name="Whenever" /><bpmn:sequenceFlow id="F2" sourceRef="EventStart" targetRef="EventEnd" /><bpmn:endEvent id="EventEnd" name="Handled" /></bpmn:subProcess>
      """;

  static Stream<Arguments> mistakes() {
    return MISTAKES.lines().filter(line -> !line.isBlank()).map(line -> {
      String[] cells = line.split("\\|", 3);
      return Arguments.of(cells[0].trim(), cells[1].trim(), cells[2].trim());
    });
  }

  @Test
  @DisplayName("bpmnlint itself finds each of these mistakes under the same rule, on the same element")
  void bpmnlintAgreesOnEachMistake(@TempDir Path models) throws Exception {
    Path frontend = Path.of("src/main/frontend");
    Path bpmnlint = frontend.resolve("node_modules/bpmnlint/bin/bpmnlint.js");
    Assumptions.assumeTrue(Files.isRegularFile(bpmnlint),
        "bpmnlint is installed by the build (src/main/frontend)");
    List<Arguments> all = mistakes().toList();
    for (int i = 0; i < all.size(); i++) {
      Files.writeString(models.resolve("mistake-" + i + ".bpmn"),
          TestModels.drawn(HEAD + all.get(i).get()[2] + TAIL));
    }
    Process lint = new ProcessBuilder("node", bpmnlint.toAbsolutePath().toString(),
        models.toAbsolutePath() + "/*.bpmn").directory(frontend.toFile())
        .redirectErrorStream(true).start();
    String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    lint.waitFor();

    for (int i = 0; i < all.size(); i++) {
      Object[] mistake = all.get(i).get();
      String file = models.toAbsolutePath().resolve("mistake-" + i + ".bpmn").toString();
      String section = report.substring(report.indexOf(file) + file.length());
      section = section.contains("\n\n") ? section.substring(0, section.indexOf("\n\n")) : section;
      assertThat(section).as("bpmnlint on %s:%n%s", mistake[0], report)
          .containsPattern("(?m)^\\s+" + mistake[1] + "\\s+error\\s+.*\\s" + mistake[0]
              + "\\s*$");
    }
  }

  private static List<Finding> findings(String body) {
    String xml = TestModels.drawn(HEAD + body + TAIL);
    BpmnModelInstance model = Bpmn.readModelFromStream(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    List<Finding> findings = new ArrayList<>();
    ModellingRules.check("rules.bpmn", model, findings);
    return findings;
  }

  private static String task(String id) {
    return "<bpmn:task id=\"" + id + "\" name=\"" + id + "\" />";
  }

  private static String flow(String id, String from, String to) {
    return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to
        + "\" />";
  }

  private static final String START = "<bpmn:startEvent id=\"Start\" name=\"Started\" />";
  private static final String END = "<bpmn:endEvent id=\"End\" name=\"Ended\" />";

  @Test
  @DisplayName("A well-drawn model breaks no rule")
  void wellDrawnModelBreaksNoRule() {
    assertThat(findings(START + flow("F1", "Start", "Task") + task("Task")
        + flow("F2", "Task", "End") + END)).isEmpty();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("mistakes")
  @DisplayName("Each bpmnlint rule refuses its mistake, naming the element")
  void eachRuleRefusesItsMistakeNamingTheElement(String rule, String element, String body) {
    assertThat(findings(body)).anySatisfy(finding -> {
      assertThat(finding.rule()).isEqualTo(rule);
      assertThat(finding.element()).isEqualTo(element);
      assertThat(finding.refuses()).isTrue();
    });
  }

  @Test
  @DisplayName("fake-join and superfluous-gateway are warnings: reported, not refused")
  void warningsAreReportedNotRefused() {
    List<Finding> findings = findings(START + flow("F1", "Start", "Pass")
        + "<bpmn:exclusiveGateway id=\"Pass\" />" + flow("F2", "Pass", "Task")
        + flow("F3", "Start", "Task") + task("Task") + flow("F4", "Task", "End") + END);

    assertThat(findings).extracting(Finding::rule)
        .contains("superfluous-gateway", "fake-join");
    assertThat(findings).filteredOn(finding -> finding.rule().equals("fake-join")
            || finding.rule().equals("superfluous-gateway"))
        .noneMatch(Finding::refuses);
  }

  @Test
  @DisplayName("An element missing from the diagram is refused: nobody could see it in Modeler")
  void elementNotDrawnIsRefused() {
    String xml = HEAD + START + flow("F1", "Start", "End") + END + TAIL;
    BpmnModelInstance model = Bpmn.readModelFromStream(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    List<Finding> findings = new ArrayList<>();
    ModellingRules.check("rules.bpmn", model, findings);

    assertThat(findings).filteredOn(finding -> finding.rule().equals("no-bpmndi"))
        .extracting(Finding::element).containsExactlyInAnyOrder("Start", "F1", "End");
  }
}
