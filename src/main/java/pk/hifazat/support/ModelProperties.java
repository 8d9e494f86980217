package pk.hifazat.support;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The Camunda extension properties ({@code camunda:properties}) of a model element, as policy
 * staff set them in Modeler: names trimmed, a property without a value as the empty string.
 */
public final class ModelProperties {

  private ModelProperties() {}

  public static Map<String, String> of(BaseElement element) {
    Map<String, String> properties = new LinkedHashMap<>();
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return properties;
    }
    for (CamundaProperties list : extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : list.getCamundaProperties()) {
        if (property.getCamundaName() != null) {
          properties.put(property.getCamundaName().trim(),
              property.getCamundaValue() == null ? "" : property.getCamundaValue());
        }
      }
    }
    return properties;
  }
}
