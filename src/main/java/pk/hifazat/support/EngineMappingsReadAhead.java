package pk.hifazat.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts reading the engine's SQL mappings as soon as Spring has the service's settings. The
 * engine reads them when it is built (1,760 statements of MyBatis XML: about 3 s of a cold start
 * on two cores, on the thread that starts everything else). They depend only on the database type
 * and the table prefix, both settings, so they are read on a thread of their own while Spring
 * makes the context; {@link EngineMappingsHandOver} gives them to the engine if they were read for
 * the database the engine finds, and the engine reads them itself otherwise.
 */
public final class EngineMappingsReadAhead
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String BEAN = "engineMappingsReadAhead";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Environment environment = context.getEnvironment();
    String type = databaseType(environment);
    if (type == null) {
      return;
    }
    String prefix = environment.getProperty("camunda.bpm.database.table-prefix", "");
    context.getBeanFactory().registerSingleton(BEAN,
        EngineMappingsReading.start(type, prefix, context.getClassLoader()));
  }

  /**
   * The engine's name for the database the settings point at: the engine's type setting, else
   * the JDBC URL's. Null for any other database: the engine then reads its mappings itself.
   */
  static String databaseType(Environment environment) {
    String configured = environment.getProperty("camunda.bpm.database.type");
    if (configured != null && !configured.isBlank()) {
      return configured.trim();
    }
    String url = environment.getProperty("spring.datasource.url", "");
    if (url.startsWith("jdbc:h2:")) {
      return "h2";
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return "postgres";
    }
    return null;
  }
}
