package pk.hifazat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an officer and the agencies fill in, form by form, for a working child at risk who is
 * referred for services and needs no placement (no long timers): the body of each task
 * completion through the engine REST API, as Tasklist sends it.
 *
 * @param screeningNotes how the child was interviewed
 * @param outcomeReason why the child is at risk
 * @param careNeeded whether the child needs medical and psychological help (two more referrals)
 */
public record ChildAtRiskForms(String screeningNotes, String outcomeReason, boolean careNeeded) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The completion body of the task, or an error for a task this path does not reach. */
  public ObjectNode completing(String taskKey) {
    Map<String, Object> values = new LinkedHashMap<>();
    String now = OffsetDateTime.now(Reports.PKT).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    switch (taskKey) {
      case "Task_ScreenReport" -> {
        values.put("immediateDanger", false);
        values.put("indicatorMovedByThirdParty", false);
        values.put("indicatorDocumentsHeld", false);
        values.put("indicatorSexualExploitation", false);
        values.put("indicatorOnlineAbuse", false);
        values.put("indicatorWorkingChild", true);
        values.put("indicatorMarriageArranged", false);
        values.put("interviewChildFriendly", true);
        values.put("screeningNotes", screeningNotes);
      }
      case "Task_RecordChildViews" -> {
        values.put("childViewsSought", true);
        values.put("childViews", "Wants to go back to school");
      }
      case "Task_DecideIdentificationOutcome" -> {
        values.put("identificationOutcome", "CHILD_AT_RISK");
        values.put("outcomeReason", outcomeReason);
        values.put("placementNeeded", false);
        values.put("needsMedical", careNeeded);
        values.put("needsPsychosocial", careNeeded);
        values.put("needsShelter", false);
        values.put("needsEducation", false);
      }
      case "Task_ObtainReferralConsent" -> {
        values.put("childConsent", "GIVEN");
        values.put("guardianConsent", "GIVEN");
        values.put("consentShares", "CASE_FACTS_MEDICAL");
      }
      case "Task_AcknowledgeReferral" -> values.put("referralDecision", "ACKNOWLEDGED");
      case "Task_RecordServiceDelivered" -> {
        values.put("serviceDeliveredAt", now);
        values.put("serviceSummary", "Service given as referred");
      }
      case "Task_CloseReferral" -> values.put("referralOutcome", "COMPLETED");
      case "Task_CloseCase" -> {
        values.put("closureReason", "SERVICES_COMPLETED");
        values.put("closureNotes", "All referrals closed; the child is back at school");
      }
      case "Task_ApproveClosure" -> values.put("closureDecision", "APPROVED");
      default -> throw new IllegalStateException("No answers for task " + taskKey + " on this path");
    }
    ObjectNode body = JSON.createObjectNode();
    typed(body.putObject("variables"), values);
    return body;
  }

  /** Values as the engine REST API takes them: each with its type. */
  public static void typed(ObjectNode variables, Map<String, Object> values) {
    values.forEach((name, value) -> {
      ObjectNode typed = variables.putObject(name);
      if (value instanceof Boolean flag) {
        typed.put("value", flag).put("type", "Boolean");
      } else if (value instanceof Integer number) {
        typed.put("value", number).put("type", "Integer");
      } else {
        typed.put("value", (String) value).put("type", "String");
      }
    });
  }
}
