package pk.hifazat.casefile;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/cases/{caseNumber}}: where a case stands, its open tasks and its deadlines. */
record CaseView(
    String caseNumber,
    String status,
    String stage,
    Instant stageEnteredAt,
    String province,
    String district,
    Instant reportedAt,
    String source,
    CaseFile.Child child,
    List<String> offenceTypes,
    Instant custodyTakenAt,
    String processInstanceId,
    List<TaskView> tasks,
    List<DeadlineView> deadlines) {

  record TaskView(
      String id,
      String name,
      String taskDefinitionKey,
      String assignee,
      List<String> candidateGroups,
      Instant created,
      Instant due) {}

  record DeadlineView(
      String rule,
      String kind,
      String element,
      Instant startedAt,
      Instant warningAt,
      Instant dueAt,
      String status,
      Instant breachedAt,
      Instant metAt) {}
}
