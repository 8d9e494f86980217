package pk.hifazat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import pk.hifazat.HifazatTest;
import pk.hifazat.TestModels;

/**
 * A model's expressions reach the pathway beans only: a deployed model cannot call the identity
 * store, the audit log or any other part of the application (R-NO-DISCLOSURE).
 */
@HifazatTest
class PathwayExpressionsTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ApplicationContext context;

  private static String callingBean(String bean) {
    return TestModels.drawn("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Reach"
            targetNamespace="http://hifazat.pk/bpmn">
          <bpmn:process id="reach" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start" name="Started" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Service_Call" />
            <bpmn:serviceTask id="Service_Call" name="Call a bean"
                camunda:expression="${%s.toString()}" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Service_Call" targetRef="End" />
            <bpmn:endEvent id="End" name="Ended" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(bean));
  }

  private void run(String bean) {
    Deployment deployment = repositoryService.createDeployment().name("reach " + bean)
        .addString("reach.bpmn", callingBean(bean)).deploy();
    try {
      runtimeService.startProcessInstanceByKey("reach");
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  @DisplayName("R-NO-DISCLOSURE: a model cannot reach the identity store or the audit log")
  void aModelCannotReachTheIdentityStoreOrTheAuditLog() {
    for (String bean : new String[] {"childIdentityRepository", "auditLog", "jdbcClient"}) {
      assertThat(context.containsBean(bean)).as("%s is a bean of the application", bean).isTrue();
      assertThatThrownBy(() -> run(bean)).isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Cannot resolve identifier '" + bean + "'");
    }
  }

  @Test
  @DisplayName("The pathway beans stay reachable: the deadline clocks, for instance")
  void thePathwayBeansStayReachable() {
    run("deadlines");
  }
}
