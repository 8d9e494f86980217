package pk.hifazat.sla;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pk.hifazat.area.CaseMoved;

/**
 * R-TRANSFER: a transferred case's running clocks are watched by the receiving district's
 * managers from now on; their start and due times stay as they are, since a transfer never
 * restarts or pauses a statutory clock (R-COURT-24H, R-DECISION-4M). Clocks that ended before
 * stay counted where they ran.
 */
@Component
class ClocksMove {

  private final JdbcClient jdbc;

  ClocksMove(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(CaseMoved moved) {
    jdbc.sql("update sla_clock set province = ?, district = ? where case_number = ?"
            + " and stopped_at is null")
        .params(moved.toProvince(), moved.toDistrict(), moved.caseNumber())
        .update();
  }
}
