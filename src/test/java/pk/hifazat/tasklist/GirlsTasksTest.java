package pk.hifazat.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/** R-GIRL-FEMALE-CARE in Tasklist: what each Lahore officer's task list offers them. */
@HifazatTest
class GirlsTasksTest {

  @Autowired CaseDriver cases;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;

  @AfterEach
  void forgetTheUser() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  /** The tasks of the "My group tasks" filter as Tasklist lists them for the user. */
  private List<String> groupTaskListOf(String userId) {
    return taskListOf(userId, TasklistFilters.MY_GROUP_TASKS);
  }

  private List<String> taskListOf(String userId, String filterName) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    try {
      String filterId = filterService.createFilterQuery()
          .filterName(filterName).singleResult().getId();
      return filterService.<Task>list(filterId).stream().map(Task::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String productionTaskOf(String sex) throws Exception {
    Instant custody = Instant.now().minus(Duration.ofHours(1));
    String caseNumber = cases.report(
        Reports.inCustody("PB", "Lahore", sex, "SEXUAL_ABUSE", custody, custody));
    return cases.task(caseNumber, "Task_ArrangeProduction").getId();
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: a girl's court-production task is in the female officer's list, not the male officer's")
  void girlIsNeverAssignedToAMaleOfficer() throws Exception {
    String task = productionTaskOf("F");

    assertThat(groupTaskListOf("cpo.lahore.f")).contains(task);
    assertThat(groupTaskListOf("cpo.lahore.m")).doesNotContain(task);
    assertThat(taskService.createTaskQuery().taskId(task).taskCandidateUser("cpo.lahore.m")
        .count()).isZero();
    assertThat(taskService.createTaskQuery().taskId(task).taskCandidateUser("cpo.lahore.f")
        .count()).isOne();
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: a boy's task is offered to every officer of the district")
  void boysTaskIsOfferedToEveryOfficerOfTheDistrict() throws Exception {
    String task = productionTaskOf("M");

    assertThat(groupTaskListOf("cpo.lahore.f")).contains(task);
    assertThat(groupTaskListOf("cpo.lahore.m")).contains(task);
    assertThat(groupTaskListOf("manager.punjab")).doesNotContain(task);
  }

  @Test
  @DisplayName("R-GIRL-FEMALE-CARE: the district's supervisor finds every task of the district to hand on; a male officer still not a girl's")
  void supervisorSeesEveryTaskOfTheDistrictToHandOn() throws Exception {
    String girls = productionTaskOf("F");
    String boys = productionTaskOf("M");

    assertThat(taskListOf("supervisor.lahore", TasklistFilters.DISTRICT_TASKS))
        .contains(girls, boys);
    assertThat(taskListOf("cpo.lahore.m", TasklistFilters.DISTRICT_TASKS))
        .contains(boys).doesNotContain(girls);
    assertThat(taskListOf("manager.punjab", TasklistFilters.DISTRICT_TASKS))
        .doesNotContain(girls, boys);
  }
}
