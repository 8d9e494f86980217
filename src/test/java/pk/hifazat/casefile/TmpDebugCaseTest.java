package pk.hifazat.casefile;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

@HifazatTest
class TmpDebugCaseTest {
  @Autowired CaseDriver cases;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;

  long count(String c) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(c)
        .processDefinitionKey("courtProduction").count();
  }

  @Test
  void debug() throws Exception {
    Instant reported = OffsetDateTime.parse("2026-11-20T08:00:00+05:00").toInstant();
    cases.clockAt(reported.plus(Duration.ofHours(1)));
    Map<String, Object> s = new HashMap<>();
    s.put("immediateDanger", true); s.put("indicatorWorkingChild", true); s.put("interviewChildFriendly", true);
    String c2 = cases.report(Reports.inCustody("PB", "Lahore", "M", "FORCED_LABOUR", reported, reported));
    System.out.println("DBG2 after report " + count(c2));
    s.put("immediateDanger", false);
    cases.complete(c2, "Task_ScreenReport", s);
    cases.complete(c2, "Task_RecordChildViews", Map.of("childViewsSought", true, "childViews", "x"));
    cases.complete(c2, "Task_DecideIdentificationOutcome", Map.of("identificationOutcome", "NOT_A_CASE", "outcomeReason", "x", "placementNeeded", false));
    System.out.println("DBG2 after identification " + count(c2));
    ClockUtil.reset();
  }
}
