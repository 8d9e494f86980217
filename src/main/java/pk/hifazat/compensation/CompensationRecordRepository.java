package pk.hifazat.compensation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the compensation and justice events of cases in the engine's database, in the engine's
 * transaction: a task whose completion fails records nothing.
 */
@Repository
class CompensationRecordRepository {

  private final JdbcClient jdbc;

  CompensationRecordRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String COMPENSATION = "compensation_event";
  private static final List<String> COMPENSATION_DETAIL = List.of("scheme", "amount");
  private static final String JUSTICE = "justice_event";
  private static final List<String> JUSTICE_DETAIL = List.of("agency");

  void insert(RecordedCompensationEvent event) {
    jdbc.sql(CaseStep.insert(COMPENSATION, COMPENSATION_DETAIL))
        .params(event.step().values(event.scheme(), event.amount()))
        .update();
  }

  void insert(RecordedJusticeEvent event) {
    jdbc.sql(CaseStep.insert(JUSTICE, JUSTICE_DETAIL))
        .params(event.step().values(event.agency()))
        .update();
  }

  List<RecordedCompensationEvent> compensationEventsOf(String caseNumber) {
    return jdbc.sql(CaseStep.select(COMPENSATION, COMPENSATION_DETAIL))
        .param(caseNumber)
        .query((rs, row) -> new RecordedCompensationEvent(CaseStep.read(rs),
            rs.getString("scheme"), rs.getBigDecimal("amount")))
        .list();
  }

  List<RecordedJusticeEvent> justiceEventsOf(String caseNumber) {
    return jdbc.sql(CaseStep.select(JUSTICE, JUSTICE_DETAIL))
        .param(caseNumber)
        .query((rs, row) -> new RecordedJusticeEvent(CaseStep.read(rs), rs.getString("agency")))
        .list();
  }
}
