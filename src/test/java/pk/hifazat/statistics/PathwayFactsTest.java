package pk.hifazat.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pk.hifazat.HifazatTest;
import pk.hifazat.TestModels;

/**
 * The pathways' decided values and steps reach the statistics as the engine records them
 * (R-DATA-DISAGGREGATED): the annex reads the statistics' own copy, never the engine's history,
 * and the copy must count what the history would, a corrected value by its latest, a rolled back
 * one not at all, and what was recorded before the dictionary named it.
 */
@HifazatTest
class PathwayFactsTest {

  private static final String DISTRICT = "Skardu";
  private static final String PROBE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe"
          targetNamespace="http://hifazat.pk/bpmn">
        <bpmn:process id="statisticsProbe" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="Start_Probe" name="Case in custody" />
          <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Probe" targetRef="Task_ProduceBeforeCourt" />
          <bpmn:userTask id="Task_ProduceBeforeCourt" name="Produce the child before a court"
              camunda:formRef="acknowledge-referral" camunda:formRefBinding="latest"
              camunda:candidateGroups="${childSex == 'F' ? femaleOfficersGroup : officersGroup}" />
          <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_ProduceBeforeCourt" targetRef="End_Probe" />
          <bpmn:endEvent id="End_Probe" name="Produced" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired IndicatorDictionary dictionary;
  @Autowired PathwayFacts facts;

  private String caseNumber;

  @BeforeEach
  void deployTheProbe() {
    repositoryService.createDeployment().name("statistics probe")
        .addString("statistics-probe.bpmn", TestModels.drawn(PROBE))
        .enableDuplicateFiltering(true).deploy();
    caseNumber = "GB-" + LocalDate.now().getYear() + "-7" + System.nanoTime() % 100000;
  }

  @AfterEach
  void removeTheCase() {
    jdbcTemplate.update("delete from case_file where district = ?", DISTRICT);
  }

  /** A child of Skardu whose case runs on the probe, reported now. */
  private ProcessInstance startCase(Map<String, Object> decided) {
    Map<String, Object> variables = new java.util.HashMap<>(decided);
    variables.putAll(Map.of("province", "GB", "district", DISTRICT, "childSex", "F",
        "officersGroup", "cpo-gb-skardu", "femaleOfficersGroup", "cpo-gb-skardu-female"));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("statisticsProbe",
        caseNumber, variables);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    jdbcTemplate.update("insert into case_file (case_number, process_instance_id, province,"
            + " district, reported_at, source, child_sex, child_age_years, age_estimated,"
            + " age_disputed, nationality, offence_types, stage, stage_entered_at, registered_at,"
            + " registered_by) values (?, ?, 'GB', ?, ?, 'POLICE', 'F', 12, false, false, 'PK',"
            + " 'TRAFFICKING', 'OPEN', ?, ?, 'cpo.skardu')",
        caseNumber, instance.getId(), DISTRICT, now, now, now);
    return instance;
  }

  private long victimsThisYear() {
    int year = LocalDate.now().getYear();
    Scope scope = new Scope(LocalDate.of(year - 1, 1, 1), LocalDate.of(year + 1, 12, 31), "GB",
        DISTRICT, Scope.Period.YEAR, List.of());
    return new Tables(jdbc, new IndicatorDictionary(dictionaryYaml(), 1, "test"))
        .table(dictionary.get("victims-identified"), Dimension.SEX, null, scope).total().value()
        .longValue();
  }

  private static String dictionaryYaml() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("processes/indicators.yaml"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The officer completes the step the dictionary names. */
  private void produce(ProcessInstance instance) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId())
        .singleResult().getId(), Map.of("referralDecision", "ACKNOWLEDGED"));
  }

  private List<String> kept(String instance, String kind) {
    return jdbc.sql("select name || '=' || coalesce(fact_value, '-') from pathway_fact"
            + " where root_process_instance_id = ? and kind = ? order by name")
        .params(instance, kind).query(String.class).list();
  }

  @Test
  @DisplayName("A child confirmed as a victim by the pathway is counted from the statistics' own copy, kept as the engine recorded it")
  void aDecidedValueIsKeptAsTheEngineRecordsIt() {
    ProcessInstance instance = startCase(Map.of("identificationOutcome", "CONFIRMED_VICTIM",
        "childName", "not for the statistics"));

    assertThat(kept(instance.getId(), "VARIABLE"))
        .containsExactly("identificationOutcome=CONFIRMED_VICTIM");
    assertThat(victimsThisYear()).isEqualTo(1);
  }

  @Test
  @DisplayName("An outcome corrected later counts by its latest value, at the moment it was first set, as the dictionary says")
  void aCorrectedOutcomeCountsByItsLatestValue() {
    ProcessInstance instance = startCase(Map.of("identificationOutcome", "CONFIRMED_VICTIM"));
    Object setAt = jdbc.sql("select fact_at from pathway_fact where root_process_instance_id = ?")
        .param(instance.getId()).query().singleValue();

    runtimeService.setVariable(instance.getId(), "identificationOutcome", "NOT_A_CASE");

    assertThat(kept(instance.getId(), "VARIABLE"))
        .containsExactly("identificationOutcome=NOT_A_CASE");
    assertThat(jdbc.sql("select fact_at from pathway_fact where root_process_instance_id = ?")
        .param(instance.getId()).query().singleValue()).isEqualTo(setAt);
    assertThat(victimsThisYear()).isZero();
  }

  @Test
  @DisplayName("A value set in a change that was rolled back is not counted: the copy shares the engine's transaction")
  void aRolledBackValueIsNotCounted() {
    ProcessInstance instance = startCase(Map.of("identificationOutcome", "NOT_A_CASE"));

    transactions.executeWithoutResult(status -> {
      runtimeService.setVariable(instance.getId(), "identificationOutcome", "CONFIRMED_VICTIM");
      status.setRollbackOnly();
    });

    assertThat(kept(instance.getId(), "VARIABLE"))
        .containsExactly("identificationOutcome=NOT_A_CASE");
    assertThat(victimsThisYear()).isZero();
  }

  @Test
  @DisplayName("A step the dictionary names is kept when it ends, and no other step is")
  void aNamedStepIsKeptWhenItEnds() {
    ProcessInstance instance = startCase(Map.of());
    assertThat(kept(instance.getId(), "STEP")).isEmpty();

    produce(instance);

    assertThat(kept(instance.getId(), "STEP")).containsExactly("Task_ProduceBeforeCourt=-");
    assertThat(historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).finished().count()).isEqualTo(3);
  }

  @Test
  @DisplayName("Facts recorded before the dictionary named them are filled from the engine's history at start, with their latest values")
  void factsRecordedBeforeAreFilledFromHistory() {
    ProcessInstance instance = startCase(Map.of("identificationOutcome", "CONFIRMED_VICTIM"));
    runtimeService.setVariable(instance.getId(), "identificationOutcome", "CHILD_AT_RISK");
    produce(instance);
    // As if the dictionary had just named them: nothing kept yet.
    jdbcTemplate.update("delete from pathway_fact where root_process_instance_id = ?",
        instance.getId());
    jdbcTemplate.update("delete from pathway_fact_source where source_key in (?, ?)",
        "variable:identificationOutcome", "step:Task_ProduceBeforeCourt");

    facts.fillNewlyNamed();

    assertThat(kept(instance.getId(), "VARIABLE"))
        .containsExactly("identificationOutcome=CHILD_AT_RISK");
    assertThat(kept(instance.getId(), "STEP")).containsExactly("Task_ProduceBeforeCourt=-");
    assertThat(jdbc.sql("select count(*) from pathway_fact_source where source_key = ?")
        .param("variable:identificationOutcome").query(Long.class).single()).isEqualTo(1);
  }
}
