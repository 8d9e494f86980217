package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.HifazatTest;

/**
 * The engine parses what it deploys against its BPMN schema compiled once, and finds exactly what
 * its own parse finds: the same elements, attributes and places in every pathway model, and the
 * same faults, at the same lines, in a model the schema refuses.
 */
@HifazatTest
class CompiledSchemaBpmnParseTest {

  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d"
          targetNamespace="http://hifazat.pk/test">
        <bpmn:process id="schemaCheck" isExecutable="true" camunda:historyTimeToLive="P30D">
          <bpmn:startEvent id="s"/>
          <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t"/>
          <bpmn:userTask id="t" camunda:candidateGroups="cpo-lahore"/>
          <bpmn:sequenceFlow id="g" sourceRef="t" targetRef="e"/>
          <bpmn:endEvent id="e"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired RepositoryService repository;

  @Test
  void theEngineParsesWhatItDeploysWithTheCompiledSchema() {
    assertThat(engineParser().createParse()).isInstanceOf(CompiledSchemaBpmnParse.class);
  }

  @Test
  void everyPathwayModelParsesAsTheEngineParsesIt() throws IOException {
    List<Path> models = pathwayModels();
    assertThat(models).hasSizeGreaterThan(5);
    for (Path model : models) {
      byte[] bytes = Files.readAllBytes(model);
      BpmnParse theEngines = parse(new BpmnParse(engineParser()), model.toString(), bytes);
      BpmnParse ours = parse(new CompiledSchemaBpmnParse(engineParser()), model.toString(), bytes);

      // Attributes the schema gives a default are in both trees, and nothing else differs.
      assertThat(tree(ours.getRootElement())).as(model.toString())
          .isEqualTo(tree(theEngines.getRootElement()));
      assertThat(definitions(ours)).as(model.toString()).isEqualTo(definitions(theEngines));
      assertThat(ours.hasWarnings()).isEqualTo(theEngines.hasWarnings());
    }
  }

  static Stream<Arguments> modelsTheSchemaRefuses() {
    return Stream.of(
        Arguments.of("an element BPMN does not have",
            BPMN.replace("<bpmn:endEvent id=\"e\"/>", "<bpmn:userTsk id=\"u\"/><bpmn:endEvent id=\"e\"/>")),
        Arguments.of("a flag that is not true or false",
            BPMN.replace("isExecutable=\"true\"", "isExecutable=\"sometimes\"")),
        Arguments.of("a flow without its source", BPMN.replace(" sourceRef=\"s\"", "")),
        Arguments.of("an id with a space", BPMN.replace("id=\"t\"", "id=\"t u\"")),
        Arguments.of("two elements with one id", BPMN.replace("id=\"e\"", "id=\"s\"")),
        Arguments.of("a task in the wrong place",
            BPMN.replace("<bpmn:process", "<bpmn:userTask id=\"x\"/><bpmn:process")),
        Arguments.of("an external entity",
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + BPMN.substring(BPMN.indexOf("<bpmn:definitions")).replace("<bpmn:startEvent id=\"s\"/>",
                "<bpmn:startEvent id=\"s\" name=\"&x;\"/>")),
        Arguments.of("no BPMN at all", "<html><body>not a model</body></html>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelsTheSchemaRefuses")
  void aModelTheSchemaRefusesIsRefusedWithTheSameFindings(String what, String xml) {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    Throwable theEngines = catchThrowable(() -> parse(new BpmnParse(engineParser()), what, bytes));
    Throwable ours = catchThrowable(
        () -> parse(new CompiledSchemaBpmnParse(engineParser()), what, bytes));

    assertThat(theEngines).as("the engine refuses " + what).isNotNull();
    assertThat(ours).isInstanceOf(theEngines.getClass());
    if (theEngines instanceof ParseException refusal) {
      assertThat(reports((ParseException) ours)).isEqualTo(reports(refusal)).isNotEmpty();
    } else {
      assertThat(ours.getMessage()).isEqualTo(theEngines.getMessage());
    }
  }

  @Test
  void aDeploymentTheSchemaRefusesIsRefusedAndNothingIsDeployed() {
    long before = repository.createDeploymentQuery().count();
    Throwable refusal = catchThrowable(() -> repository.createDeployment()
        .name("schema-check")
        .addString("schema-check.bpmn",
            BPMN.replace("isExecutable=\"true\"", "isExecutable=\"sometimes\""))
        .deploy());

    assertThat(refusal).hasMessageContaining("'sometimes' is not a valid value for 'boolean'");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("schemaCheck")
        .count()).isZero();
  }

  @Test
  void modelsParsedOnSeveralThreadsAtOnceAreParsedAlike() throws Exception {
    List<Path> models = pathwayModels();
    List<String> expected = new ArrayList<>();
    for (Path model : models) {
      expected.add(tree(parse(new CompiledSchemaBpmnParse(engineParser()), model.toString(),
          Files.readAllBytes(model)).getRootElement()));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int run = 0; run < 4; run++) {
        runs.add(threads.submit(() -> {
          List<String> trees = new ArrayList<>();
          for (Path model : models) {
            trees.add(tree(parse(new CompiledSchemaBpmnParse(engineParser()), model.toString(),
                Files.readAllBytes(model)).getRootElement()));
          }
          return trees;
        }));
      }
      for (Future<List<String>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private BpmnParser engineParser() {
    return engine.getDeployers().stream()
        .filter(BpmnDeployer.class::isInstance).map(BpmnDeployer.class::cast)
        .findFirst().orElseThrow().getBpmnParser();
  }

  private static List<Path> pathwayModels() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  /** Parsed as the engine parses in a deployment: inside one of its commands. */
  private BpmnParse parse(BpmnParse parse, String name, byte[] bytes) {
    DeploymentEntity deployment = new DeploymentEntity();
    deployment.setId("schema-check");
    deployment.setNew(true);
    parse.sourceInputStream(new ByteArrayInputStream(bytes)).deployment(deployment).name(name);
    return engine.getCommandExecutorTxRequired().execute(context -> parse.execute());
  }

  /** Every element with its namespace, place, attributes (sorted) and text, depth first. */
  private static String tree(Element element) {
    StringBuilder tree = new StringBuilder();
    append(tree, element, 0);
    return tree.toString();
  }

  private static void append(StringBuilder tree, Element element, int depth) {
    TreeMap<String, String> attributes = new TreeMap<>();
    for (String key : element.attributes()) {
      attributes.put(key, element.attribute(key));
    }
    tree.append("  ".repeat(depth)).append(element.getUri()).append(' ')
        .append(element.getTagName()).append(" @").append(element.getLine()).append(':')
        .append(element.getColumn()).append(' ').append(attributes).append(" '")
        .append(element.getText().strip()).append("'\n");
    for (Element child : element.elements()) {
      append(tree, child, depth + 1);
    }
  }

  private static List<String> definitions(BpmnParse parse) {
    return parse.getProcessDefinitions().stream()
        .map(definition -> definition.getKey() + " " + definition.getName() + " "
            + ((ProcessDefinitionEntity) definition).getActivities().size())
        .toList();
  }

  private static List<String> reports(ParseException refusal) {
    List<String> found = new ArrayList<>();
    for (ResourceReport report : refusal.getResorceReports()) {
      found.addAll(problems(report.getErrors()));
      found.addAll(problems(report.getWarnings()));
    }
    return found;
  }

  private static List<String> problems(List<Problem> problems) {
    return problems.stream()
        .map(problem -> problem.getLine() + ":" + problem.getColumn() + " "
            + problem.getMessage() + " " + problem.getMainElementId())
        .toList();
  }
}
