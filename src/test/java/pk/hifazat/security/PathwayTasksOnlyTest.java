package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotAllowedException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;
import pk.hifazat.security.Doors.Answer;
import pk.hifazat.security.Doors.Door;

/**
 * Every task is a step of a case's pathway (support.PathwayTasksOnly): no door makes a task
 * outside a case, the engine's CMMN queries answer nothing rather than fail, and a list of a
 * case's tasks starts from the case's number, whatever the number of open cases.
 */
@HifazatTest
@ExtendWith(OutputCaptureExtension.class)
class PathwayTasksOnlyTest {

  private static final String TASK_QUERY =
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";
  private static final Pattern PREPARED = Pattern.compile("Preparing: (select distinct RES\\..*)");
  private static final Pattern PARAMETERS = Pattern.compile("Parameters: (.*)");
  private static final Pattern PARAMETER = Pattern.compile("(.*)\\((\\w+)\\)");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired CaseDriver cases;
  @Autowired JdbcTemplate jdbc;

  private Doors doors;
  private String caseNumber;

  @BeforeEach
  void aGirlsCaseInLahore() throws Exception {
    doors = new Doors(port);
    Instant custody = Instant.now().minus(Duration.ofHours(2));
    caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", "F", "TRAFFICKING", custody, custody));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
      "ENGINE_REST, admin", "TASKLIST, admin", "ENGINE_REST, cpo.lahore.f",
      "TASKLIST, supervisor.lahore", "ENGINE_REST, policy.editor"})
  void aTaskOutsideAnyCaseIsMadeThroughNoDoor(Door door, String user) throws Exception {
    long tasks = taskService.createTaskQuery().count();

    Answer answer = doors.send(door, user, "POST", "/task/create",
        "{\"name\": \"Call the school\", \"assignee\": \"cpo.lahore.m\"}");

    assertThat(answer.status()).as(answer.toString()).isIn(400, 403);
    assertThat(answer.body()).contains("\"status\":" + answer.status());
    assertThat(taskService.createTaskQuery().count()).isEqualTo(tasks);
  }

  @Test
  void theJavaApiMakesNoTaskOutsideACaseEitherNorOneCopiedFromACase() {
    long tasks = taskService.createTaskQuery().count();
    Task blank = taskService.newTask();
    blank.setName("Call the school");
    assertThatThrownBy(() -> taskService.saveTask(blank))
        .isInstanceOf(NotAllowedException.class);

    // A new task given a case's own task's name and group is still a task of no case.
    Task screening = cases.task(caseNumber, "Task_ScreenReport");
    Task copy = taskService.newTask("copy-of-" + screening.getId());
    copy.setName(screening.getName());
    copy.setDueDate(screening.getDueDate());
    assertThatThrownBy(() -> JavaApiDoor.as(identityService, "admin",
        () -> taskService.saveTask(copy))).isInstanceOf(NotAllowedException.class);

    assertThat(taskService.createTaskQuery().count()).isEqualTo(tasks);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/case-definition", "/case-definition/count", "/case-instance", "/case-execution",
      "/history/case-instance", "/history/case-activity-instance",
      "/history/case-definition/cleanable-case-instance-report",
      "/task?caseDefinitionKey=childProtectionCase", "/task?caseInstanceId=x",
      "/history/task?caseDefinitionKey=childProtectionCase",
      "/variable-instance?caseInstanceIdIn=x", "/history/variable-instance?caseInstanceId=x"})
  void theEnginesCaseQueriesAnswerNothingRatherThanFail(String path, CapturedOutput log)
      throws Exception {
    for (Door door : List.of(Door.ENGINE_REST, Door.COCKPIT)) {
      Answer answer = doors.send(door, "admin", "GET", path, null);

      assertThat(answer.status()).as(door + " " + answer).isEqualTo(200);
      assertThat(answer.body()).as(door + " " + path).isIn("[]", "{\"count\":0}");
    }
    assertThat(log.getAll()).doesNotContain("ENGINE-16004").doesNotContain("SQLSyntax");
  }

  /**
   * The list of a case's tasks an officer reads before each step: the engine's own statement,
   * as it ran, planned by the database. With inner joins only, the database may start from the
   * case number's index, as H2 does once the tasks are many (with the few of a test it may as
   * well start from the tasks); with an outer join written first it had to read every open task.
   */
  @Test
  void aListOfTheCasesTasksLeavesTheDatabaseFreeToStartFromTheCaseNumber(CapturedOutput log)
      throws Exception {
    LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    logging.setLogLevel(TASK_QUERY, LogLevel.DEBUG);
    int from = log.getAll().length();
    Answer list;
    try {
      list = doors.send(Door.ENGINE_REST, "cpo.lahore.f", "GET",
          "/task?processInstanceBusinessKey=" + caseNumber, null);
    } finally {
      logging.setLogLevel(TASK_QUERY, null);
    }
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.body()).contains("Screen the report");
    String ran = log.getAll().substring(from);
    Matcher sql = PREPARED.matcher(ran);
    Matcher parameters = PARAMETERS.matcher(ran);
    assertThat(sql.find()).as("the task query in the log").isTrue();
    assertThat(parameters.find(sql.end())).isTrue();

    String plan = String.join("\n", jdbc.queryForList("EXPLAIN " + sql.group(1).trim(),
        String.class, values(parameters.group(1))));

    assertThat(sql.group(1)).doesNotContainIgnoringCase("left join")
        .containsIgnoringCase("inner join ACT_RU_EXECUTION E");
    assertThat(plan).as(plan).doesNotContain("OUTER JOIN")
        .contains("\"E\".\"BUSINESS_KEY_\" = ?");
  }

  /** MyBatis's log of the statement's parameters: {@code cpo.lahore.f(String), 7(Integer)}. */
  private static Object[] values(String logged) {
    List<Object> values = new ArrayList<>();
    for (String each : logged.trim().split(", ")) {
      Matcher parameter = PARAMETER.matcher(each);
      assertThat(parameter.matches()).as(each).isTrue();
      values.add(switch (parameter.group(2)) {
        case "Integer" -> Integer.valueOf(parameter.group(1));
        case "Long" -> Long.valueOf(parameter.group(1));
        default -> parameter.group(1);
      });
    }
    return values.toArray();
  }
}
