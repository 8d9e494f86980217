package pk.hifazat.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Queries of one answer read side by side, each on a connection of its own, so that the answer
 * waits for the slowest of them rather than their sum; at most a set number at once in the whole
 * application, so that a burst of answers cannot take every connection of the pool.
 */
public final class SideBySide {

  private SideBySide() {}

  /** Runs at most {@code limit} tasks at once ({@code limit} 1 or less: on the caller). */
  public static Executor readers(String name, int limit) {
    if (limit <= 1) {
      return Runnable::run;
    }
    SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(name + "-");
    executor.setConcurrencyLimit(limit);
    executor.setDaemon(true);
    return executor;
  }

  /** The result of a read, its failure thrown as it was thrown. */
  public static <T> T join(CompletableFuture<T> read) {
    try {
      return read.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
