package pk.hifazat.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in {@code processes/} opens in Camunda Modeler as a diagram and every user task
 * has its form in {@code forms/}: checked on the files policy staff edit, not on copies.
 */
class PathwayModelFilesTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";

  static Stream<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      List<Path> bpmn = files.filter(file -> file.toString().endsWith(".bpmn")).toList();
      assertThat(bpmn).isNotEmpty();
      return bpmn.stream();
    }
  }

  private static Set<String> diagramElements(BpmnModelInstance model) {
    Set<String> ids = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    model.getModelElementsByType(BpmnEdge.class)
        .forEach(edge -> ids.add(edge.getBpmnElement().getId()));
    return ids;
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void everyElementIsDrawnForModeler(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Set<String> drawn = diagramElements(model);

    assertThat(model.getDefinitions().getDomElement().getAttribute(MODELER_NS,
        "executionPlatform")).isEqualTo("Camunda Platform");
    assertThat(model.getDefinitions().getDomElement().getAttribute(MODELER_NS,
        "executionPlatformVersion")).startsWith("7.");
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(drawn).as("diagram shape of %s", node.getId()).contains(node.getId());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(drawn).as("diagram edge of %s", flow.getId()).contains(flow.getId());
    }
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void everyProcessIsExecutableWithAHistoryTimeToLive(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.isExecutable()).as("%s is executable", process.getId()).isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString())
          .as("history time to live of %s", process.getId()).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void everyUserTaskHasItsFormInTheFormsFolder(Path file) throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    ObjectMapper json = new ObjectMapper();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getCamundaFormRef();
      assertThat(formRef).as("form of %s", task.getId()).isNotBlank();
      Path form = FORMS.resolve(formRef + ".form");
      assertThat(form).as("form file of %s", task.getId()).exists();
      JsonNode schema = json.readTree(form.toFile());
      assertThat(schema.get("id").asText()).isEqualTo(formRef);
      assertThat(schema.get("components")).as("fields of %s", formRef).isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  @DisplayName("R-GIRL-FEMALE-CARE: every officer task of a pathway is offered to female officers only when the child is a girl")
  void officerTasksOfferAGirlsCaseToFemaleOfficersOnly(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String groups = task.getCamundaCandidateGroups();
      assertThat(groups).as("candidate groups of %s", task.getId()).isNotBlank();
      // Supervisors review; an agency's focal points work the referrals sent to their agency.
      if (!groups.equals("${supervisorsGroup}") && !groups.equals("${agencyGroup}")) {
        assertThat(groups).as("candidate groups of %s", task.getId())
            .isEqualTo("${caseTeam.officers(execution)}");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void elementIdsSayWhatTheElementIs(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    for (BaseElement element : model.getModelElementsByType(FlowNode.class)) {
      assertThat(element.getId()).as("id in %s", file)
          .doesNotMatch("(Activity|Event|Gateway|Flow)_[0-9a-z]{7}");
    }
  }
}
