package pk.hifazat.support;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Every task is a step of a case's pathway. The engine runs no CMMN cases (the pathways are BPMN
 * and DMN, and a CMMN file is refused at every door) and makes no standalone task, which would
 * belong to no case: no card, no clock, no grant but an administrator's, nothing a caseworker or
 * a manager could find or count. Told so, the engine writes a task query's joins, the grants'
 * among them, as inner joins, and a database may start from the case's index. H2 keeps outer
 * joins in the order written: with them, each list of a case's tasks read every open task of the
 * service.
 */
@Component
class PathwayTasksOnly extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCmmnEnabled(false);
    configuration.setStandaloneTasksEnabled(false);
    configuration.setSchemaOperationsCommand(
        new CaseTablesKept(configuration.getSchemaOperationsCommand()));
  }

  /**
   * The engine's schema with its CMMN tables, made wherever the engine makes its others: its
   * queries still name them (a task list filtered by case definition, the list of case
   * instances), and answer nothing rather than fail. A database made before keeps them anyway.
   */
  static final class CaseTablesKept implements SchemaOperationsCommand {

    private final SchemaOperationsCommand engines;

    CaseTablesKept(SchemaOperationsCommand engines) {
      this.engines = engines;
    }

    @Override
    public Void execute(CommandContext context) {
      engines.execute(context);
      ProcessEngineConfigurationImpl configuration = context.getProcessEngineConfiguration();
      if (ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE
          .equals(configuration.getDatabaseSchemaUpdate())) {
        return null;
      }
      DbSqlSession session = context.getDbSqlSession();
      if (!session.isCmmnTablePresent()) {
        create(session, "case.engine");
      }
      if (configuration.isDbHistoryUsed() && !session.isCmmnHistoryTablePresent()) {
        create(session, "case.history");
      }
      return null;
    }

    private static void create(DbSqlSession session, String component) {
      session.executeSchemaResource("create", component,
          session.getResourceForDbOperation("create", "create", component), false);
    }
  }
}
