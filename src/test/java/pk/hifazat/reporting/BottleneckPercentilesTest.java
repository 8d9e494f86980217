package pk.hifazat.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The waiting and handling percentiles a bottleneck shows are those the database's own
 * {@code percentile_cont} gives for the same seconds, whatever their number and spread.
 */
class BottleneckPercentilesTest {

  @Test
  void percentilesAreTheDatabasesOwn() throws Exception {
    Random random = new Random(18);
    try (Connection db = DriverManager.getConnection("jdbc:h2:mem:percentiles", "sa", "");
        Statement statement = db.createStatement()) {
      statement.execute("create table seconds (sample int, seconds bigint)");
      int[] sizes = {1, 2, 3, 4, 5, 10, 11, 99, 100, 1001};
      try (PreparedStatement insert = db.prepareStatement("insert into seconds values (?, ?)")) {
        for (int sample = 0; sample < sizes.length; sample++) {
          for (int i = 0; i < sizes[sample]; i++) {
            insert.setInt(1, sample);
            // Ties and far-apart values alike: minutes to months.
            insert.setLong(2, random.nextInt(4) == 0 ? 3600 : random.nextInt(10_000_000));
            insert.addBatch();
          }
        }
        insert.executeBatch();
      }
      for (int sample = 0; sample < sizes.length; sample++) {
        BottleneckQueries.Values values = new BottleneckQueries.Values();
        try (ResultSet rs = statement.executeQuery(
            "select seconds from seconds where sample = " + sample + " order by rand()")) {
          while (rs.next()) {
            values.add(rs.getLong(1));
          }
        }
        try (ResultSet rs = statement.executeQuery("select"
            + " percentile_cont(0.5) within group (order by seconds),"
            + " percentile_cont(0.9) within group (order by seconds)"
            + " from seconds where sample = " + sample)) {
          rs.next();
          assertThat(values.percentile(0.5)).as("median of %d", sizes[sample])
              .isCloseTo(rs.getDouble(1), within(1e-6));
          assertThat(values.percentile(0.9)).as("90th percentile of %d", sizes[sample])
              .isCloseTo(rs.getDouble(2), within(1e-6));
        }
      }
    }
    assertThat(new BottleneckQueries.Values().percentile(0.5)).isNull();
  }
}
