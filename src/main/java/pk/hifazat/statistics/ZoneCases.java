package pk.hifazat.statistics;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cases of a zone with the child's dimensions a batch of tables needs, read in one pass over
 * the case file, so that each fact finds its case in memory. A database without hash joins (H2)
 * looks the case file up once per fact instead, which at national scale costs more than all the
 * rest of the annex (R-DATA-DISAGGREGATED).
 */
final class ZoneCases {

  private final List<Dimension> dimensions;
  private final Map<String, String[]> byCaseNumber;
  private final Map<String, String[]> byInstance;

  private ZoneCases(List<Dimension> dimensions, Map<String, String[]> byCaseNumber,
      Map<String, String[]> byInstance) {
    this.dimensions = dimensions;
    this.byCaseNumber = byCaseNumber;
    this.byInstance = byInstance;
  }

  /** The cases of the scope's province and district (all, for the country). */
  static ZoneCases read(JdbcClient jdbc, Scope scope, List<Dimension> dimensions) {
    StringBuilder sql = new StringBuilder("select c.case_number, c.process_instance_id");
    for (Dimension dimension : dimensions) {
      sql.append(", ").append(dimension.column);
    }
    sql.append(" from case_file c where 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (scope.province() != null) {
      sql.append(" and c.province = ?");
      parameters.add(scope.province().toUpperCase(Locale.ROOT));
    }
    if (scope.district() != null) {
      sql.append(" and c.district = ?");
      parameters.add(scope.district());
    }
    Map<String, String[]> byCaseNumber = new HashMap<>();
    Map<String, String[]> byInstance = new HashMap<>();
    // The same few values repeat in every case: kept once each.
    Map<String, String> values = new HashMap<>();
    jdbc.sql(sql.toString()).params(parameters).query((ResultSet rs) -> {
      String[] row = new String[dimensions.size()];
      for (int j = 0; j < row.length; j++) {
        String value = rs.getString(j + 3);
        row[j] = value == null ? null : values.computeIfAbsent(value, v -> v);
      }
      byCaseNumber.put(rs.getString(1), row);
      String instance = rs.getString(2);
      if (instance != null) {
        byInstance.put(instance, row);
      }
    });
    return new ZoneCases(List.copyOf(dimensions), byCaseNumber, byInstance);
  }

  /** The child's values of a case of the zone, in the order of the dimensions; null: not ours. */
  String[] of(String key, boolean instance) {
    return key == null ? null : (instance ? byInstance : byCaseNumber).get(key);
  }

  int position(Dimension dimension) {
    return dimensions.indexOf(dimension);
  }
}
