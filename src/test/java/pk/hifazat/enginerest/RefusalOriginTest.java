package pk.hifazat.enginerest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.handler.FormHandler;
import org.camunda.bpm.engine.impl.form.handler.SubmitFormVariablesInvocation;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.impl.util.EnsureUtil;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which plain engine exceptions are the caller's mistake, and which stay failures of ours. */
class RefusalOriginTest {

  @Test
  @DisplayName("A count the engine's checks refuse is the caller's")
  void aCountTheEnginesChecksRefuseIsTheCallers() {
    Throwable refused = catchThrowable(() ->
        EnsureUtil.ensureGreaterThanOrEqual("maxResults", -1, 0));

    assertThat(refused).isExactlyInstanceOf(ProcessEngineException.class);
    assertThat(RefusedArguments.refusedByEngine(refused)).isTrue();
  }

  @Test
  @DisplayName("The same check failing inside a pathway's listener is the pathway's fault")
  void theSameCheckFailingInsideAPathwaysListenerIsThePathways() {
    Throwable refused = catchThrowable(() -> new DelegateInvocation(null, null) {
      @Override
      protected void invoke() {
        EnsureUtil.ensureGreaterThanOrEqual("referrals", -1, 0);
      }
    }.proceed());

    assertThat(refused).isExactlyInstanceOf(ProcessEngineException.class);
    assertThat(RefusedArguments.refusedByEngine(refused)).isFalse();
  }

  @Test
  @DisplayName("The same check failing as a form is submitted is the caller's")
  void theSameCheckFailingAsAFormIsSubmittedIsTheCallers() {
    FormHandler form = new FormHandler() {
      @Override
      public void parseConfiguration(Element activity, DeploymentEntity deployment,
          ProcessDefinitionEntity definition, BpmnParse parse) {}

      @Override
      public void submitFormVariables(VariableMap values, VariableScope scope) {
        EnsureUtil.ensureGreaterThanOrEqual("childAgeYears", -1, 0);
      }
    };
    // A task listener, say, that submits a form: the innermost invocation is the submission.
    Throwable refused = catchThrowable(() -> new DelegateInvocation(null, null) {
      @Override
      protected void invoke() throws Exception {
        new SubmitFormVariablesInvocation(form, Variables.createVariables(), null).proceed();
      }
    }.proceed());

    assertThat(RefusedArguments.refusedByEngine(refused)).isTrue();
  }

  @Test
  @DisplayName("An engine exception made anywhere else is a failure of ours")
  void anEngineExceptionMadeAnywhereElseIsOurs() {
    assertThat(RefusedArguments.refusedByEngine(new ProcessEngineException("boom"))).isFalse();
    assertThat(RefusedArguments.refusedByEngine(catchThrowable(() ->
        EnsureUtil.ensureActiveCommandContext("complete")))).isFalse();
    assertThat(RefusedArguments.refusedByEngine(new IllegalStateException())).isFalse();
  }

  @Test
  @DisplayName("A value too long for its column is told apart in a batch of inserts too")
  void aValueTooLongForItsColumnIsToldApartInABatchToo() {
    BatchUpdateException batch = new BatchUpdateException("batch entry 3 was aborted", "",
        new int[0]);
    batch.setNextException(new SQLException("value too long for type character varying(64)",
        "22001"));
    SQLException duplicate = new SQLException("duplicate key value", "23505");

    assertThat(RefusedArguments.tooLongForItsColumn(batch)).isTrue();
    assertThat(RefusedArguments.tooLongForItsColumn(
        new SQLException("Value too long for column", "22001"))).isTrue();
    assertThat(RefusedArguments.tooLongForItsColumn(duplicate)).isFalse();
    assertThat(RefusedArguments.tooLongForItsColumn(new RuntimeException())).isFalse();
  }
}
