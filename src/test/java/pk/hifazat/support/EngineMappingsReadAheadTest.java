package pk.hifazat.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;
import pk.hifazat.HifazatTest;

/**
 * The engine's SQL mappings, read while Spring starts, are those the engine would read for its
 * database, and run on the engine's own transactions; read for another database, or not read at
 * all, the engine reads its own.
 */
@HifazatTest
class EngineMappingsReadAheadTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  EngineMappingsReading reading;

  @Test
  void theServiceEngineRunsOnTheMappingsReadAhead() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(reading.taken()).isTrue();
    assertReadFor(configuration.getSqlSessionFactory(), configuration);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isPositive();
  }

  @Test
  void theDatabaseIsTheEnginesTypeSettingElseTheUrls() {
    assertThat(EngineMappingsReadAhead.databaseType(new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:h2:file:/srv/hifazat/data/hifazat")))
        .isEqualTo("h2");
    assertThat(EngineMappingsReadAhead.databaseType(new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/hifazat")))
        .isEqualTo("postgres");
    assertThat(EngineMappingsReadAhead.databaseType(new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:h2:mem:x")
        .withProperty("camunda.bpm.database.type", "postgres")))
        .isEqualTo("postgres");
    assertThat(EngineMappingsReadAhead.databaseType(new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:mysql://127.0.0.1/hifazat"))).isNull();
    assertThat(EngineMappingsReadAhead.databaseType(new MockEnvironment())).isNull();
  }

  @Test
  void mappingsReadForAnotherDatabaseOrPrefixAreNotTaken() {
    EngineMappingsReading postgres = read("postgres", "");

    assertThat(postgres.takeFor("h2", "")).isEmpty();
    assertThat(postgres.takeFor("postgres", "hifazat_")).isEmpty();
    assertThat(postgres.takeFor("postgres", null)).isPresent();
  }

  @Test
  void mappingsServeOneEngineOnly() {
    EngineMappingsReading h2 = read("h2", "");

    assertThat(h2.takeFor("h2", "")).isPresent();
    assertThat(h2.takeFor("h2", "")).isEmpty();
  }

  @Test
  void mappingsThatCouldNotBeReadLeaveTheEngineToReadItsOwn() {
    // A type the engine has no statements for: its own reading fails.
    assertThat(read("nosuchdatabase", "").takeFor("nosuchdatabase", "")).isEmpty();
  }

  @Test
  void anEngineFoundOnTheDatabaseItWasReadForRunsAndRollsBackWithItsCaller() {
    EngineMappingsReading h2 = read("h2", "");
    SpringProcessEngineConfiguration configuration = engineGiven(h2, "handed-over");

    ProcessEngine built = configuration.buildProcessEngine();
    try {
      // The database type was not set: found from the database, as the engine finds it.
      assertThat(h2.taken()).isTrue();
      assertReadFor(configuration.getSqlSessionFactory(), configuration);
      TransactionTemplate transaction =
          new TransactionTemplate(configuration.getTransactionManager());
      transaction.executeWithoutResult(status -> {
        deploy(built, "kept");
      });
      transaction.executeWithoutResult(status -> {
        deploy(built, "rolledBack");
        status.setRollbackOnly();
      });
      assertThat(built.getRepositoryService().createProcessDefinitionQuery().list())
          .extracting(definition -> definition.getKey())
          .containsExactly("kept");
    } finally {
      built.close();
    }
  }

  @Test
  void anEngineOnAnotherDatabaseReadsItsOwnMappings() {
    EngineMappingsReading postgres = read("postgres", "");
    SpringProcessEngineConfiguration configuration = engineGiven(postgres, "other-type");

    ProcessEngine built = configuration.buildProcessEngine();
    try {
      assertThat(postgres.taken()).isFalse();
      assertThat(configuration.getDatabaseType()).isEqualTo("h2");
      assertReadFor(configuration.getSqlSessionFactory(), configuration);
      deploy(built, "ownMappings");
      assertThat(built.getRepositoryService().createProcessDefinitionQuery().count())
          .isEqualTo(1);
    } finally {
      built.close();
    }
  }

  @Test
  void anotherKindOfEngineConfigurationIsLeftToItself() {
    StandaloneInMemProcessEngineConfiguration standalone =
        new StandaloneInMemProcessEngineConfiguration();
    standalone.setDataSource(database("standalone"));
    standalone.setDatabaseType("h2");
    EngineMappingsReading h2 = read("h2", "");

    handOver(h2).preInit(standalone);

    assertThat(standalone.getSqlSessionFactory()).isNull();
    assertThat(h2.taken()).isFalse();
  }

  @Test
  void aSharedFactoryIsLeftToTheEngine() {
    SpringProcessEngineConfiguration shared = springEngine(database("shared"), "shared");
    shared.setUseSharedSqlSessionFactory(true);
    EngineMappingsReading h2 = read("h2", "");

    handOver(h2).preInit(shared);

    assertThat(shared.getSqlSessionFactory()).isNull();
    assertThat(h2.taken()).isFalse();
  }

  @Test
  void nothingReadAheadLeavesTheEngineToItself() {
    SpringProcessEngineConfiguration configuration = springEngine(database("none"), "none");

    new EngineMappingsHandOver(new StaticListableBeanFactory()
        .getBeanProvider(EngineMappingsReading.class)).preInit(configuration);

    assertThat(configuration.getSqlSessionFactory()).isNull();
  }

  @Test
  void mappingsAreUnusableBeforeTheHandOver() {
    SqlSessionFactory unhanded = read("h2", "").takeFor("h2", "").orElseThrow();

    assertThatThrownBy(() -> unhanded.openSession().getConnection())
        .hasMessageContaining("targetDataSource");
  }

  private static void assertReadFor(SqlSessionFactory mappings,
      ProcessEngineConfigurationImpl configuration) {
    org.apache.ibatis.session.Configuration settings = mappings.getConfiguration();
    assertThat(settings.getVariables())
        .isEqualTo(expectedVariables(configuration.getDatabaseType(),
            configuration.getDatabaseTablePrefix()));
    assertThat(settings.getMappedStatementNames()).hasSizeGreaterThan(1000);
    assertThat(settings.getDefaultStatementTimeout())
        .isEqualTo(configuration.getJdbcStatementTimeout());
    assertThat(settings.getDefaultExecutorType()).isEqualTo(
        configuration.isJdbcBatchProcessing() ? ExecutorType.BATCH : ExecutorType.SIMPLE);
    try (Connection connection = settings.getEnvironment().getDataSource().getConnection()) {
      assertThat(connection.getMetaData().getURL())
          .isEqualTo(url(configuration.getDataSource()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** What the engine puts into its mappings for a database, as it does in its own reading. */
  private static Properties expectedVariables(String type, String prefix) {
    Properties variables = new Properties();
    variables.put("prefix", prefix);
    ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(variables, prefix, type);
    return variables;
  }

  private static String url(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getURL();
    }
  }

  private static EngineMappingsReading read(String type, String prefix) {
    return EngineMappingsReading.start(type, prefix,
        EngineMappingsReadAheadTest.class.getClassLoader());
  }

  private static EngineMappingsHandOver handOver(EngineMappingsReading reading) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean(EngineMappingsReadAhead.BEAN, reading);
    ObjectProvider<EngineMappingsReading> provider =
        beans.getBeanProvider(EngineMappingsReading.class);
    return new EngineMappingsHandOver(provider);
  }

  private static DataSource database(String name) {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:mappings-" + name + ";DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    return database;
  }

  /** An engine as the starter configures it, on a database of its own, with the hand-over. */
  private static SpringProcessEngineConfiguration engineGiven(EngineMappingsReading reading,
      String name) {
    SpringProcessEngineConfiguration configuration = springEngine(database(name), name);
    configuration.getProcessEnginePlugins().add(handOver(reading));
    return configuration;
  }

  private static SpringProcessEngineConfiguration springEngine(DataSource database, String name) {
    SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
    configuration.setProcessEngineName("mappings-" + name);
    configuration.setDataSource(database);
    configuration.setTransactionManager(new DataSourceTransactionManager(database));
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("none");
    configuration.setEnforceHistoryTimeToLive(false);
    GenericApplicationContext beans = new GenericApplicationContext();
    beans.refresh();
    configuration.setApplicationContext(beans);
    return configuration;
  }

  private static void deploy(ProcessEngine engine, String key) {
    engine.getRepositoryService().createDeployment()
        .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
            .camundaHistoryTimeToLive(1).startEvent().endEvent().done())
        .deploy();
  }
}
