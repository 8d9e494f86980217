package pk.hifazat.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The blind index, table {@code match_key}: written with the identity, read by equality only. */
@Repository
class MatchIndex {

  /** More look-up hits than this are not a child but a common name: the first ones are judged. */
  static final int MOST_CANDIDATES = 500;

  private final JdbcClient jdbc;

  MatchIndex(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void replace(String caseNumber, List<ChildKeys.Key> keys) {
    forget(caseNumber);
    for (ChildKeys.Key key : keys) {
      jdbc.sql("insert into match_key (case_number, kind, key_hash) values (?, ?, ?)")
          .params(caseNumber, key.kind(), key.hash()).update();
    }
  }

  boolean forget(String caseNumber) {
    return jdbc.sql("delete from match_key where case_number = ?").param(caseNumber).update() > 0;
  }

  /**
   * The other cases that share any of the keys, one indexed look-up per key; those sharing the
   * most first, so that a common name part cannot crowd the same child out of the candidates.
   */
  List<String> casesWith(Collection<String> keys, String except) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select case_number from match_key where key_hash in (:keys)"
            + " and case_number <> :except group by case_number"
            + " order by count(*) desc, case_number fetch first " + MOST_CANDIDATES + " rows only")
        .param("keys", List.copyOf(keys)).param("except", except)
        .query(String.class).list();
  }

  /** Every key of the cases, by case and kind. */
  Map<String, Map<String, Set<String>>> keysOf(Collection<String> caseNumbers) {
    Map<String, Map<String, Set<String>>> keys = new HashMap<>();
    if (caseNumbers.isEmpty()) {
      return keys;
    }
    jdbc.sql("select case_number, kind, key_hash from match_key where case_number in (:cases)")
        .param("cases", new ArrayList<>(caseNumbers))
        .query(rs -> {
          keys.computeIfAbsent(rs.getString(1), c -> new HashMap<>())
              .computeIfAbsent(rs.getString(2), k -> new HashSet<>()).add(rs.getString(3));
        });
    return keys;
  }
}
