package pk.hifazat.area;

import java.time.Instant;

/**
 * A case is now worked in another district, perhaps another province: its transfer was accepted.
 * Published inside the engine command that accepts it, so that every module keeping the case's
 * area (its file, its clocks, its task figures, its grants, its task cards) moves it in that same
 * transaction, or nothing moves. The child's sex decides which of the district's officers work
 * it (R-GIRL-FEMALE-CARE).
 */
public record CaseMoved(String caseNumber, String childSex, String fromProvince,
    String fromDistrict, String toProvince, String toDistrict, Instant at) {

  /** The officers of the district the case left: its female officers only, for a girl. */
  public String formerOfficers() {
    return AreaGroups.officersOf(childSex, fromProvince, fromDistrict);
  }

  /** The officers of the district that works the case now. */
  public String officers() {
    return AreaGroups.officersOf(childSex, toProvince, toDistrict);
  }

  public String formerSupervisors() {
    return AreaGroups.supervisors(fromProvince, fromDistrict);
  }

  public String supervisors() {
    return AreaGroups.supervisors(toProvince, toDistrict);
  }

  public boolean provinceChanged() {
    return !fromProvince.equals(toProvince);
  }

  /**
   * The receiving district's group for one of the former district's groups (its officers, female
   * officers, supervisors or an agency's focal points), or the group itself when it is not tied
   * to the former district.
   */
  public String movedGroup(String group) {
    String former = AreaGroups.area(fromProvince, fromDistrict);
    String receiving = AreaGroups.area(toProvince, toDistrict);
    int at = group == null ? -1 : group.indexOf("-" + former);
    if (at < 0) {
      return group;
    }
    String rest = group.substring(at + former.length() + 1);
    if (!rest.isEmpty() && !rest.startsWith("-")) {
      return group; // another district whose name starts the same way
    }
    return group.substring(0, at) + "-" + receiving + rest;
  }
}
