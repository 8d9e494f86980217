package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.security.Doors.Answer;
import pk.hifazat.security.Doors.Door;

/**
 * A request the engine's API cannot read (a body that is not JSON, or JSON of another shape, or a
 * query parameter of another type) is answered as every other bad input, through the engine REST
 * API and Tasklist's door alike: 400 with a problem body that says where, never what was sent (a
 * child's name in a variable), and nothing recorded or lost.
 */
@HifazatTest
@ExtendWith(OutputCaptureExtension.class)
class UnreadableRequestsTest {

  @Autowired CaseDriver cases;
  @Autowired TaskService taskService;
  @LocalServerPort int port;

  private Doors doors;

  @BeforeEach
  void doors() {
    doors = new Doors(port);
  }

  @ParameterizedTest(name = "{0} through {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "cut short        | ENGINE_REST | {\"variables\": {\"screeningNotes\": {\"value\": \"Amina"
          + "            | not valid JSON (line 1",
      "cut short        | TASKLIST    | {\"variables\": {\"screeningNotes\": {\"value\": \"Amina"
          + "            | not valid JSON (line 1",
      "not JSON at all  | TASKLIST    | {screeningNotes: Amina}"
          + "            | not valid JSON (line 1, column 2)",
      "a list           | ENGINE_REST | {\"variables\": [\"Amina\"]}"
          + "            | not what this request takes at 'variables'",
      "a bare value     | TASKLIST    | {\"variables\": {\"screeningNotes\": \"Amina\"}}"
          + "            | not what this request takes at 'variables.screeningNotes'",
      "a text for a map | ENGINE_REST | {\"variables\": {\"screeningNotes\": {\"value\": \"Amina\","
          + " \"valueInfo\": \"Amina\"}}}"
          + "            | not what this request takes at 'variables.screeningNotes.valueInfo'"})
  @DisplayName("A completion whose body cannot be read is refused, and the task stays open")
  void aCompletionWhoseBodyCannotBeReadIsRefused(String shape, String door, String body,
      String words, CapturedOutput log) throws Exception {
    String caseNumber = cases.report(
        Reports.notInCustody("PB", "Lahore", "F", "FORCED_LABOUR", Instant.now()));
    String task = cases.task(caseNumber, "Task_ScreenReport").getId();

    Answer answer = doors.send(Door.valueOf(door.strip()), "cpo.lahore.f", "POST",
        "/task/" + task + "/complete", body.strip());

    answer.assertBadInput(words.strip(), log);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    assertThat(taskService.getVariable(task, "screeningNotes")).isNull();
  }

  @ParameterizedTest(name = "{0}={1} through {2}")
  @CsvSource(delimiter = '|', value = {
      "firstResult | Amina | ENGINE_REST",
      "maxResults  | many  | TASKLIST",
      "firstResult | 1.5   | TASKLIST"})
  @DisplayName("A task list asked with a count in words is refused naming the parameter")
  void aTaskListAskedWithACountInWordsIsRefused(String parameter, String value, String door,
      CapturedOutput log) throws Exception {
    Answer answer = doors.send(Door.valueOf(door.strip()), "cpo.lahore.f", "GET",
        "/task?" + parameter.strip() + "=" + value.strip(), null);

    answer.assertBadInput("Query parameter '" + parameter.strip() + "'", log);
  }
}
