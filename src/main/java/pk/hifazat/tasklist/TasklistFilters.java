package pk.hifazat.tasklist;

import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The task lists caseworkers open in Tasklist: their own tasks, the tasks offered to their groups
 * (so a male officer never sees a girl's task, R-GIRL-FEMALE-CARE), and every task of the
 * district they may see (a supervisor's whole district, to hand a task on), soonest due first.
 * Tasklist opens on the team's tasks; every card shows its case (case number, child, district).
 */
@Component
@Order(0)
public class TasklistFilters extends AbstractProcessEnginePlugin {

  public static final String MY_TASKS = "My tasks";
  public static final String MY_GROUP_TASKS = "My group tasks";
  public static final String DISTRICT_TASKS = "District tasks";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filterService = engine.getFilterService();
    TaskService taskService = engine.getTaskService();
    create(filterService, MY_GROUP_TASKS, -20, "Tasks offered to your team, soonest due first",
        taskService.createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()
            .orderByDueDate().asc());
    // No condition of its own: the engine's task grants decide what each user sees in it.
    create(filterService, DISTRICT_TASKS, -5, "Every task of your district's cases that you may"
            + " see; supervisors see them all and hand them on",
        taskService.createTaskQuery().orderByDueDate().asc());
    create(filterService, MY_TASKS, -10, "Tasks you have claimed",
        taskService.createTaskQuery()
            .taskAssigneeExpression("${currentUser()}")
            .orderByDueDate().asc());
  }

  private static void create(FilterService filterService, String name, int priority, String description, TaskQuery query) {
    Map<String, Object> properties = Map.of(
        "description", description,
        "priority", priority,
        "refresh", true,
        "variables", TaskCard.FILTER_VARIABLES);
    Filter existing = filterService.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      // An installation from before the cards gets them, and its team tasks first.
      if (!properties.equals(existing.getProperties())) {
        filterService.saveFilter(existing.setProperties(properties));
      }
      return;
    }
    filterService.saveFilter(filterService.newTaskFilter(name).setQuery(query)
        .setProperties(properties));
  }
}
