package pk.hifazat.reporting;

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

  TaskFactsMove(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(CaseMoved moved) {
    jdbc.sql("update task_fact set province = ?, district = ? where case_number = ?"
            + " and state = 'OPEN'")
        .params(moved.toProvince(), moved.toDistrict(), moved.caseNumber())
        .update();
  }
}
