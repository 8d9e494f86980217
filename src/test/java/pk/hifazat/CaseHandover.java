package pk.hifazat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import pk.hifazat.area.AreaGroups;

/**
 * The variables a case hands to the pathways it calls (each call activity maps the ones its
 * pathway reads), so a test can start one pathway on its own as the case would. A mutable map: a test adds what the
 * steps before would have recorded.
 */
public final class CaseHandover {

  private CaseHandover() {}

  /** A child of the district, not in protection, reported by the 1098 helpline. */
  public static Map<String, Object> of(String caseNumber, String province, String district,
      String sex, int ageYears, String offenceTypes, Instant reportedAt) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseNumber", caseNumber);
    variables.put("province", province);
    variables.put("district", district);
    variables.put("reportedAt", Reports.iso(reportedAt));
    variables.put("source", "HELPLINE_1098");
    variables.put("childSex", sex);
    variables.put("childAgeYears", ageYears);
    variables.put("ageEstimated", false);
    variables.put("ageDisputed", false);
    variables.put("childNationality", "PK");
    variables.put("offenceTypes", offenceTypes);
    variables.put("custodyTakenAt", null);
    variables.put("officersGroup", AreaGroups.officers(province, district));
    variables.put("femaleOfficersGroup", AreaGroups.femaleOfficers(province, district));
    variables.put("supervisorsGroup", AreaGroups.supervisors(province, district));
    return variables;
  }

  /** A Lahore child, as most pathway tests use. */
  public static Map<String, Object> inLahore(String caseNumber, String sex, int ageYears,
      String offenceTypes, Instant reportedAt) {
    return of(caseNumber, "PB", "Lahore", sex, ageYears, offenceTypes, reportedAt);
  }
}
