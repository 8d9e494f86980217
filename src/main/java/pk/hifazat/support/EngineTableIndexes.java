package pk.hifazat.support;

import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's own tables for queries the engine runs on a hot path and its schema
 * has none for. They are migrations of their own ({@code db/engine}, recorded in
 * {@code hifazat_engine_schema_history}), run once the engine has made or checked its tables,
 * which our own migrations run before: on a new database, and on one that was running before
 * them. Nodes that start together take Flyway's lock in turn.
 */
@Component
class EngineTableIndexes extends AbstractProcessEnginePlugin {

  static final String HISTORY_TABLE = "hifazat_engine_schema_history";

  private final DataSource dataSource;

  EngineTableIndexes(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDatabaseTablePrefix();
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/engine")
        .table(HISTORY_TABLE)
        // The schema holds our tables and the engine's already: start before the first index.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .placeholders(Map.of("engine", prefix == null ? "" : prefix))
        .load()
        .migrate();
  }
}
