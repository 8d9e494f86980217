package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pk.hifazat.CaseDriver;
import pk.hifazat.ChildAtRiskForms;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.security.Doors.Answer;
import pk.hifazat.security.Doors.Door;

/**
 * Two officers of the district on one boy's screening task: whoever comes second, at the same
 * instant or a minute later, by whichever door and whichever action, is told 409 (someone else
 * did it), never 403 or 500.
 */
@HifazatTest
class TaskRaceConflictTest {

  private static final String SCREEN = "Task_ScreenReport";

  @LocalServerPort int port;
  @Autowired CaseDriver cases;
  @Autowired TaskService taskService;

  private Doors doors;
  private final String screening = new ChildAtRiskForms("Met at the kiln", "Working child", false)
      .completing(SCREEN).toString();

  @BeforeEach
  void doors() {
    doors = new Doors(port);
  }

  @ParameterizedTest
  @EnumSource(value = Door.class, names = {"ENGINE_REST", "TASKLIST"})
  @DisplayName("Every action on a task another officer has just completed is a 409")
  void everyActionOnACompletedTaskIsAConflict(Door door) throws Exception {
    String task = screeningTask();
    assertThat(doors.send(door, "cpo.lahore.m", "POST", "/task/" + task + "/complete",
        screening).status()).isEqualTo(204);

    List<String[]> late = List.of(
        new String[] {"POST", "/task/" + task + "/complete", screening},
        new String[] {"POST", "/task/" + task + "/submit-form", screening},
        new String[] {"POST", "/task/" + task + "/claim", "{\"userId\":\"cpo.lahore.f\"}"},
        new String[] {"POST", "/task/" + task + "/assignee", "{\"userId\":\"cpo.lahore.f\"}"},
        new String[] {"POST", "/task/" + task + "/variables",
            "{\"modifications\":{\"screeningNotes\":{\"value\":\"x\",\"type\":\"String\"}}}"},
        new String[] {"PUT", "/task/" + task + "/localVariables/screeningNotes",
            "{\"value\":\"x\",\"type\":\"String\"}"});
    for (String[] action : late) {
      Answer answer = doors.send(door, "cpo.lahore.f", action[0], action[1], action[2]);
      assertThat(answer.status()).as(action[0] + " " + action[1] + ": " + answer)
          .isEqualTo(409);
      assertThat(answer.body()).contains("completed or deleted by someone else");
    }
  }

  @ParameterizedTest
  @EnumSource(value = Door.class, names = {"ENGINE_REST", "TASKLIST"})
  @DisplayName("Two officers completing one task at the same instant: one success and one 409")
  void twoOfficersAtTheSameInstantGetOneSuccessAndOneConflict(Door door) throws Exception {
    ExecutorService officers = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 3; round++) {
        String task = screeningTask();
        // Logged in beforehand, as officers at their desks are.
        doors.send(door, "cpo.lahore.m", "GET", "/task/" + task, null);
        doors.send(door, "cpo.lahore.f", "GET", "/task/" + task, null);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (String officer : List.of("cpo.lahore.m", "cpo.lahore.f")) {
          Callable<Answer> complete = () -> {
            start.await();
            return doors.send(door, officer, "POST", "/task/" + task + "/complete", screening);
          };
          answers.add(officers.submit(complete));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Answer> answer : answers) {
          statuses.add(answer.get().status());
        }
        assertThat(statuses).as("round %d: %s", round, answers.get(1).get())
            .containsExactlyInAnyOrder(204, 409);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
      }
    } finally {
      officers.shutdownNow();
    }
  }

  private String screeningTask() throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "M", "FORCED_LABOUR",
        Instant.now().minusSeconds(600)));
    return cases.task(caseNumber, SCREEN).getId();
  }
}
