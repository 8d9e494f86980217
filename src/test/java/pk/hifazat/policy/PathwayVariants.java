package pk.hifazat.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Edits policy staff could make to the committed pathways, good and bad. */
public final class PathwayVariants {

  /** The court production deadline, as committed: 24 hours, statute (R-COURT-24H). */
  private static final String PRODUCTION_TARGET = "<camunda:property name=\"sla.target\" "
      + "value=\"PT24H\" />\n          <camunda:property name=\"sla.warning\" value=\"PT6H\" />\n"
      + "          <camunda:property name=\"sla.start\" value=\"custodyTakenAt\" />";

  private PathwayVariants() {}

  public static String committed(String file) {
    try {
      return Files.readString(Path.of("processes", file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Court production whose 24-hour timer, and the breach path it starts, are gone. */
  public static String productionWithoutItsStatutoryTimer() {
    return without(committed("court-production.bpmn"), Set.of("Timer_Court24h", "Flow_Court24h",
        "Service_RecordCourtBreach", "Flow_CourtBreachRecorded", "Task_ReviewCourtBreach",
        "Flow_CourtBreachReviewed", "End_CourtBreachReviewed"));
  }

  /** Court production with the child produced within 48 hours instead of 24. */
  public static String productionWithin48Hours() {
    String model = committed("court-production.bpmn");
    if (!model.contains(PRODUCTION_TARGET)) {
      throw new IllegalStateException("court-production.bpmn no longer declares R-COURT-24H as "
          + "expected");
    }
    return model.replace(PRODUCTION_TARGET, PRODUCTION_TARGET.replace("PT24H", "PT48H"));
  }

  /** Placement whose intervention plan is reviewed twice a year instead of quarterly. */
  public static String placementReviewedTwiceAYear() {
    return replaceOnce(committed("placement.bpmn"), ">R/P3M<", ">R/P6M<");
  }

  /** Court production whose order task names a form that does not exist. */
  public static String productionWithAMissingForm() {
    return replaceOnce(committed("court-production.bpmn"),
        "camunda:formRef=\"record-court-order\"", "camunda:formRef=\"record-court-orders\"");
  }

  /** Court production with an element left unclosed. */
  public static String productionThatIsNotWellFormed() {
    return replaceOnce(committed("court-production.bpmn"), "</bpmn:userTask>", "");
  }

  /** Referral with the agency's acknowledgement due in 24 hours instead of 48 (R-REFERRAL). */
  public static String referralAcknowledgedWithin24Hours() {
    return replaceOnce(committed("referral.bpmn"),
        "<camunda:property name=\"sla.target\" value=\"PT48H\" />",
        "<camunda:property name=\"sla.target\" value=\"PT24H\" />");
  }

  /** Court production whose order task goes to all officers, a girl's too. */
  public static String productionWithAGirlsTaskForAnyOfficer() {
    String model = committed("court-production.bpmn");
    String task = "<bpmn:userTask id=\"Task_RecordCourtOrder\" name=\"Record the court's order\" "
        + "camunda:formRef=\"record-court-order\" camunda:formRefBinding=\"latest\" "
        + "camunda:candidateGroups=\"${caseTeam.officers(execution)}\">";
    return replaceOnce(model, task, task.replace(
        "${caseTeam.officers(execution)}", "${officersGroup}"));
  }

  /**
   * The sharing-basis table with both its outputs named sharingBasis: the XML schema allows it,
   * the DMN engine cannot tell the two results apart and refuses the table.
   */
  public static String sharingBasisWithTwoOutputsOfOneName() {
    return replaceOnce(committed("sharing-basis.dmn"), "name=\"sharedFacts\"",
        "name=\"sharingBasis\"");
  }

  public static String replaceOnce(String model, String from, String to) {
    int at = model.indexOf(from);
    if (at < 0) {
      throw new IllegalStateException("Not in the model: " + from);
    }
    return model.substring(0, at) + to + model.substring(at + from.length());
  }

  /** The model without these elements and their shapes on the diagram. */
  public static String without(String xml, Set<String> ids) {
    BpmnModelInstance model = Bpmn.readModelFromStream(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    for (BpmnShape shape : List.copyOf(model.getModelElementsByType(BpmnShape.class))) {
      if (shape.getBpmnElement() != null && ids.contains(shape.getBpmnElement().getId())) {
        shape.getParentElement().removeChildElement(shape);
      }
    }
    for (BpmnEdge edge : List.copyOf(model.getModelElementsByType(BpmnEdge.class))) {
      if (edge.getBpmnElement() != null
          && ids.contains(((ModelElementInstance) edge.getBpmnElement()).getAttributeValue("id"))) {
        edge.getParentElement().removeChildElement(edge);
      }
    }
    for (String id : ids) {
      ModelElementInstance element = model.getModelElementById(id);
      element.getParentElement().removeChildElement(element);
    }
    return Bpmn.convertToString(model);
  }
}
