package pk.hifazat.support;

import java.sql.Connection;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.transaction.TransactionFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Gives the engine the SQL mappings read ahead ({@link EngineMappingsReadAhead}) before it reads
 * its own: only to the engine the Spring Boot starter configures, only if they were read for the
 * database type the engine finds and its table prefix, with the engine's own transactions,
 * connections, statement timeout and batching. Last of the plugins, after the starter has given
 * the engine its data source and database settings.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class EngineMappingsHandOver extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineMappingsHandOver.class);

  private final ObjectProvider<EngineMappingsReading> reading;

  EngineMappingsHandOver(ObjectProvider<EngineMappingsReading> reading) {
    this.reading = reading;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineMappingsReading ahead = reading.getIfAvailable();
    // Another configuration class may read other mappings; a shared factory is the engine's.
    if (ahead == null || configuration.getClass() != SpringProcessEngineConfiguration.class
        || configuration.isUseSharedSqlSessionFactory()
        || configuration.getSqlSessionFactory() != null
        || configuration.getDataSource() == null) {
      return;
    }
    if (configuration.getDatabaseType() == null) {
      // What the engine does a moment later (initDataSource): the type from the database itself.
      configuration.initDatabaseType();
    }
    ahead.takeFor(configuration.getDatabaseType(), configuration.getDatabaseTablePrefix())
        .ifPresent(mappings -> handOver(mappings, configuration));
  }

  private static void handOver(SqlSessionFactory mappings,
      ProcessEngineConfigurationImpl configuration) {
    org.apache.ibatis.session.Configuration settings = mappings.getConfiguration();
    // The engine makes its transaction factory and wraps its data source later in its start:
    // both are looked up from it when a session opens.
    settings.setEnvironment(new Environment("default", new EnginesTransactions(configuration),
        new EnginesConnections(configuration)));
    settings.setDefaultStatementTimeout(configuration.getJdbcStatementTimeout());
    settings.setDefaultExecutorType(
        configuration.isJdbcBatchProcessing() ? ExecutorType.BATCH : ExecutorType.SIMPLE);
    configuration.setSqlSessionFactory(mappings);
    log.debug("Engine mappings read ahead for {} handed to engine {}",
        configuration.getDatabaseType(), configuration.getProcessEngineName());
  }

  /** The engine's transaction factory, as it is when a session opens. */
  private record EnginesTransactions(ProcessEngineConfigurationImpl configuration)
      implements TransactionFactory {

    @Override
    public Transaction newTransaction(Connection connection) {
      return configuration.getTransactionFactory().newTransaction(connection);
    }

    @Override
    public Transaction newTransaction(DataSource dataSource, TransactionIsolationLevel level,
        boolean autoCommit) {
      return configuration.getTransactionFactory().newTransaction(dataSource, level, autoCommit);
    }
  }

  /** The engine's data source, as it is when a session opens. */
  private static final class EnginesConnections extends DelegatingDataSource {

    private final ProcessEngineConfigurationImpl configuration;

    EnginesConnections(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    protected DataSource obtainTargetDataSource() {
      return configuration.getDataSource();
    }
  }
}
