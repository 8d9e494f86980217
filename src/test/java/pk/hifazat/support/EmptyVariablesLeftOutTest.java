package pk.hifazat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * The engine's history holds every value a case held, and no record of a variable that only
 * ever was empty (the values a pathway declares for each of its parallel branches).
 */
@HifazatTest
class EmptyVariablesLeftOutTest {

  @Autowired CaseDriver cases;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  private String instance;
  private Task screening;

  @BeforeEach
  void aBoyIsReported() throws Exception {
    Instant reported = Instant.now().minus(Duration.ofHours(1));
    String caseNumber = cases.report(
        Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR", reported));
    screening = cases.task(caseNumber, "Task_ScreenReport");
    instance = screening.getProcessInstanceId();
  }

  private List<HistoricVariableInstance> recorded(String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName(name).includeDeleted().list();
  }

  private List<Object> changes(String name) {
    return historyService.createHistoricDetailQuery().processInstanceId(instance)
        .variableUpdates().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> update.getVariableName().equals(name))
        .map(HistoricVariableUpdate::getValue).toList();
  }

  @Test
  @DisplayName("A variable that was only ever empty leaves no record, untyped or typed, on the case or on a task")
  void aVariableThatHeldNothingLeavesNoRecord() {
    runtimeService.setVariable(instance, "declineReason", null);
    runtimeService.setVariable(instance, "manualSearchNote", Variables.stringValue(null));
    taskService.setVariableLocal(screening.getId(), "nextAgencyFound", Variables.booleanValue(null));

    assertThat(runtimeService.getVariables(instance))
        .containsKeys("declineReason", "manualSearchNote");
    assertThat(recorded("declineReason")).isEmpty();
    assertThat(recorded("manualSearchNote")).isEmpty();
    assertThat(recorded("nextAgencyFound")).isEmpty();
    assertThat(changes("declineReason")).isEmpty();
  }

  @Test
  @DisplayName("A variable made empty is recorded with its first value, and every value after, an emptied one too")
  void theFirstValueRecordsTheVariable() {
    runtimeService.setVariable(instance, "referralOutcome", null);
    runtimeService.setVariable(instance, "referralOutcome", "SERVICE_DELIVERED");
    runtimeService.setVariable(instance, "referralOutcome", "CLOSED_UNMET");
    runtimeService.setVariable(instance, "referralOutcome", null);

    assertThat(recorded("referralOutcome")).singleElement()
        .satisfies(variable -> assertThat(variable.getValue()).isNull());
    assertThat(changes("referralOutcome"))
        .containsExactly("SERVICE_DELIVERED", "CLOSED_UNMET", null);

    runtimeService.removeVariable(instance, "referralOutcome");
    assertThat(recorded("referralOutcome")).singleElement()
        .extracting(HistoricVariableInstance::getState).isEqualTo("DELETED");
  }

  @Test
  @DisplayName("A variable made with a value is recorded as it is made: a false, a zero and an empty text are values")
  void aValueMadeIsRecordedAtOnce() {
    runtimeService.setVariable(instance, "needsShelter", false);
    runtimeService.setVariable(instance, "responseHours", 0);
    runtimeService.setVariable(instance, "screeningNotes", "");

    assertThat(changes("needsShelter")).containsExactly(false);
    assertThat(changes("responseHours")).containsExactly(0);
    assertThat(changes("screeningNotes")).containsExactly("");
    assertThat(recorded("responseHours")).singleElement()
        .extracting(HistoricVariableInstance::getValue).isEqualTo(0);
  }
}
