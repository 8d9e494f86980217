package pk.hifazat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.TestModels;

/**
 * The engine's history holds every value a case held, each once from when it was given, and
 * every real change after it; no record of a variable that only ever was empty (the values a
 * pathway declares for each of its parallel branches), nor of a value written again unchanged
 * (a form sent back whole, a record read again), nor of the engine's counters of a
 * multi-instance activity. The rules are {@link EmptyVariablesLeftOut},
 * {@link UnchangedValuesLeftOut} and {@link MultiInstanceCountersLeftOut}.
 */
@HifazatTest
class VariableHistoryTest {

  @Autowired CaseDriver cases;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ProcessEngineConfigurationImpl engine;

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
  @DisplayName("A variable emptied again, or removed, before it ever held a value leaves no record")
  void emptyingOrRemovingNothingLeavesNoRecord() {
    runtimeService.setVariable(instance, "declineReason", null);
    runtimeService.setVariable(instance, "declineReason", null);
    runtimeService.setVariable(instance, "manualAgency", Variables.stringValue(null));
    runtimeService.setVariable(instance, "manualAgency", Variables.stringValue(null));
    runtimeService.removeVariable(instance, "manualAgency");
    taskService.setVariableLocal(screening.getId(), "nextAgencyFound", null);
    taskService.setVariableLocal(screening.getId(), "nextAgencyFound", Variables.booleanValue(null));
    taskService.removeVariableLocal(screening.getId(), "nextAgencyFound");

    assertThat(recorded("declineReason")).isEmpty();
    assertThat(recorded("manualAgency")).isEmpty();
    assertThat(recorded("nextAgencyFound")).isEmpty();
    assertThat(changes("declineReason")).isEmpty();
    assertThat(changes("manualAgency")).isEmpty();
  }

  @Test
  @DisplayName("A value given and emptied again in one transaction is history, value and emptying both")
  void aValueClearedInTheSameTransactionIsRecorded() {
    engine.getCommandExecutorTxRequired().execute(context -> {
      runtimeService.setVariable(instance, "serviceSummary", null);
      runtimeService.setVariable(instance, "serviceSummary", "Medical examination done");
      runtimeService.setVariable(instance, "serviceSummary", null);
      return null;
    });

    assertThat(changes("serviceSummary")).containsExactly("Medical examination done", null);
    assertThat(recorded("serviceSummary")).singleElement()
        .satisfies(variable -> assertThat(variable.getValue()).isNull());
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

  @Test
  @DisplayName("A value written again unchanged is recorded once; a change after it, and a change back, are recorded")
  void aValueWrittenAgainIsRecordedOnce() {
    runtimeService.setVariable(instance, "screeningNotes", "Seen at the shelter");
    runtimeService.setVariable(instance, "screeningNotes", "Seen at the shelter");
    runtimeService.setVariable(instance, "screeningNotes", "Seen at home");
    runtimeService.setVariable(instance, "screeningNotes", "Seen at the shelter");
    runtimeService.setVariable(instance, "screeningNotes", "Seen at the shelter");

    assertThat(changes("screeningNotes"))
        .containsExactly("Seen at the shelter", "Seen at home", "Seen at the shelter");
  }

  @Test
  @DisplayName("A form sent back with the case's values it was opened with records only what the officer changed")
  void aFormSentBackWholeRecordsOnlyItsChanges() {
    int provinceBefore = changes("province").size();
    int districtBefore = changes("district").size();

    taskService.setVariables(screening.getId(), Map.of("province", "PB", "district", "Lahore",
        "screeningNotes", "Seen with her mother"));

    assertThat(changes("province")).hasSize(provinceBefore);
    assertThat(changes("district")).hasSize(districtBefore);
    assertThat(changes("screeningNotes")).containsExactly("Seen with her mother");
  }

  @Test
  @DisplayName("Within one transaction too, a value written again unchanged is recorded once")
  void aValueWrittenTwiceInOneTransactionIsRecordedOnce() {
    engine.getCommandExecutorTxRequired().execute(context -> {
      runtimeService.setVariable(instance, "responseHours", 24);
      runtimeService.setVariable(instance, "responseHours", 24);
      runtimeService.setVariable(instance, "responseHours", 48);
      return null;
    });

    assertThat(changes("responseHours")).containsExactly(24, 48);
  }

  @Test
  @DisplayName("The same figure or text as another type is a change: a number after its text, a long after an int")
  void theSameFigureAsAnotherTypeIsAChange() {
    runtimeService.setVariable(instance, "responseHours", "24");
    runtimeService.setVariable(instance, "responseHours", 24);
    runtimeService.setVariable(instance, "responseHours", 24L);
    runtimeService.setVariable(instance, "responseHours", 24L);
    runtimeService.setVariable(instance, "needsShelter", false);
    runtimeService.setVariable(instance, "needsShelter", Boolean.FALSE);
    runtimeService.setVariable(instance, "needsShelter", 0);

    assertThat(changes("responseHours")).containsExactly("24", 24, 24L);
    assertThat(changes("needsShelter")).containsExactly(false, 0);
  }

  @Test
  @DisplayName("Dates and decimals written again unchanged are recorded once; a moment later is a change")
  void datesAndDecimalsAreComparedByValue() {
    Date seen = Date.from(Instant.parse("2026-12-01T10:00:00Z"));
    runtimeService.setVariable(instance, "seenAt", seen);
    runtimeService.setVariable(instance, "seenAt", new Date(seen.getTime()));
    runtimeService.setVariable(instance, "seenAt", new Date(seen.getTime() + 1));
    runtimeService.setVariable(instance, "ageEstimate", 13.5);
    runtimeService.setVariable(instance, "ageEstimate", 13.5);

    assertThat(changes("seenAt")).containsExactly(seen, new Date(seen.getTime() + 1));
    assertThat(changes("ageEstimate")).containsExactly(13.5);
  }

  @Test
  @DisplayName("Values kept as bytes are recorded every time they are written")
  void valuesKeptAsBytesAreAlwaysRecorded() {
    runtimeService.setVariable(instance, "photo", Variables.byteArrayValue(new byte[] {1, 2}));
    runtimeService.setVariable(instance, "photo", Variables.byteArrayValue(new byte[] {1, 2}));

    assertThat(changes("photo")).hasSize(2);
  }

  @Test
  @DisplayName("A case's own variable named as a multi-instance counter is history, on the case and on a task")
  void aCaseVariableNamedAsACounterIsRecorded() {
    runtimeService.setVariable(instance, "loopCounter", 3);
    runtimeService.setVariable(instance, "nrOfInstances", 2);
    taskService.setVariableLocal(screening.getId(), "nrOfCompletedInstances", 1);

    assertThat(changes("loopCounter")).containsExactly(3);
    assertThat(changes("nrOfInstances")).containsExactly(2);
    assertThat(changes("nrOfCompletedInstances")).containsExactly(1);
  }

  /**
   * Three visits in turn, done once two are: the engine's counters decide, and only the visits'
   * own values are history.
   */
  private static final String VISITS_IN_TURN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Visits"
          targetNamespace="http://hifazat.pk/bpmn">
        <bpmn:process id="trialVisits" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="Start_Visits" name="Visits planned" />
          <bpmn:sequenceFlow id="Flow_ToVisit" sourceRef="Start_Visits" targetRef="Task_Visit" />
          <bpmn:userTask id="Task_Visit" name="Visit the child"
              camunda:formRef="record-child-views" camunda:formRefBinding="latest"
              camunda:candidateGroups="${childSex == 'F' ? femaleOfficersGroup : officersGroup}">
            <bpmn:multiInstanceLoopCharacteristics isSequential="true"
                camunda:collection="${visits}" camunda:elementVariable="visit">
              <bpmn:completionCondition>${nrOfCompletedInstances &gt;= 2}</bpmn:completionCondition>
            </bpmn:multiInstanceLoopCharacteristics>
          </bpmn:userTask>
          <bpmn:sequenceFlow id="Flow_Visited" sourceRef="Task_Visit" targetRef="End_Visited" />
          <bpmn:endEvent id="End_Visited" name="Visited" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Test
  @DisplayName("Visits made in turn: the engine counts them to its completion condition, and its counters are not history")
  void theCountersOfVisitsInTurnAreNotHistory() {
    Deployment deployment = engine.getRepositoryService().createDeployment().name("visits")
        .addString("trial-visits.bpmn", TestModels.drawn(VISITS_IN_TURN)).deploy();
    try {
      ProcessInstance visits = runtimeService.startProcessInstanceByKey("trialVisits",
          "PB-2026-870951", Map.of("childSex", "M", "officersGroup", "cpo-pb-lahore",
              "femaleOfficersGroup", "cpo-pb-lahore-female",
              "visits", List.of("home", "school", "shelter")));
      for (int visit = 0; visit < 2; visit++) {
        assertThat(runtimeService.createVariableInstanceQuery()
            .processInstanceIdIn(visits.getId()).variableName("loopCounter").singleResult()
            .getValue()).isEqualTo(visit);
        taskService.complete(taskService.createTaskQuery().processInstanceId(visits.getId())
            .singleResult().getId(),
            Map.of("childViewsSought", true, "childViews", "Seen at visit " + visit));
      }

      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(visits.getId())
          .count()).as("done after two of three").isZero();
      assertThat(historyService.createHistoricVariableInstanceQuery()
          .processInstanceId(visits.getId()).includeDeleted().list())
          .extracting(HistoricVariableInstance::getName)
          .contains("visit", "childViews")
          .doesNotContainAnyElementsOf(COUNTERS);
      assertThat(historyService.createHistoricDetailQuery().processInstanceId(visits.getId())
          .variableUpdates().list()).extracting(detail ->
              ((HistoricVariableUpdate) detail).getVariableName())
          .doesNotContainAnyElementsOf(COUNTERS);
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  private static final List<String> COUNTERS =
      List.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
}
