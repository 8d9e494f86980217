package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import pk.hifazat.checks.PathwayModel.Timer;
import pk.hifazat.policy.PathwayVariants;
import pk.hifazat.sla.DeadlineDeclaration;

/**
 * The one reader of a pathway's model, as the checks, the diff and migration see it: elements at
 * any depth with the scopes around them, the deadlines they declare and the timers that watch
 * them; another pool of the same file is not part of the pathway.
 */
class PathwayModelTest {

  private static PathwayModel courtProduction() {
    return read(PathwayVariants.committed("court-production.bpmn"));
  }

  private static PathwayModel read(String xml) {
    return PathwayModel.read(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static PathwayElement element(PathwayModel model, String process, String id) {
    return model.elements(process).stream().filter(element -> element.id().equals(id))
        .findFirst().orElseThrow();
  }

  @Test
  void finalDecisionTaskLiesInsideTheAwaitingSubProcessOfCourtProduction() {
    PathwayElement task = element(courtProduction(), "courtProduction",
        "Task_RecordFinalDecision");

    assertThat(task.scopes()).containsExactly("SubProcess_AwaitFinalDecision", "courtProduction");
    assertThat(task.processKey()).isEqualTo("courtProduction");
    assertThat(task.type()).isEqualTo("userTask");
    assertThat(task.label()).isEqualTo("Record the court's final decision");
    assertThat(task.isNode()).isTrue();
  }

  @Test
  void productionSubProcessDeclaresTheTwentyFourHourStatuteFromCustody() {
    DeadlineDeclaration deadline = element(courtProduction(), "courtProduction",
        "SubProcess_Production").deadline();

    // R-COURT-24H: 24 hours from custody, a statute no version may lengthen.
    assertThat(deadline.rule()).isEqualTo("R-COURT-24H");
    assertThat(deadline.kind()).isEqualTo(DeadlineDeclaration.Kind.STATUTE);
    assertThat(deadline.start()).isEqualTo("custodyTakenAt");
  }

  @Test
  void delayTimerInsideTheSubProcessWatchesTheSixtyDayClock() {
    assertThat(courtProduction().timers("courtProduction"))
        .filteredOn(timer -> timer.elementId().equals("Timer_Delay60d"))
        .singleElement()
        .satisfies(timer -> {
          assertThat(timer.texts()).containsExactly(
              "${deadlines.dueAt(execution, 'R-DELAY-60D')}");
          assertThat(timer.cycle()).isNull();
        });
  }

  @Test
  void gatewayWithoutANameIsLabelledByItsId() {
    PathwayModel model = read(twoPools());

    assertThat(element(model, "main", "Gateway_Join").label()).isEqualTo("Gateway_Join");
  }

  @Test
  void anotherPoolOfTheSameFileIsNotPartOfThePathway() {
    PathwayModel model = read(twoPools());

    assertThat(model.executableProcesses()).containsExactly("main");
    assertThat(model.nodes("main")).extracting(PathwayElement::id)
        .containsExactlyInAnyOrder("Start_Main", "Gateway_Join", "End_Main");
    assertThat(model.elements("main")).extracting(PathwayElement::id)
        .doesNotContain("Task_Police").contains("Flow_1", "Flow_2");
    assertThat(model.process("main")).hasValueSatisfying(
        process -> assertThat(process.scopes()).isEmpty());
    assertThat(model.timers("main")).extracting(Timer::elementId).isEmpty();
  }

  private static String twoPools() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            id="Definitions_TwoPools" targetNamespace="http://hifazat.pk/test">
          <bpmn:process id="main" isExecutable="true">
            <bpmn:startEvent id="Start_Main" name="Report in" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Main" targetRef="Gateway_Join" />
            <bpmn:exclusiveGateway id="Gateway_Join" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Gateway_Join" targetRef="End_Main" />
            <bpmn:endEvent id="End_Main" name="Done" />
          </bpmn:process>
          <bpmn:process id="police" isExecutable="false">
            <bpmn:task id="Task_Police" name="Police act" />
          </bpmn:process>
        </bpmn:definitions>
        """;
  }
}
