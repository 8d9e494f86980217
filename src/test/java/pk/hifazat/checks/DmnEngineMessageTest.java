package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a policy editor reads when the DMN engine refuses a decision table: the element it refuses,
 * by its id, and no dump of the engine's objects.
 */
class DmnEngineMessageTest {

  private static final DmnEngine DMN_ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private static String sharingBasis() throws IOException {
    return Files.readString(Path.of("processes", "sharing-basis.dmn"));
  }

  /** The engine's own message for this model, as the checks receive it. */
  private static String refusalOf(String dmn) {
    Throwable refused = catchThrowable(() -> DMN_ENGINE.parseDecisionRequirementsGraph(
        Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)))));
    assertThat(refused).as("the DMN engine refuses the table").isNotNull();
    return refused.getMessage();
  }

  @Test
  @DisplayName("Two outputs of one name: the second output is named, the table's dump left out")
  void twoOutputsOfOneNameNameTheSecondOutput() throws IOException {
    String engines = refusalOf(sharingBasis().replace("name=\"sharedFacts\"",
        "name=\"sharingBasis\""));
    assertThat(engines).contains("Impl{");

    DmnEngineMessage message = DmnEngineMessage.of(engines);

    assertThat(message.element()).isEqualTo("Output_SharedFacts");
    assertThat(message.text())
        .doesNotContain("Impl{").doesNotContain("hitPolicyHandler")
        .contains("DMN-02009")
        .contains("The decision table has a compound output but name of output "
            + "'Output_SharedFacts' is duplicate");
  }

  @Test
  @DisplayName("A compound output without a name: that output is named")
  void compoundOutputWithoutANameIsNamed() throws IOException {
    DmnEngineMessage message = DmnEngineMessage.of(
        refusalOf(sharingBasis().replace(" name=\"sharedFacts\"", "")));

    assertThat(message.element()).isEqualTo("Output_SharedFacts");
    assertThat(message.text()).doesNotContain("Impl{").contains("'Output_SharedFacts'");
    assertThat(message.text().length()).isLessThan(300);
  }

  @Test
  @DisplayName("A table given an input its rules have no entry for: the first rule is named")
  void ruleWithoutAnEntryForEachInputIsNamed() throws IOException {
    String table = "<decisionTable id=\"DecisionTable_SharingBasis\" hitPolicy=\"FIRST\">";
    DmnEngineMessage message = DmnEngineMessage.of(refusalOf(sharingBasis().replace(table, table
        + "<input id=\"Input_Extra\" label=\"Extra\"><inputExpression id=\"InputExpression_Extra\""
        + " typeRef=\"string\"><text>agency</text></inputExpression></input>")));

    assertThat(message.element()).isEqualTo("Rule_ConsentGiven");
    assertThat(message.text()).endsWith(
        "The number of inputs '5' and input entries differ '4' for rule 'Rule_ConsentGiven'.");
  }

  @Test
  @DisplayName("Objects nested in lists and maps give the id of the outer object only")
  void nestedObjectsGiveTheOuterId() {
    DmnEngineMessage message = DmnEngineMessage.of("DMN-1 The rule 'DmnDecisionTableRuleImpl{"
        + "id='Rule_Ask', name='null', conditions=[DmnExpressionImpl{id='Entry_A', name='x'}], "
        + "conclusions=[]}' of decision 'DmnDecisionImpl{ key='sharingBasis', name='Basis', "
        + "decisionLogic=DmnDecisionTableImpl{ inputs=[DmnDecisionTableInputImpl{id='Input_A'}]}}'"
        + " cannot be read.");

    assertThat(message.text()).isEqualTo(
        "DMN-1 The rule 'Rule_Ask' of decision 'sharingBasis' cannot be read.");
    assertThat(message.element()).isEqualTo("sharingBasis");
  }

  @Test
  @DisplayName("A message without objects in it is kept as it is, and no message still says who refused")
  void plainMessagesAreKept() {
    assertThat(DmnEngineMessage.of("DMN-02004 Unable to transform decision 'd': no logic"))
        .isEqualTo(new DmnEngineMessage(null,
            "DMN-02004 Unable to transform decision 'd': no logic"));
    assertThat(DmnEngineMessage.of(null).text()).contains("DMN engine");
    // An object left open is not taken apart: the message stays whole.
    assertThat(DmnEngineMessage.of("DMN-9 'DmnDecisionImpl{ key='d', name=").text())
        .isEqualTo("DMN-9 'DmnDecisionImpl{ key='d', name=");
  }
}
