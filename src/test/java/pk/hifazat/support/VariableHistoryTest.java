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
 * The engine's history holds every value a case held, each once from when it was given, and
 * every real change after it; no record of a variable that only ever was empty (the values a
 * pathway declares for each of its parallel branches), nor of a value written again unchanged
 * (a form sent back whole, a record read again). The rules are {@link EmptyVariablesLeftOut} and
 * {@link UnchangedValuesLeftOut}.
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
}
