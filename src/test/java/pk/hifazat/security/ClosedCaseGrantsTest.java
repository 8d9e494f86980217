package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pk.hifazat.CaseDriver;
import pk.hifazat.HifazatTest;
import pk.hifazat.Reports;

/**
 * The grants that let a district read a case's history live as long as that history: nothing is
 * left behind for closed work, and the history cleanup takes them with the history they unlock.
 */
@HifazatTest
class ClosedCaseGrantsTest {

  @Autowired CaseDriver cases;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  private List<Map<String, Object>> historyGrants(List<String> processInstanceIds) {
    return jdbc.sql("select resource_id_, group_id_, root_proc_inst_id_, removal_time_"
            + " from act_ru_authorization where resource_type_ = :type"
            + " and resource_id_ in (:ids)")
        .param("type", Resources.HISTORIC_PROCESS_INSTANCE.resourceType())
        .param("ids", processInstanceIds)
        .query().listOfRows();
  }

  private List<HistoricProcessInstance> processesOf(String caseNumber) {
    return historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list();
  }

  @Test
  void aClosedCasesHistoryGrantsEndWithItsHistory() throws Exception {
    String caseNumber = cases.report(Reports.notInCustody("PB", "Lahore", "F", "SEXUAL_ABUSE",
        Instant.now().minusSeconds(3600)));
    String root = cases.instance(caseNumber, "childProtectionCase").getId();
    List<String> running = processesOf(caseNumber).stream()
        .map(HistoricProcessInstance::getId).toList();
    // While the case runs, its district's female officers and supervisors read its history.
    assertThat(historyGrants(running)).isNotEmpty().allSatisfy(grant -> {
      assertThat(grant.get("ROOT_PROC_INST_ID_")).isEqualTo(root);
      assertThat(grant.get("REMOVAL_TIME_")).isNull();
    });

    cases.closeAsNotACase(caseNumber);

    List<HistoricProcessInstance> closed = processesOf(caseNumber);
    assertThat(closed).allSatisfy(process -> assertThat(process.getEndTime()).isNotNull());
    Date removal = closed.stream().filter(process -> process.getId().equals(root))
        .findFirst().orElseThrow().getRemovalTime();
    assertThat(removal).isNotNull();
    // Closed: each grant is due to go when the case's history goes, and not before.
    assertThat(historyGrants(closed.stream().map(HistoricProcessInstance::getId).toList()))
        .isNotEmpty()
        .allSatisfy(grant -> assertThat(((Date) grant.get("REMOVAL_TIME_")).toInstant())
            .isEqualTo(removal.toInstant()));
  }
}
