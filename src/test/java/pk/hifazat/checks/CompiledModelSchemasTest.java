package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.impl.BpmnParser;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.impl.DmnParser;
import org.camunda.bpm.model.xml.ModelException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The models are read against the schemas compiled once, and read exactly as the model API
 * reads them: what it refuses is still refused, whatever the kind of model or DMN version.
 */
class CompiledModelSchemasTest {

  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"
          targetNamespace="http://hifazat.pk/test">
        <bpmn:process id="p" isExecutable="true">
          <bpmn:startEvent id="s"/>
          <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/>
          <bpmn:endEvent id="e"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private static final String DMN_BODY = """
        <decision id="dec" name="Decision">
          <decisionTable id="t" hitPolicy="FIRST">
            <input id="i"><inputExpression id="ie" typeRef="string"><text>x</text></inputExpression></input>
            <output id="o" name="y" typeRef="string"/>
            <rule id="r"><inputEntry id="e1"><text>"a"</text></inputEntry><outputEntry id="e2"><text>"b"</text></outputEntry></rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  private static final String DMN_11 = "<definitions xmlns=\"http://www.omg.org/spec/DMN/"
      + "20151101/dmn.xsd\" id=\"d\" name=\"d\" namespace=\"http://hifazat.pk/test\">" + DMN_BODY;
  private static final String DMN_13 = "<definitions xmlns=\"https://www.omg.org/spec/DMN/"
      + "20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"http://hifazat.pk/test\">" + DMN_BODY;
  private static final String DMN_15 = "<definitions xmlns=\"https://www.omg.org/spec/DMN/"
      + "20230324/MODEL/\" id=\"d\" name=\"d\" namespace=\"http://hifazat.pk/test\">" + DMN_BODY;

  @BeforeAll
  static void readWithCompiledSchemas() {
    CompiledModelSchemas.install();
  }

  @Test
  void everyPathwayModelReadsAsTheModelApiReadsIt() throws IOException {
    List<Path> models;
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      models = files.filter(path -> path.toString().endsWith(".bpmn")
          || path.toString().endsWith(".dmn")).sorted().toList();
    }
    assertThat(models).hasSizeGreaterThan(5);
    assertThat(Bpmn.INSTANCE.getClass()).isNotEqualTo(Bpmn.class);
    assertThat(Dmn.INSTANCE.getClass()).isNotEqualTo(Dmn.class);
    for (Path model : models) {
      byte[] bytes = Files.readAllBytes(model);
      if (model.toString().endsWith(".bpmn")) {
        // Attributes the schema gives a default are in both, and nothing else differs.
        assertThat(Bpmn.convertToString(Bpmn.readModelFromStream(stream(bytes))))
            .as(model.toString())
            .isEqualTo(Bpmn.convertToString(new BpmnParser().parseModelFromStream(stream(bytes))));
      } else {
        assertThat(Dmn.convertToString(Dmn.readModelFromStream(stream(bytes))))
            .as(model.toString())
            .isEqualTo(Dmn.convertToString(new DmnParser().parseModelFromStream(stream(bytes))));
      }
    }
  }

  @Test
  void everyDmnVersionTheModelApiReadsStillReads() {
    for (String dmn : List.of(DMN_11, DMN_13, DMN_15)) {
      assertThat(Dmn.readModelFromStream(stream(dmn)).getDefinitions().getId()).isEqualTo("d");
    }
  }

  static Stream<Arguments> modelsTheSchemaRefuses() {
    return Stream.of(
        Arguments.of("an element BPMN does not have", true,
            BPMN.replace("<bpmn:endEvent id=\"e\"/>", "<bpmn:userTsk id=\"u\"/><bpmn:endEvent id=\"e\"/>")),
        Arguments.of("a flag that is not true or false", true,
            BPMN.replace("isExecutable=\"true\"", "isExecutable=\"sometimes\"")),
        Arguments.of("a flow without its target", true,
            BPMN.replace(" targetRef=\"e\"", "")),
        Arguments.of("an id with a space", true, BPMN.replace("id=\"s\"", "id=\"s t\"")),
        Arguments.of("a DMN 1.3 hit policy that does not exist", false,
            DMN_13.replace("hitPolicy=\"FIRST\"", "hitPolicy=\"SOMETIMES\"")),
        Arguments.of("a DMN 1.5 decision without a name", false,
            DMN_15.replace(" name=\"Decision\"", "")),
        Arguments.of("a DMN 1.1 table with an element it does not have", false,
            DMN_11.replace("<output id", "<outcome id=\"x\"/><output id")),
        Arguments.of("a DMN 1.5 rule without an outcome", false,
            DMN_15.replace("<outputEntry id=\"e2\"><text>\"b\"</text></outputEntry>", "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelsTheSchemaRefuses")
  void aModelTheSchemaRefusesIsStillRefused(String what, boolean bpmn, String xml) {
    Throwable refusal = catchThrowable(() -> {
      if (bpmn) {
        new BpmnParser().parseModelFromStream(stream(xml));
      } else {
        new DmnParser().parseModelFromStream(stream(xml));
      }
    });
    assertThat(refusal).as("the model API refuses " + what).isInstanceOf(ModelException.class);
    Throwable ours = catchThrowable(() -> {
      if (bpmn) {
        Bpmn.readModelFromStream(stream(xml));
      } else {
        Dmn.readModelFromStream(stream(xml));
      }
    });
    assertThat(ours).isInstanceOf(refusal.getClass());
    // The same schema finds the same fault, at the same place.
    assertThat(rootCause(ours).getMessage()).isEqualTo(rootCause(refusal).getMessage());
  }

  private static Throwable rootCause(Throwable thrown) {
    Throwable cause = thrown;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static ByteArrayInputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  private static ByteArrayInputStream stream(String xml) {
    return stream(xml.getBytes(StandardCharsets.UTF_8));
  }
}
