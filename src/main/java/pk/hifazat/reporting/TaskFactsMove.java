package pk.hifazat.reporting;

import static pk.hifazat.support.SqlTimes.fromColumn;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pk.hifazat.area.CaseMoved;

/**
 * R-TRANSFER: the open tasks of a transferred case wait in the receiving district's figures;
 * completed ones stay with the district that did them.
 */
@Component
class TaskFactsMove {

  private final JdbcClient jdbc;
  private final TaskFactDays days;

  TaskFactsMove(JdbcClient jdbc, TaskFactDays days) {
    this.jdbc = jdbc;
    this.days = days;
  }

  @EventListener
  void on(CaseMoved moved) {
    // The open tasks' arrivals and claims move to the receiving province's figures of their days.
    List<Instant> moments = new ArrayList<>();
    jdbc.sql("select created_at, claimed_at from task_fact where case_number = ?"
            + " and state = 'OPEN'")
        .param(moved.caseNumber())
        .query((ResultSet rs) -> {
          moments.add(fromColumn(rs, 1));
          moments.add(fromColumn(rs, 2));
        });
    days.changed(moments);
    jdbc.sql("update task_fact set province = ?, district = ? where case_number = ?"
            + " and state = 'OPEN'")
        .params(moved.toProvince(), moved.toDistrict(), moved.caseNumber())
        .update();
  }
}
