package pk.hifazat.statistics;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import pk.hifazat.support.SqlTimes;

/**
 * The pathways' values and steps the indicator dictionary counts (sources {@code
 * pathway_variable} and {@code pathway_step}), kept in {@code pathway_fact}
 * (R-DATA-DISAGGREGATED): {@link PathwayFactRecorder} writes them as the engine records them, in
 * the same transaction; at start, what the dictionary names for the first time is filled from the
 * engine's history, so the table holds every fact the history holds, and the annex never reads
 * the history itself.
 */
@Component
class PathwayFacts implements ApplicationRunner {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(
      PathwayFacts.class);

  /** What the dictionary names: variables, steps, and processes all of whose steps count. */
  record Named(Set<String> variables, Set<String> activities, Set<String> stepProcesses) {

    static Named by(IndicatorDictionary dictionary) {
      Set<String> variables = new LinkedHashSet<>();
      Set<String> activities = new LinkedHashSet<>();
      Set<String> processes = new LinkedHashSet<>();
      for (Indicator indicator : dictionary.inOrder()) {
        if (indicator.source() == FactSource.PATHWAY_VARIABLE) {
          variables.add(indicator.variable());
        } else if (indicator.source() == FactSource.PATHWAY_STEP) {
          List<String> wanted = indicator.where().get("activity");
          if (wanted == null || wanted.equals(List.of(Indicator.RECORDED))) {
            // Any step of the process (or of every process) counts: keep them all.
            processes.add(indicator.process() == null ? ANY : indicator.process());
          } else {
            activities.addAll(wanted);
          }
        }
      }
      return new Named(Set.copyOf(variables), Set.copyOf(activities), Set.copyOf(processes));
    }

    boolean variable(String name) {
      return variables.contains(name);
    }

    boolean step(String activity, String process) {
      return activities.contains(activity) || stepProcesses.contains(ANY)
          || process != null && stepProcesses.contains(process);
    }

    /** Each thing named, as it is remembered in {@code pathway_fact_source}. */
    Set<String> keys() {
      Set<String> keys = new LinkedHashSet<>();
      variables.forEach(name -> keys.add("variable:" + name));
      activities.forEach(activity -> keys.add("step:" + activity));
      stepProcesses.forEach(process -> keys.add("process:" + process));
      return keys;
    }
  }

  /** Every process, for a step indicator that names none. */
  static final String ANY = "*";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Named named;

  PathwayFacts(JdbcClient jdbc, TransactionTemplate transactions,
      IndicatorDictionary dictionary) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.named = Named.by(dictionary);
  }

  @Override
  public void run(ApplicationArguments arguments) {
    fillNewlyNamed();
  }

  /**
   * Fills the table from the engine's history for what the dictionary names that the table did not
   * hold yet, and forgets what it no longer names (were it named again, it is filled afresh, so a
   * value changed meanwhile is its latest).
   */
  void fillNewlyNamed() {
    Set<String> held = new LinkedHashSet<>(jdbc.sql("select source_key from pathway_fact_source")
        .query(String.class).list());
    Set<String> wanted = named.keys();
    for (String key : held) {
      if (!wanted.contains(key)) {
        jdbc.sql("delete from pathway_fact_source where source_key = ?").param(key).update();
      }
    }
    for (String key : wanted) {
      if (!held.contains(key)) {
        long started = System.nanoTime();
        int rows = transactions.execute(status -> {
          int filled = fill(key);
          jdbc.sql("insert into pathway_fact_source (source_key, filled_at) values (?, ?)")
              .params(key, SqlTimes.toColumn(Instant.now())).update();
          return filled;
        });
        LOG.info("Statistics: {} facts of {} filled from the engine's history in {} ms", rows, key,
            (System.nanoTime() - started) / 1_000_000);
      }
    }
  }

  /**
   * Fills the table afresh from the engine's history for everything the dictionary names: for
   * history written behind the engine's back (a bulk import, a restore). Returns the rows.
   */
  int refillAll() {
    int rows = 0;
    for (String key : named.keys()) {
      rows += transactions.execute(status -> fill(key));
    }
    return rows;
  }

  /**
   * Copies the engine's history of one named thing (afresh), as the engine holds it now: a
   * variable's latest value at the moment it was set, a step at the moment it ended.
   */
  int fill(String key) {
    String kind = key.substring(0, key.indexOf(':'));
    String name = key.substring(key.indexOf(':') + 1);
    switch (kind) {
      case "variable" -> {
        jdbc.sql("delete from pathway_fact where kind = 'VARIABLE' and name = ?").param(name)
            .update();
        return jdbc.sql("insert into pathway_fact (kind, id, name, process_key,"
                + " root_process_instance_id, fact_value, fact_at) select 'VARIABLE', h.id_,"
                + " h.name_, h.proc_def_key_, h.root_proc_inst_id_, h.text_, h.create_time_"
                + " from act_hi_varinst h where h.name_ = ? and h.create_time_ is not null")
            .param(name).update();
      }
      case "step" -> {
        jdbc.sql("delete from pathway_fact where kind = 'STEP' and name = ?").param(name)
            .update();
        return jdbc.sql(stepsFromHistory("h.act_id_ = ?")).param(name).update();
      }
      default -> {
        boolean any = ANY.equals(name);
        jdbc.sql("delete from pathway_fact where kind = 'STEP'"
            + (any ? "" : " and process_key = ?")).params(any ? List.of() : List.of(name))
            .update();
        return jdbc.sql(stepsFromHistory(any ? "1 = 1" : "h.proc_def_key_ = ?"))
            .params(any ? List.of() : List.of(name)).update();
      }
    }
  }

  /** The ended steps of the history that match, less those already held (named twice). */
  private static String stepsFromHistory(String condition) {
    return "insert into pathway_fact (kind, id, name, process_key, root_process_instance_id,"
        + " fact_value, fact_at) select 'STEP', h.id_, h.act_id_, h.proc_def_key_,"
        + " h.root_proc_inst_id_, cast(null as varchar(4000)), h.end_time_ from act_hi_actinst h"
        + " where " + condition + " and h.end_time_ is not null and not exists (select 1 from"
        + " pathway_fact p where p.kind = 'STEP' and p.id = h.id_)";
  }

  Named named() {
    return named;
  }
}
