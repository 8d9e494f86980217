package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pk.hifazat.policy.PathwayVariants;

/**
 * No version may lose or lengthen a statutory deadline (R-COURT-24H, R-DECISION-4M, R-DELAY-60D,
 * R-REVIEW-3M); a policy deadline may change.
 */
class StatutoryGuardTest {

  private static List<Finding> findings(String model, PathwayLibrary library) {
    List<Finding> findings = new ArrayList<>();
    StatutoryGuard.check("court-production.bpmn", Bpmn.readModelFromStream(
        new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8))), library, findings);
    return findings;
  }

  private static List<Finding> findings(String model) {
    return findings(model, PathwayLibrary.EMPTY);
  }

  /** The version deployed before: the court production model given. */
  private static PathwayLibrary before(String model) {
    return new PathwayLibrary() {
      @Override
      public Optional<byte[]> latestProcessModel(String key) {
        return Optional.of(model.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  private static String production() {
    return PathwayVariants.committed("court-production.bpmn");
  }

  @Test
  @DisplayName("The committed court production keeps every statute")
  void committedCourtProductionKeepsEveryStatute() {
    assertThat(findings(production(), before(production()))).isEmpty();
  }

  @Test
  @DisplayName("R-COURT-24H: declared as a policy deadline, it is refused")
  void statuteDeclaredAsPolicyIsRefused() {
    String asPolicy = PathwayVariants.replaceOnce(production(),
        "<camunda:property name=\"sla.kind\" value=\"statute\" />",
        "<camunda:property name=\"sla.kind\" value=\"policy\" />");

    assertThat(findings(asPolicy)).anySatisfy(finding -> {
      assertThat(finding.element()).isEqualTo("SubProcess_Production");
      assertThat(finding.message()).contains("R-COURT-24H").contains("'statute'");
    });
  }

  @Test
  @DisplayName("R-COURT-24H: a clock started when the task opens, not at custody, is refused")
  void productionClockMustRunFromCustody() {
    String fromTheTask = PathwayVariants.replaceOnce(production(),
        "<camunda:property name=\"sla.start\" value=\"custodyTakenAt\" />",
        "<camunda:property name=\"sla.start\" value=\"activity\" />");

    assertThat(findings(fromTheTask)).anySatisfy(finding -> {
      assertThat(finding.element()).isEqualTo("SubProcess_Production");
      assertThat(finding.message()).contains("R-COURT-24H runs from 'custodyTakenAt'");
    });
  }

  @Test
  @DisplayName("R-DECISION-4M: months are counted on the calendar: four months can be as short as 120 days, so 121 days is longer")
  void oneHundredTwentyOneDaysIsLongerThanFourMonths() {
    String days121 = PathwayVariants.replaceOnce(production(),
        "<camunda:property name=\"sla.target\" value=\"P4M\" />",
        "<camunda:property name=\"sla.target\" value=\"P121D\" />");
    String days120 = days121.replace("value=\"P121D\"", "value=\"P120D\"");

    assertThat(findings(days121)).extracting(Finding::message)
        .anyMatch(message -> message.contains("R-DECISION-4M set to P121D"));
    assertThat(findings(days120)).isEmpty();
  }

  @Test
  @DisplayName("A statute the version before declared is guarded too, even one the law's table does not list")
  void statuteOfTheVersionBeforeCannotBeDropped() {
    // The version before declared a statute of its own on the delay letter; this one drops it.
    String before = production().replace("R-DELAY-60D", "R-DELAY-LETTER");

    assertThat(findings(production(), before(before))).anySatisfy(finding -> {
      assertThat(finding.element()).isEqualTo("Task_RecordFinalDecision");
      assertThat(finding.message()).contains("R-DELAY-LETTER").contains("no longer declared");
    });
  }
}
