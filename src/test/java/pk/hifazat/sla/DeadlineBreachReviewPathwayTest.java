package pk.hifazat.sla;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.HifazatTest;

/** The deadline breach review pathway on its own: the supervisor reviews and it ends. */
@HifazatTest
class DeadlineBreachReviewPathwayTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  @DisplayName("R-ID-EARLY: a missed policy deadline is reviewed by the district supervisor")
  void supervisorReviewsAMissedDeadline() {
    init(engine);
    ProcessInstance review = runtimeService.startProcessInstanceByKey(
        BreachNotifier.REVIEW_PROCESS, "PB-2026-900001", Map.of(
            "breachedRule", "R-ID-EARLY", "breachDueAt", "20 Nov 2026 09:00 PKT",
            "supervisorsGroup", "supervisor-pb-lahore", "province", "PB", "district", "Lahore"));

    assertThat(review).isWaitingAt("Task_ReviewDeadlineBreach");
    assertThat(review).task().hasCandidateGroup("supervisor-pb-lahore");
    taskService.complete(taskService.createTaskQuery().processInstanceId(review.getId())
        .singleResult().getId(), Map.of("breachCause", "OTHER", "breachAction", "Escalated"));

    assertThat(review).hasPassedInOrder("Start_DeadlineBreached", "Task_ReviewDeadlineBreach",
        "End_BreachReviewed").isEnded();
  }
}
