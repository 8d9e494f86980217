package pk.hifazat.support;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The engine's SQL mappings being read for one database type and table prefix, on a thread of
 * their own, by the engine's own code. Taken once, by the engine built for that database.
 */
final class EngineMappingsReading {

  private static final Logger log = LoggerFactory.getLogger(EngineMappingsReading.class);

  /** Longer than any read on a loaded machine; after it the engine reads them itself. */
  private static final long WAIT_SECONDS = 120;

  private final String type;
  private final String prefix;
  private final CompletableFuture<SqlSessionFactory> mappings = new CompletableFuture<>();
  private final AtomicBoolean taken = new AtomicBoolean();

  private EngineMappingsReading(String type, String prefix) {
    this.type = type;
    this.prefix = prefix;
  }

  static EngineMappingsReading start(String type, String prefix, ClassLoader classLoader) {
    EngineMappingsReading reading = new EngineMappingsReading(type, prefix);
    Thread reader = new Thread(reading::read, "engine-mappings");
    reader.setDaemon(true);
    // The mappings name the engine's classes; the service's class loader finds them.
    reader.setContextClassLoader(classLoader);
    reader.start();
    return reading;
  }

  String type() {
    return type;
  }

  boolean taken() {
    return taken.get();
  }

  private void read() {
    long began = System.nanoTime();
    try {
      mappings.complete(new EnginesOwnReader(type, prefix).read());
      log.debug("Engine mappings for {} read ahead in {} ms", type,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    } catch (RuntimeException | LinkageError e) {
      mappings.completeExceptionally(e);
    }
  }

  /**
   * The mappings, if they were read for this database type and table prefix and not taken yet;
   * empty otherwise, and the engine reads its own.
   */
  Optional<SqlSessionFactory> takeFor(String databaseType, String tablePrefix) {
    if (!type.equals(databaseType) || !prefix.equals(Objects.toString(tablePrefix, ""))) {
      log.debug("Engine mappings were read ahead for {} '{}', the engine has {} '{}': read again",
          type, prefix, databaseType, tablePrefix);
      return Optional.empty();
    }
    if (!taken.compareAndSet(false, true)) {
      return Optional.empty();
    }
    try {
      return Optional.of(mappings.get(WAIT_SECONDS, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Engine mappings could not be read ahead; the engine reads them itself", e);
      return Optional.empty();
    }
  }

  /**
   * The engine's own reading of its mappings ({@code initSqlSessionFactory}), so that they are
   * what the engine would have read. Its transactions and connections are not the engine's: the
   * hand-over gives the mappings the engine's own.
   */
  private static final class EnginesOwnReader extends StandaloneProcessEngineConfiguration {

    EnginesOwnReader(String type, String prefix) {
      setDatabaseType(type);
      setDatabaseTablePrefix(prefix);
      transactionFactory = new JdbcTransactionFactory();
      // Without a target: any use before the hand-over fails at once.
      dataSource = new DelegatingDataSource();
    }

    SqlSessionFactory read() {
      initSqlSessionFactory();
      return getSqlSessionFactory();
    }
  }
}
