package pk.hifazat.tasklist;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * "Soonest due first" lists the tasks without a due date last, under the overdue ones: PostgreSQL
 * sorts missing values after all others; H2 is told to do the same (for the running database,
 * every connection; the setting is not kept, so it is made at each start).
 */
@Component
class TasksWithoutDueDateLast extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"h2".equals(configuration.getDatabaseType())) {
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SET DEFAULT_NULL_ORDERING HIGH");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot make H2 sort missing due dates last", e);
    }
  }
}
