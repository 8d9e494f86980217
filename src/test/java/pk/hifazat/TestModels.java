package pk.hifazat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Small models written in a test, given the diagram Modeler would have drawn: every model passes
 * the deployment checks, and those check that each element is drawn.
 */
public final class TestModels {

  private TestModels() {}

  /**
   * The model as Modeler would save it: a shape for every node and an edge for every flow not
   * drawn yet (in a row), and each node's incoming and outgoing flows listed on it.
   */
  public static String drawn(String xml) {
    BpmnModelInstance model = Bpmn.readModelFromStream(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    BpmnPlane plane = model.getModelElementsByType(BpmnPlane.class).stream().findFirst()
        .orElseGet(() -> {
          BpmnDiagram diagram = model.newInstance(BpmnDiagram.class);
          diagram.setId("Diagram_Test");
          BpmnPlane created = model.newInstance(BpmnPlane.class);
          created.setId("Plane_Test");
          created.setBpmnElement(model.getModelElementsByType(Process.class).iterator().next());
          diagram.setBpmnPlane(created);
          model.getDefinitions().addChildElement(diagram);
          return created;
        });
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class)
        .forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class)
        .forEach(edge -> drawn.add(edge.getBpmnElement().getAttributeValue("id")));
    int x = 100;
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (drawn.contains(node.getId())) {
        continue;
      }
      BpmnShape shape = model.newInstance(BpmnShape.class);
      shape.setId(node.getId() + "_di");
      shape.setBpmnElement(node);
      Bounds bounds = model.newInstance(Bounds.class);
      bounds.setX(x);
      bounds.setY(100);
      bounds.setWidth(100);
      bounds.setHeight(80);
      shape.setBounds(bounds);
      plane.addChildElement(shape);
      x += 150;
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      // Modeler lists each node's flows on the node too; bpmnlint reads them from there.
      if (!flow.getSource().getOutgoing().contains(flow)) {
        flow.getSource().getOutgoing().add(flow);
      }
      if (!flow.getTarget().getIncoming().contains(flow)) {
        flow.getTarget().getIncoming().add(flow);
      }
      if (drawn.contains(flow.getId())) {
        continue;
      }
      BpmnEdge edge = model.newInstance(BpmnEdge.class);
      edge.setId(flow.getId() + "_di");
      edge.setBpmnElement(flow);
      for (int i = 0; i < 2; i++) {
        Waypoint waypoint = model.newInstance(Waypoint.class);
        waypoint.setX(0);
        waypoint.setY(0);
        edge.addChildElement(waypoint);
      }
      plane.addChildElement(edge);
    }
    return Bpmn.convertToString(model);
  }
}
