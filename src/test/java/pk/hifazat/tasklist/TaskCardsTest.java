package pk.hifazat.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * Tasklist's cards tell one case's task from another's: each shows the case number, girl or boy
 * and age, and the district, read as the officer reads them; the list opens on the team's tasks,
 * soonest due first with the tasks that have no due date last.
 */
@HifazatTest
class TaskCardsTest {

  @Autowired CaseDriver cases;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  /** The filter's page of tasks as Tasklist asks for it (HAL, with the filter's variables). */
  private JsonNode listAs(String user, String filterName, String query) throws Exception {
    String filterId = filterService.createFilterQuery().filterName(filterName).singleResult()
        .getId();
    String credentials = Base64.getEncoder()
        .encodeToString((user + ":" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/engine-rest/filter/" + filterId
                    + "/list?firstResult=0&maxResults=200"))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/json")
            .header("Accept", "application/hal+json")
            .POST(HttpRequest.BodyPublishers.ofString(query))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  /** The card variables Tasklist shows on the task's card, by name. */
  private static Map<String, String> cardOf(JsonNode page, String taskId) {
    Map<String, String> card = new HashMap<>();
    for (JsonNode task : page.path("_embedded").path("task")) {
      if (taskId.equals(task.path("id").asText())) {
        for (JsonNode variable : task.path("_embedded").path("variable")) {
          card.put(variable.path("name").asText(), variable.path("value").asText());
        }
      }
    }
    return card;
  }

  /** A girl in Lahore, taken into custody an hour ago (R-COURT-24H runs). */
  private String girlInCustodyInLahore() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(1));
    return cases.report(Reports.inCustody("PB", "Lahore", "F", "SEXUAL_ABUSE", custody, custody));
  }

  @Test
  @DisplayName("A girl's production task shows her case number, 'Girl', her age and the district on the female officer's card")
  void everyCardShowsItsCase() throws Exception {
    String caseNumber = girlInCustodyInLahore();
    Task production = cases.task(caseNumber, "Task_ArrangeProduction");

    Map<String, String> card = cardOf(
        listAs("cpo.lahore.f", TasklistFilters.MY_GROUP_TASKS, "{}"), production.getId());

    assertThat(card).containsEntry(TaskCard.CASE, caseNumber)
        .containsEntry(TaskCard.DISTRICT, "Lahore");
    assertThat(card.get(TaskCard.CHILD)).startsWith("Girl, 14 years").contains("لڑکی، 14 سال");
  }

  @Test
  @DisplayName("A task of a pathway the case calls, which does not carry the age, still shows the child's age")
  void cardOfACalledPathwayShowsTheAgeOfTheCase() throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(1));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "M", "FORCED_LABOUR", custody, custody));

    for (Task task : cases.openTasks(caseNumber)) {
      Map<String, Object> local = taskService.getVariablesLocal(task.getId());
      assertThat(local).as(task.getTaskDefinitionKey())
          .containsEntry(TaskCard.CASE, caseNumber)
          .containsEntry(TaskCard.CHILD, "Boy, 14 years · \u2067لڑکا، 14 سال\u2069");
    }
  }

  @Test
  @DisplayName("Each card shows the case's stage in English and Urdu")
  void cardShowsTheStageOfTheCase() throws Exception {
    String caseNumber = girlInCustodyInLahore();
    Task screening = cases.task(caseNumber, "Task_ScreenReport");

    Map<String, String> card = cardOf(
        listAs("cpo.lahore.f", TasklistFilters.MY_GROUP_TASKS, "{}"), screening.getId());

    // A child already in custody: the case is at her production before the court (R-COURT-24H).
    assertThat(cases.caseFile(caseNumber).path("stage").asText()).isEqualTo("COURT_PRODUCTION");
    assertThat(card.get(TaskCard.STAGE))
        .isEqualTo("Production before the court · \u2067عدالت میں پیشی\u2069");
  }

  @Test
  @DisplayName("When the case moves on, the cards of its tasks already open show the new stage")
  void openTasksFollowTheCaseIntoItsNextStage() throws Exception {
    String caseNumber = girlInCustodyInLahore();
    Task production = cases.task(caseNumber, "Task_ArrangeProduction");

    cases.screen(caseNumber, false, "indicatorSexualExploitation");
    confirmAsVictim(caseNumber);

    Map<String, String> card = cardOf(
        listAs("cpo.lahore.f", TasklistFilters.MY_GROUP_TASKS, "{}"), production.getId());
    // A confirmed victim's case goes on to referral and compensation side by side.
    assertThat(card.get(TaskCard.STAGE)).isEqualTo("Compensation · \u2067معاوضہ\u2069");
    assertEveryOpenCardShowsTheStageOf(caseNumber);
  }

  @ParameterizedTest(name = "a card {0}")
  @ValueSource(strings = {"showing another stage", "emptied", "removed"})
  @DisplayName("A card someone overwrote, emptied or removed shows the case's stage again when the case moves on")
  void cardChangedByHandFollowsTheCaseAtItsNextMove(String change) throws Exception {
    String caseNumber = girlInCustodyInLahore();
    Task production = cases.task(caseNumber, "Task_ArrangeProduction");
    switch (change) {
      case "showing another stage" ->
          taskService.setVariableLocal(production.getId(), TaskCard.STAGE, "Closed");
      case "emptied" -> taskService.setVariableLocal(production.getId(), TaskCard.STAGE, null);
      default -> taskService.removeVariableLocal(production.getId(), TaskCard.STAGE);
    }
    // A case variable of the card's name, already holding the words the card should show, is
    // not the task's card.
    runtimeService.setVariable(production.getProcessInstanceId(), TaskCard.STAGE,
        TaskCard.stage("COMPENSATION"));

    cases.screen(caseNumber, false, "indicatorSexualExploitation");
    confirmAsVictim(caseNumber);

    assertThat(taskService.getVariableLocal(production.getId(), TaskCard.STAGE))
        .isEqualTo("Compensation · \u2067معاوضہ\u2069");
    assertEveryOpenCardShowsTheStageOf(caseNumber);
  }

  private void confirmAsVictim(String caseNumber) {
    if (!taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_RecordChildViews").list().isEmpty()) {
      cases.complete(caseNumber, "Task_RecordChildViews", Map.of(
          "childViewsSought", true, "childViews", "Wants to go to school"));
    }
    Map<String, Object> decision = new HashMap<>();
    decision.put("identificationOutcome", "CONFIRMED_VICTIM");
    decision.put("outcomeReason", "Screening and the child's account");
    decision.put("placementNeeded", false);
    decision.put("needsMedical", true);
    decision.put("needsPsychosocial", false);
    decision.put("needsShelter", false);
    decision.put("needsEducation", false);
    cases.complete(caseNumber, "Task_DecideIdentificationOutcome", decision);
  }

  private void assertEveryOpenCardShowsTheStageOf(String caseNumber) throws Exception {
    String stage = TaskCard.stage(cases.caseFile(caseNumber).path("stage").asText());
    assertThat(cases.openTasks(caseNumber)).isNotEmpty().allSatisfy(task ->
        assertThat(taskService.getVariableLocal(task.getId(), TaskCard.STAGE))
            .as(task.getTaskDefinitionKey()).isEqualTo(stage));
  }

  @Test
  @DisplayName("Tasklist opens on the team's tasks, and every filter shows the case on its cards")
  void tasklistOpensOnTheTeamsTasks() {
    List<Filter> filters = new ArrayList<>(filterService.createFilterQuery().list());
    filters.sort((a, b) -> Integer.compare(((Number) a.getProperties().get("priority")).intValue(),
        ((Number) b.getProperties().get("priority")).intValue()));

    assertThat(filters.get(0).getName()).isEqualTo(TasklistFilters.MY_GROUP_TASKS);
    assertThat(filters).allSatisfy(filter -> assertThat(
        ((List<?>) filter.getProperties().get("variables")).stream()
            .map(variable -> (Object) ((Map<?, ?>) variable).get("name")).toList())
        .containsExactly((Object) TaskCard.CASE, TaskCard.CHILD, TaskCard.DISTRICT,
            TaskCard.STAGE));
  }

  @Test
  @DisplayName("Soonest due first puts an overdue task first and a task without a due date last")
  void tasksWithoutDueDateComeLast() throws Exception {
    // In custody for 30 hours: production before the court is overdue (R-COURT-24H). The
    // child's views, asked once the report is screened, have no due date.
    Instant custody = Instant.now().minus(Duration.ofHours(30));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING", custody, custody));
    cases.screen(caseNumber, false);
    Task overdue = cases.task(caseNumber, "Task_ArrangeProduction");
    Task undated = cases.task(caseNumber, "Task_RecordChildViews");
    assertThat(overdue.getDueDate()).isBefore(Date.from(Instant.now()));
    assertThat(undated.getDueDate()).isNull();

    List<String> order = taskService.createTaskQuery()
        .taskIdIn(undated.getId(), overdue.getId()).orderByDueDate().asc().list().stream()
        .map(Task::getId).toList();

    assertThat(order).containsExactly(overdue.getId(), undated.getId());
  }

  @Test
  @DisplayName("A case number typed into Tasklist's search (business key, like) finds the case's tasks, and only those")
  void caseNumberFindsItsTasks() throws Exception {
    String caseNumber = girlInCustodyInLahore();
    girlInCustodyInLahore();

    JsonNode page = listAs("cpo.lahore.f", TasklistFilters.MY_GROUP_TASKS,
        "{\"processInstanceBusinessKeyLike\": \"%" + caseNumber.toLowerCase().substring(3)
            .toUpperCase() + "%\"}");

    List<String> found = new ArrayList<>();
    page.path("_embedded").path("task").forEach(task -> found.add(task.path("id").asText()));
    assertThat(found).containsExactlyInAnyOrderElementsOf(
        cases.openTasks(caseNumber).stream().map(Task::getId).toList());
  }

  @Test
  @DisplayName("A card is not written again into the engine's history, as it is made, changed with the stage or closed with its task; the case's own values are")
  void cardsAreNotRecordedTwiceInTheHistory() throws Exception {
    String caseNumber = girlInCustodyInLahore();
    Task production = cases.task(caseNumber, "Task_ArrangeProduction");
    // the stage moves on (each open card changed), screening's card goes with its task
    cases.screen(caseNumber, false, "indicatorSexualExploitation");
    // a task's own variable that is not a card, and a case variable named as a card
    taskService.setVariableLocal(production.getId(), "courtContacted", true);
    runtimeService.setVariable(production.getProcessInstanceId(), TaskCard.STAGE, "kept");

    String[] instances = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list().stream()
        .map(HistoricProcessInstance::getId).toArray(String[]::new);
    List<HistoricVariableInstance> recorded = historyService
        .createHistoricVariableInstanceQuery().processInstanceIdIn(instances).list();
    List<String> changes = historyService.createHistoricDetailQuery().variableUpdates().list()
        .stream().map(HistoricVariableUpdate.class::cast)
        .filter(update -> List.of(instances).contains(update.getProcessInstanceId()))
        .map(update -> update.getVariableName() + (update.getTaskId() == null ? "" : "@task"))
        .toList();

    assertThat(taskService.getVariableLocal(production.getId(), TaskCard.CASE))
        .isEqualTo(caseNumber);
    assertThat(recorded).noneMatch(variable -> variable.getTaskId() != null
        && variable.getName().startsWith("card"));
    assertThat(changes).doesNotContain(TaskCard.CASE + "@task", TaskCard.CHILD + "@task",
        TaskCard.DISTRICT + "@task", TaskCard.STAGE + "@task")
        .contains("caseNumber", "childSex", "district", "courtContacted@task", TaskCard.STAGE);
    assertThat(recorded).extracting(HistoricVariableInstance::getName)
        .contains("caseNumber", "courtContacted", TaskCard.STAGE);
  }

  @Test
  @DisplayName("A person who overwrites or empties a task's card through the engine REST API is in the engine's history with the value written")
  void aPersonsChangeToACardIsHistory() throws Exception {
    String caseNumber = girlInCustodyInLahore();
    Task screening = cases.task(caseNumber, "Task_ScreenReport");
    String credentials = Base64.getEncoder().encodeToString(
        ("cpo.lahore.f:" + CaseDriver.PASSWORD).getBytes(StandardCharsets.UTF_8));

    for (String change : List.of(TaskCard.STAGE + "=\"Closed\"", TaskCard.DISTRICT + "=null")) {
      String card = change.substring(0, change.indexOf('='));
      String value = change.substring(change.indexOf('=') + 1);
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(
                  "http://127.0.0.1:" + port + "/engine-rest/task/" + screening.getId()
                      + "/localVariables/" + card))
              .header("Authorization", "Basic " + credentials)
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(
                  "{\"value\": " + value + ", \"type\": \"String\"}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    }

    // The district card held the district before the officer emptied it: that is a change too.
    assertThat(historyService.createHistoricDetailQuery().taskId(screening.getId())
        .variableUpdates().list()).map(HistoricVariableUpdate.class::cast)
        .extracting(HistoricVariableUpdate::getVariableName, HistoricVariableUpdate::getValue)
        .containsExactlyInAnyOrder(tuple(TaskCard.STAGE, "Closed"), tuple(TaskCard.DISTRICT, null));
  }
}
