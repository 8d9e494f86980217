package pk.hifazat.referral;

import java.util.Locale;
import pk.hifazat.area.AreaGroups;

/**
 * Camunda group of an agency's focal points in a district, the candidate group of its referral
 * tasks (R-REFERRAL): {@code agency-police-pb-lahore}. Only that agency sees its referrals.
 */
final class AgencyGroups {

  private AgencyGroups() {}

  public static String focalPoints(String agency, String province, String district) {
    return AreaGroups.agency(agency, province, district);
  }
}
