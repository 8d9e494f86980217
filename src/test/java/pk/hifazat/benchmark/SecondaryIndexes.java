package pk.hifazat.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The usual bulk load: the secondary (non-unique) indexes of the loaded tables are dropped before
 * the load and created again, exactly as they were defined, after it. Primary keys and unique
 * constraints stay. The database ends with the schema the application and the engine created.
 */
final class SecondaryIndexes {

  record Index(String table, String name, String dropSql, String createSql) {}

  private final List<Index> dropped = new ArrayList<>();

  /** Drops the secondary indexes of the tables (names in any case) and remembers them. */
  void drop(Connection connection, boolean postgres, List<String> tables) throws SQLException {
    List<String> upper = tables.stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
    List<Index> found = postgres ? postgres(connection, upper) : h2(connection, upper);
    try (Statement statement = connection.createStatement()) {
      for (Index index : found) {
        statement.execute(index.dropSql());
        dropped.add(index);
      }
    }
  }

  /** Creates the dropped indexes again. */
  void recreate(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (Index index : dropped) {
        statement.execute(index.createSql());
      }
    }
    dropped.clear();
  }

  int count() {
    return dropped.size();
  }

  private static List<Index> postgres(Connection connection, List<String> tables)
      throws SQLException {
    List<Index> result = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("""
        select t.relname, c.relname, pg_get_indexdef(i.indexrelid)
        from pg_index i
          join pg_class c on c.oid = i.indexrelid
          join pg_class t on t.oid = i.indrelid
          join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = current_schema() and upper(t.relname) = any (?)
          and not i.indisprimary and not i.indisunique
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)""")) {
      query.setArray(1, connection.createArrayOf("varchar", tables.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          result.add(new Index(rs.getString(1), rs.getString(2),
              "drop index \"" + rs.getString(2) + "\"", rs.getString(3)));
        }
      }
    }
    return result;
  }

  private static List<Index> h2(Connection connection, List<String> tables) throws SQLException {
    Map<String, Index> result = new LinkedHashMap<>();
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Map<String, String[]> owners = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("""
        select i.table_schema, i.table_name, i.index_name, c.column_name,
          c.ordering_specification
        from information_schema.indexes i
          join information_schema.index_columns c on c.index_schema = i.index_schema
            and c.index_name = i.index_name and c.table_name = i.table_name
        where i.table_schema = schema() and i.index_type_name = 'INDEX'
          and not i.is_generated
        order by i.table_name, i.index_name, c.ordinal_position""")) {
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          String table = rs.getString(2);
          if (!tables.contains(table.toUpperCase(Locale.ROOT))) {
            continue;
          }
          String name = rs.getString(3);
          owners.put(name, new String[] {rs.getString(1), table});
          columns.computeIfAbsent(name, n -> new ArrayList<>()).add("\"" + rs.getString(4)
              + "\"" + ("DESC".equalsIgnoreCase(rs.getString(5)) ? " desc" : ""));
        }
      }
    }
    columns.forEach((name, list) -> {
      String[] owner = owners.get(name);
      String table = "\"" + owner[0] + "\".\"" + owner[1] + "\"";
      result.put(name, new Index(owner[1], name,
          "drop index \"" + owner[0] + "\".\"" + name + "\"",
          "create index \"" + name + "\" on " + table + " (" + String.join(", ", list) + ")"));
    });
    return new ArrayList<>(result.values());
  }
}
