package pk.hifazat.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import pk.hifazat.casefile.CaseFile;
import pk.hifazat.casefile.CaseFiles;
import pk.hifazat.casefile.CaseStageEntered;
import pk.hifazat.support.EngineAsSystem;

/**
 * Keeps the stage on the cards of a case's open tasks current: when the case enters a stage,
 * every open task of the case gets the case's stage on its card, in the same transaction. It
 * runs just before the commit, once the engine has written the tasks the move opened: one step
 * may open a task and move the case on again (referral and compensation side by side).
 */
@Component
class TaskStages {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final CaseFiles files;
  private final EngineAsSystem system;

  TaskStages(TaskService taskService, RuntimeService runtimeService, CaseFiles files,
      EngineAsSystem system) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.files = files;
    this.system = system;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(CaseStageEntered entered) {
    String words = files.find(entered.caseNumber()).map(CaseFile::stage).map(TaskCard::stage)
        .orElse(null);
    if (words == null) {
      return;
    }
    // The case's move was decided by the engine; every open task of the case shows it, whoever
    // moved the case and whichever tasks they may see.
    system.query(() -> {
      List<Task> open = taskService.createTaskQuery()
          .processInstanceBusinessKey(entered.caseNumber()).list();
      if (open.isEmpty()) {
        return null;
      }
      // The cards' stages of all the case's open tasks in one read, not one command per task.
      Map<String, Object> shown = new HashMap<>();
      for (VariableInstance stage : runtimeService.createVariableInstanceQuery()
          .taskIdIn(open.stream().map(Task::getId).toArray(String[]::new))
          .variableName(TaskCard.STAGE).disableBinaryFetching().list()) {
        shown.put(stage.getTaskId(), stage.getValue());
      }
      for (Task task : open) {
        if (!words.equals(shown.get(task.getId()))) {
          taskService.setVariableLocal(task.getId(), TaskCard.STAGE, words);
        }
      }
      return null;
    });
  }
}
