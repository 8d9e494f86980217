package pk.hifazat.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Nodes sharing one PostgreSQL database start one at a time: the first to reach the database
 * creates the schemas, the groups, grants and task lists and deploys the pathways while the others
 * wait, then they find it all done. Held from the moment the data source exists (before the
 * migrations and the engine) until the node is ready, on a connection of its own; a node that
 * dies while starting releases it with its connection. H2 is one process's database: no lock.
 */
@Component
class StartupLock implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>,
    DisposableBean {

  /** The advisory lock's number: "HIFA". */
  private static final long KEY = 0x48494641L;
  /** How long a node waits for another's start before it gives up with a clear error. */
  private static final String WAIT = "180s";
  private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

  private Connection held;
  private boolean done;

  @Override
  public synchronized Object postProcessAfterInitialization(Object bean, String name) {
    if (bean instanceof DataSource dataSource && held == null && !done) {
      acquire(dataSource);
    }
    return bean;
  }

  private void acquire(DataSource dataSource) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        done = true;
        return;
      }
      long began = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        statement.execute("set lock_timeout = '" + WAIT + "'");
        statement.execute("select pg_advisory_lock(" + KEY + ")");
        statement.execute("reset lock_timeout");
      } catch (SQLException e) {
        connection.close();
        throw new IllegalStateException("Another node has been starting on this database for "
            + WAIT + "; start this one when it is up", e);
      }
      held = connection;
      long waited = (System.nanoTime() - began) / 1_000_000;
      if (waited > 1000) {
        log.info("Waited {} ms for another node to finish starting", waited);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to start: " + e.getMessage(), e);
    }
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent ready) {
    release();
  }

  @Override
  public void destroy() {
    release();
  }

  private synchronized void release() {
    done = true;
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      // Closing the connection releases the lock all the same.
      log.warn("Could not release the start-up lock: {}", e.getMessage());
    } finally {
      held = null;
    }
  }
}
