package pk.hifazat.tasklist;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;
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
  private final ManagementService managementService;
  private final CaseFiles files;
  private final EngineAsSystem system;
  private final Supplier<String> cardsShowingAnotherStage =
      SingletonSupplier.of(this::cardsShowingAnotherStageSql);

  TaskStages(TaskService taskService, ManagementService managementService, CaseFiles files,
      EngineAsSystem system) {
    this.taskService = taskService;
    this.managementService = managementService;
    this.files = files;
    this.system = system;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(CaseStageEntered entered) {
    if (!firstInTransaction(entered.caseNumber())) {
      return; // the first of them has shown the stage the case ends the transaction in
    }
    String words = files.find(entered.caseNumber()).map(CaseFile::stage).map(TaskCard::stage)
        .orElse(null);
    if (words == null) {
      return;
    }
    // The case's move was decided by the engine; every open task of the case shows it, whoever
    // moved the case and whichever tasks they may see.
    system.query(() -> {
      for (Task task : cardsShowingAnotherStage(entered.caseNumber(), words)) {
        taskService.setVariableLocal(task.getId(), TaskCard.STAGE, words);
      }
      return null;
    });
  }

  /**
   * The case's open tasks whose card does not show these words yet, in one read: the tasks of
   * every process of the case (each carries the case number as its business key) without a
   * card's stage of these words. A stage is a short string, which the engine keeps in TEXT_.
   */
  private List<Task> cardsShowingAnotherStage(String caseNumber, String words) {
    return taskService.createNativeTaskQuery().sql(cardsShowingAnotherStage.get())
        .parameter("caseNumber", caseNumber)
        .parameter("card", TaskCard.STAGE)
        .parameter("words", words)
        .list();
  }

  /** The read above, with the engine's table names (its prefix), made once. */
  private String cardsShowingAnotherStageSql() {
    return "select RES.* from " + table(TaskEntity.class) + " RES"
        + " inner join " + table(ExecutionEntity.class) + " PI on PI.ID_ = RES.PROC_INST_ID_"
        + " where PI.BUSINESS_KEY_ = #{caseNumber}"
        + " and not exists (select 1 from " + table(VariableInstanceEntity.class) + " CARD"
        + " where CARD.TASK_ID_ = RES.ID_ and CARD.NAME_ = #{card} and CARD.TEXT_ = #{words})";
  }

  private String table(Class<?> entity) {
    return managementService.getTableName(entity);
  }

  /**
   * Whether this is the transaction's first move of the case: a step may move a case twice
   * (into referral, then on to compensation), and every move's listener runs before the commit,
   * when the case file already holds the last stage.
   */
  private static boolean firstInTransaction(String caseNumber) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return true; // outside a transaction each move is shown as it happens
    }
    // Kept with the transaction's synchronizations, which end with it.
    CasesShown shown = TransactionSynchronizationManager.getSynchronizations().stream()
        .filter(CasesShown.class::isInstance).map(CasesShown.class::cast).findFirst()
        .orElseGet(() -> {
          CasesShown first = new CasesShown();
          TransactionSynchronizationManager.registerSynchronization(first);
          return first;
        });
    return shown.caseNumbers.add(caseNumber);
  }

  /** The cases whose cards this transaction has brought up to date. */
  private static final class CasesShown implements TransactionSynchronization {
    private final Set<String> caseNumbers = new HashSet<>();
  }
}
