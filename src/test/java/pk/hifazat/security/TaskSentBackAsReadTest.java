package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.security.Doors.Answer;
import pk.hifazat.security.Doors.Door;

/**
 * Tasklist sets a task's due or follow-up date by sending back the whole task it read, the
 * task's Camunda Form among it (enginerest.TaskSentBackAsRead): the change is made, the form
 * stays the model's, only a supervisor sets a due date, and a statutory task's due date still
 * moves for nobody.
 */
@HifazatTest
class TaskSentBackAsReadTest {

  private static final String DUE = "2031-01-02T03:04:00.000+0500";
  private static final String FOLLOW_UP = "2030-12-30T09:00:00.000+0500";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired CaseDriver cases;
  @Autowired ObjectMapper json;

  private Doors doors;
  private String caseNumber;

  @BeforeEach
  void aGirlsCaseInLahoreScreened() throws Exception {
    doors = new Doors(port);
    Instant custody = Instant.now().minus(Duration.ofHours(2));
    caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING", custody, custody));
    cases.screen(caseNumber, false);
  }

  private ObjectNode read(Door door, String user, Task task) throws Exception {
    Answer answer = doors.send(door, user, "GET", "/task/" + task.getId(), null);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    ObjectNode read = (ObjectNode) json.readTree(answer.body());
    assertThat(read.path("camundaFormRef").path("key").asText()).as("read with its form")
        .isNotEmpty();
    return read;
  }

  @ParameterizedTest(name = "{0} as {1}, {2}")
  @CsvSource({
      "TASKLIST, supervisor.lahore, due", "TASKLIST, supervisor.lahore, followUp",
      "TASKLIST, cpo.lahore.f, followUp", "ENGINE_REST, supervisor.lahore, due",
      "ENGINE_REST, cpo.lahore.f, followUp", "ENGINE_REST, admin, due"})
  void aDateSetOnATaskAsReadIsKept(Door door, String user, String date) throws Exception {
    Task views = cases.task(caseNumber, "Task_RecordChildViews");
    ObjectNode task = read(door, user, views);
    task.remove("_links");
    task.remove("_embedded");
    task.put(date, date.equals("due") ? DUE : FOLLOW_UP);

    Answer answer = doors.send(door, user, "PUT", "/task/" + views.getId(), task.toString());

    assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    Task after = taskService.createTaskQuery().taskId(views.getId()).initializeFormKeys()
        .singleResult();
    Instant set = Instant.from(DateTimeFormatter
        .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").parse(date.equals("due") ? DUE : FOLLOW_UP));
    assertThat((date.equals("due") ? after.getDueDate() : after.getFollowUpDate()).toInstant())
        .isEqualTo(set);
    assertThat(after.getName()).isEqualTo(views.getName());
    assertThat(after.getCamundaFormRef().getKey()).isEqualTo("record-child-views");
  }

  @ParameterizedTest(name = "through {0}")
  @CsvSource({"TASKLIST", "ENGINE_REST"})
  void aFormSentWithTheTaskIsNotTheTasksForm(Door door) throws Exception {
    Task views = cases.task(caseNumber, "Task_RecordChildViews");
    ObjectNode task = read(door, "supervisor.lahore", views);
    ((ObjectNode) task.get("camundaFormRef")).put("key", "close-case").put("binding", "latest");
    task.put("due", DUE);

    Answer answer = doors.send(door, "supervisor.lahore", "PUT", "/task/" + views.getId(),
        task.toString());

    assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(views.getId()).initializeFormKeys()
        .singleResult().getCamundaFormRef().getKey())
        .isEqualTo("record-child-views");
  }

  /** An officer's due date, sent with the task as read, is refused as any other: 403. */
  @ParameterizedTest(name = "through {0}")
  @CsvSource({"TASKLIST", "ENGINE_REST"})
  void anOfficerStillSetsNoDueDate(Door door) throws Exception {
    Task views = cases.task(caseNumber, "Task_RecordChildViews");
    ObjectNode task = read(door, "cpo.lahore.f", views);
    task.put("due", DUE);

    Answer answer = doors.send(door, "cpo.lahore.f", "PUT", "/task/" + views.getId(),
        task.toString());

    assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(views.getId()).singleResult().getDueDate())
        .isNull();
  }

  /** R-COURT-24H: the production task's due date is its clock's, sent back as read or not. */
  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({"TASKLIST, cpo.lahore.f", "TASKLIST, supervisor.lahore", "ENGINE_REST, admin"})
  void theProductionTasksDueDateStaysWhenTheTaskIsSentBackAsRead(Door door, String user)
      throws Exception {
    Task production = cases.task(caseNumber, "Task_ArrangeProduction");
    ObjectNode task = read(door, user, production);
    task.put("due", DUE);

    Answer answer = doors.send(door, user, "PUT", "/task/" + production.getId(),
        task.toString());

    assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(production.getId()).singleResult()
        .getDueDate()).isEqualTo(production.getDueDate());
  }
}
