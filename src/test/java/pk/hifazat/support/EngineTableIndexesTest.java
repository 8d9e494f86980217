package pk.hifazat.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.HifazatTest;

/**
 * The engine's queries on a hot path read by index, whatever the number of open cases: completing
 * a task looks for its subtasks, which the engine's own schema has no index for.
 */
@HifazatTest
class EngineTableIndexesTest {

  /** The statement the engine runs on every completion (TaskManager.findTasksByParentTaskId). */
  private static final String SUBTASKS = "select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?";

  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;
  @Autowired EngineTableIndexes indexes;

  private String plan() {
    return jdbc.sql("explain " + SUBTASKS).param("a-task").query(String.class).single();
  }

  @Test
  @DisplayName("Completing a task finds its subtasks by index, not by reading every open task")
  void subtasksAreFoundByIndex() {
    assertThat(plan()).contains("HF_IDX_TASK_PARENT").doesNotContain("tableScan");
    assertThat(jdbc.sql("select \"version\" from \"" + EngineTableIndexes.HISTORY_TABLE
            + "\" where \"success\" order by \"installed_rank\"").query(String.class).list())
        .endsWith("1");
  }

  @Test
  @DisplayName("A database that ran before the indexes were made gets them at its next start, once")
  void aDatabaseFromBeforeGetsTheIndexesAtItsNextStart() {
    jdbc.sql("drop index HF_IDX_TASK_PARENT").update();
    jdbc.sql("drop table \"" + EngineTableIndexes.HISTORY_TABLE + "\"").update();
    assertThat(plan()).doesNotContain("HF_IDX_TASK_PARENT");

    indexes.postProcessEngineBuild(engine);
    indexes.postProcessEngineBuild(engine);

    assertThat(plan()).contains("HF_IDX_TASK_PARENT");
  }
}
