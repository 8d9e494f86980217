package pk.hifazat.area;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names of the Camunda groups that work a district or province. Group ids are what the models'
 * candidate groups resolve to, so they follow one scheme: {@code cpo-pb-lahore}.
 */
public final class AreaGroups {

  private AreaGroups() {}

  /** Child protection officers of the district. */
  public static String officers(String province, String district) {
    return "cpo-" + area(province, district);
  }

  /** The district's female officers only (R-GIRL-FEMALE-CARE). */
  public static String femaleOfficers(String province, String district) {
    return officers(province, district) + "-female";
  }

  /**
   * The officers of the district who work a child's case: its female officers only for a girl
   * (R-GIRL-FEMALE-CARE), all its officers otherwise.
   */
  public static String officersOf(String childSex, String province, String district) {
    return "F".equals(childSex) ? femaleOfficers(province, district)
        : officers(province, district);
  }

  public static String supervisors(String province, String district) {
    return "supervisor-" + area(province, district);
  }

  /** Managers of the whole country. */
  public static final String NATIONAL_MANAGERS = "manager-national";
  /** Policy staff: models and aggregate figures, never a child's identity (R-NO-DISCLOSURE). */
  public static final String POLICY_EDITORS = "policy-editors";
  public static final String ADMINISTRATORS = "camunda-admin";

  /** Role groups: what a user may do; the area groups above say where. */
  public static final String OFFICERS = "officers";
  public static final String SUPERVISORS = "supervisors";
  public static final String MANAGERS = "managers";
  /** Agencies' focal points: they work the referrals sent to their agency (R-REFERRAL). */
  public static final String AGENCY_FOCAL_POINTS = "agency-focal-points";

  /** The focal points of an agency in a district, e.g. {@code agency-police-pb-lahore}. */
  public static String agency(String agency, String province, String district) {
    return "agency-" + agency.toLowerCase(java.util.Locale.ROOT) + "-" + area(province, district);
  }

  public static String managers(String province) {
    return "manager-" + province.toLowerCase(Locale.ROOT);
  }

  /** The {@code pb-lahore} part of a district's group ids. */
  public static String area(String province, String district) {
    String slug = Normalizer.normalize(district, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-|-$)", "");
    return province.toLowerCase(Locale.ROOT) + "-" + slug;
  }
}
