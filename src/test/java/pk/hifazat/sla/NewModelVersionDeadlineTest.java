package pk.hifazat.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.HifazatTest;
import pk.hifazat.TestModels;
import pk.hifazat.Reports;

/**
 * A deadline is declared, moved or added in the model alone: each version of a pathway carries
 * its own, and cases keep the one of the version they run on.
 */
@HifazatTest
class NewModelVersionDeadlineTest {

  private static final Instant NOW = Instant.parse("2026-11-20T04:00:00Z");

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DeadlineClocks clocks;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A small referral pathway as policy staff would draw it, acknowledgement due in {@code target}. */
  private static String referralPathway(String target, String kind) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Trial"
            targetNamespace="http://hifazat.pk/bpmn">
          <bpmn:process id="trialReferral" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start_Referred" name="Referred" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Referred" targetRef="Task_Acknowledge" />
            <bpmn:userTask id="Task_Acknowledge" name="Acknowledge the referral"
                camunda:formRef="acknowledge-referral" camunda:formRefBinding="latest"
                camunda:candidateGroups="${childSex == 'F' ? femaleOfficersGroup : officersGroup}">
              <bpmn:extensionElements>
                <camunda:properties>
                  <camunda:property name="sla.rule" value="R-REFERRAL" />
                  <camunda:property name="sla.target" value="%s" />
                  <camunda:property name="sla.warning" value="PT6H" />
                  <camunda:property name="sla.start" value="activity" />
                  <camunda:property name="sla.kind" value="%s" />
                </camunda:properties>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Acknowledge" targetRef="End_Acknowledged" />
            <bpmn:endEvent id="End_Acknowledged" name="Acknowledged" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(target, kind);
  }

  private void deploy(String model) {
    repositoryService.createDeployment().name("trial referral")
        .addString("trial-referral.bpmn", TestModels.drawn(model)).deploy();
  }

  private Clock referralClock(String caseNumber) {
    runtimeService.startProcessInstanceByKey("trialReferral", caseNumber, Map.of(
        "province", "PB", "district", "Lahore", "childSex", "M", "officersGroup", "cpo-pb-lahore",
        "femaleOfficersGroup", "cpo-pb-lahore-female"));
    return clocks.ofCase(caseNumber).stream().filter(clock -> clock.rule().equals("R-REFERRAL"))
        .findFirst().orElseThrow();
  }

  @Test
  @DisplayName("R-REFERRAL: a deadline changed from 48 to 24 hours in a new model version applies to new cases, without Java")
  void deadlineDeclaredOnANewModelVersionTakesEffectWithoutAJavaChange() {
    ClockUtil.setCurrentTime(java.util.Date.from(NOW));
    deploy(referralPathway("PT48H", "policy"));
    Clock before = referralClock("PB-2026-910001");

    deploy(referralPathway("PT24H", "policy"));
    Clock after = referralClock("PB-2026-910002");

    assertThat(before.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(48)));
    assertThat(after.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(after.kind()).isEqualTo(DeadlineDeclaration.Kind.POLICY);
    assertThat(after.warningAt()).isEqualTo(NOW.plus(Duration.ofHours(18)));
    assertThat(before.processDefinitionKey()).isEqualTo("trialReferral");
    assertThat(Reports.iso(before.startedAt())).isEqualTo(Reports.iso(NOW));
  }

  @Test
  void badlyDeclaredDeadlineIsRefusedWhenDeployedNamingTheElement() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> deploy(referralPathway("48 hours", "policy")))
        .hasMessageContaining("Task_Acknowledge")
        .hasMessageContaining("sla.target");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> deploy(referralPathway("PT48H", "law")))
        .hasMessageContaining("sla.kind");
  }
}
