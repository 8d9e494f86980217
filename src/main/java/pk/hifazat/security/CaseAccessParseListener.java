package pk.hifazat.security;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Grants access to each case's process instances as they start. */
class CaseAccessParseListener extends AbstractBpmnParseListener {

  @Override
  public void parseProcess(Element element, ProcessDefinitionEntity processDefinition) {
    processDefinition.addListener(ExecutionListener.EVENTNAME_START,
        (ExecutionListener) CaseAccessGrants::grantFor);
  }
}
