package pk.hifazat.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R-GIRL-FEMALE-CARE: who a user task goes to is worked out as the engine would for a girl; only
 * what reaches female officers (or oversees the case without caring for the child) passes.
 */
class GirlsTaskGuardTest {

  private static List<Finding> findings(String attributes) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Girls"
            targetNamespace="http://hifazat.pk/bpmn">
          <bpmn:process id="girls" isExecutable="true">
            <bpmn:userTask id="Task_Visit" name="Visit the child" %s />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(attributes);
    List<Finding> findings = new ArrayList<>();
    GirlsTaskGuard.check("girls.bpmn", Bpmn.readModelFromStream(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))), findings);
    return findings;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      camunda:candidateGroups="${childSex == 'F' ? femaleOfficersGroup : officersGroup}"
      camunda:candidateGroups="${supervisorsGroup}"
      camunda:candidateGroups="${agencyGroup}"
      camunda:candidateGroups="cpo-pb-lahore-female"
      camunda:candidateGroups="${childSex == 'F' ? femaleOfficersGroup : officersGroup}, ${supervisorsGroup}"
      camunda:candidateUsers="${childSex == 'F' ? null : 'cpo.lahore.m'}"
      camunda:candidateGroups="${caseTeam.officers(execution)}"
      camunda:candidateGroups="#{caseTeam.officers(execution)}"
      camunda:candidateGroups="${caseTeam.officers(task)}"
      camunda:candidateGroups="${caseTeam['officers'](execution)}"
      camunda:candidateGroups="${ caseTeam.officers( execution ) }, ${supervisorsGroup}"
      """)
  @DisplayName("Accepted: what reaches only female officers, supervisors or agencies for a girl")
  void acceptedWhenAGirlsTaskReachesFemaleOfficersOnly(String attributes) {
    assertThat(findings(attributes)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      camunda:candidateGroups="${officersGroup}"
      camunda:candidateGroups="cpo-pb-lahore"
      camunda:candidateGroups="${childSex == 'M' ? femaleOfficersGroup : officersGroup}"
      camunda:candidateGroups="${femaleOfficersGroup}, ${officersGroup}"
      camunda:candidateUsers="cpo.lahore.m"
      camunda:assignee="${reportingOfficer}"
      camunda:candidateGroups="${caseAccess.groupsFor(execution)}"
      camunda:candidateGroups="${caseTeam.officers(execution)}, ${officersGroup}"
      camunda:candidateGroups="${caseTeam.officers(execution) == femaleOfficersGroup ? officersGroup : femaleOfficersGroup}"
      camunda:candidateGroups="${childSex == 'F' ? officersGroup : caseTeam.officers(execution)}"
      camunda:assignee="${caseTeam.officers(execution)}"
      camunda:candidateGroups="${CaseTeam.officers(execution)}"
      camunda:candidateGroups="${caseTeam.officers(null)}"
      camunda:candidateGroups="${caseTeam.officers(execution.processEngineServices)}"
      """)
  @DisplayName("Refused: anything that can reach a male officer, or that the guard cannot place")
  void refusedWhenAGirlsTaskCanReachSomeoneNotFemaleOnly(String attributes) {
    assertThat(findings(attributes)).singleElement().satisfies(finding -> {
      assertThat(finding.element()).isEqualTo("Task_Visit");
      assertThat(finding.rule()).isEqualTo("girls-tasks-female-only");
      assertThat(finding.refuses()).isTrue();
    });
  }
}
