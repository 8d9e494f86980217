package pk.hifazat.casefile;

import java.time.Instant;
import java.util.List;

/** What the case file keeps of a case: the facts reports are disaggregated by, no identity. */
public record CaseFile(
    String caseNumber,
    String processInstanceId,
    String province,
    String district,
    Instant reportedAt,
    String source,
    Child child,
    List<String> offenceTypes,
    Instant custodyTakenAt,
    String stage,
    Instant stageEnteredAt,
    Instant registeredAt,
    String registeredBy) {

  /** R-DATA-DISAGGREGATED: sex, age, nationality, religion, ethnicity, status, residence. */
  public record Child(
      String sex,
      int ageYears,
      boolean ageEstimated,
      boolean ageDisputed,
      String nationality,
      String religion,
      String ethnicity,
      String socioeconomicStatus,
      String residence) {}
}
