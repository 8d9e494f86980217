package pk.hifazat.tasklist;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pk.hifazat.area.CaseMoved;

/** R-TRANSFER: the open tasks of a transferred case show the district that works it now. */
@Component
class TaskCardsMove {

  private final TaskService taskService;

  TaskCardsMove(TaskService taskService) {
    this.taskService = taskService;
  }

  @EventListener
  void on(CaseMoved moved) {
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (Task task : taskService.createTaskQuery()
          .processInstanceBusinessKey(moved.caseNumber()).list()) {
        if (task instanceof TaskEntity entity && entity.isDeleted()) {
          continue; // the transfer's own decision, completed in this command
        }
        taskService.setVariableLocal(task.getId(), TaskCard.DISTRICT, moved.toDistrict());
      }
      return null;
    });
  }
}
