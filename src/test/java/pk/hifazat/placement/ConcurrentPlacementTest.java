package pk.hifazat.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.HifazatTest;

/**
 * Many officers placing children at the same moment, through the registry against the real
 * database: beds are never given twice, and no count leaves 0..capacity.
 */
@HifazatTest
class ConcurrentPlacementTest {

  private static final String DISTRICT = "Concurrency Test District";
  private static final String SMALL = "TEST-CONCURRENCY-A-FIVE-BEDS";
  private static final String NEXT = "TEST-CONCURRENCY-B-NEXT-OPTION";
  private static final int PLACEMENTS = 20;

  @Autowired PlacementRegistry registry;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void twoInstitutionsInATestDistrict() {
    removeTestInstitutions();
    institution(SMALL, 5);
    institution(NEXT, 40);
  }

  @AfterEach
  void removeTestInstitutions() {
    jdbc.sql("delete from institution where district = ?").params(DISTRICT).update();
  }

  private void institution(String id, int capacity) {
    jdbc.sql("insert into institution (id, name, province, district, capacity, occupied,"
            + " accepts_girls, accepts_boys, min_age, max_age, female_staffed,"
            + " specialised_sexual_exploitation)"
            + " values (?, ?, 'PB', ?, ?, 0, true, true, 0, 17, true, false)")
        .params(id, "Test institution " + id, DISTRICT, capacity)
        .update();
  }

  private int occupied(String id) {
    return registry.find(id).orElseThrow().occupied();
  }

  /** Runs the call on as many threads, all let go at the same instant. */
  private <T> List<T> atOnce(int threads, Supplier<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<T> task = () -> {
          ready.countDown();
          start.await();
          return call.get();
        };
        futures.add(pool.submit(task));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("R-SPECIALISED-SHELTER: 20 concurrent placements into an institution with 5 free beds: exactly 5 succeed, the others go to the next option, and no bed count goes negative")
  void twentyConcurrentPlacementsIntoFiveFreeBeds() throws Exception {
    PlacementNeed need = new PlacementNeed("PB", DISTRICT, "M", 12, false);

    List<Optional<Institution>> placed = atOnce(PLACEMENTS, () -> registry.reserveBed(need));

    assertThat(placed).allSatisfy(result -> assertThat(result).isPresent());
    assertThat(placed.stream().filter(result -> result.get().id().equals(SMALL))).hasSize(5);
    assertThat(placed.stream().filter(result -> result.get().id().equals(NEXT))).hasSize(15);
    assertThat(occupied(SMALL)).isEqualTo(5);
    assertThat(occupied(NEXT)).isEqualTo(15);

    List<Boolean> released = atOnce(PLACEMENTS, () -> registry.releaseBed(SMALL));

    assertThat(released.stream().filter(Boolean::booleanValue)).hasSize(5);
    assertThat(occupied(SMALL)).isZero();
    assertThat(jdbc.sql("select count(*) from institution where occupied < 0"
        + " or occupied > capacity").query(Long.class).single()).isZero();
  }

  @Test
  @DisplayName("R-SPECIALISED-SHELTER: placements and releases at the same time keep every count within 0 and capacity")
  void placementsAndReleasesAtTheSameTimeStayWithinCapacity() throws Exception {
    jdbc.sql("update institution set occupied = 3 where id = ?").params(SMALL).update();
    PlacementNeed need = new PlacementNeed("PB", DISTRICT, "F", 9, false);

    List<String> outcomes = atOnce(PLACEMENTS, new Supplier<>() {
      private final java.util.concurrent.atomic.AtomicInteger calls =
          new java.util.concurrent.atomic.AtomicInteger();

      @Override
      public String get() {
        return calls.getAndIncrement() % 2 == 0
            ? registry.reserveBed(need).map(Institution::id).orElse("none")
            : registry.releaseBed(SMALL) ? "released" : "nothing to release";
      }
    });

    int reservedSmall = (int) outcomes.stream().filter(SMALL::equals).count();
    int reservedNext = (int) outcomes.stream().filter(NEXT::equals).count();
    int released = (int) outcomes.stream().filter("released"::equals).count();
    assertThat(reservedSmall + reservedNext).isEqualTo(PLACEMENTS / 2);
    assertThat(occupied(SMALL)).isEqualTo(3 + reservedSmall - released).isBetween(0, 5);
    assertThat(occupied(NEXT)).isEqualTo(reservedNext);
  }
}
