package pk.hifazat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Intake request bodies for tests, in the exact shape of {@code POST /api/cases}. */
public final class Reports {

  /** Pakistan Standard Time, as reports carry it. */
  public static final ZoneOffset PKT = ZoneOffset.ofHours(5);

  private Reports() {}

  public static String iso(Instant instant) {
    return OffsetDateTime.ofInstant(instant, PKT).toString();
  }

  /** A report of a child already in protection since {@code custodyTakenAt}. */
  public static String inCustody(String province, String district, String sex, String offences,
      Instant reportedAt, Instant custodyTakenAt) {
    return """
        {"province": "%s", "district": "%s",
         "reportedAt": "%s", "source": "HELPLINE_1098",
         "child": {"sex": "%s", "ageYears": 14, "ageDisputed": false, "nationality": "PK",
                   "religion": "Islam", "ethnicity": "Punjabi",
                   "socioeconomicStatus": "Low income", "residence": "URBAN"},
         "offenceTypes": [%s],
         "custody": {"takenAt": "%s"}}
        """.formatted(province, district, iso(reportedAt), sex, quoted(offences),
        iso(custodyTakenAt));
  }

  /** A report of a child not (yet) in protection. */
  public static String notInCustody(String province, String district, String sex,
      String offences, Instant reportedAt) {
    return """
        {"province": "%s", "district": "%s",
         "reportedAt": "%s", "source": "POLICE",
         "child": {"sex": "%s", "ageYears": 12, "ageDisputed": false, "nationality": "PK"},
         "offenceTypes": [%s]}
        """.formatted(province, district, iso(reportedAt), sex, quoted(offences));
  }

  /**
   * A report of a person not in protection whose age is disputed (R-AGE-DISPUTE): said to be
   * {@code claimedAge}, treated as a child until the court decides.
   */
  public static String ageDisputed(String province, String district, String sex,
      String offences, Instant reportedAt, int claimedAge) {
    return """
        {"province": "%s", "district": "%s",
         "reportedAt": "%s", "source": "POLICE",
         "child": {"sex": "%s", "ageYears": %d, "ageDisputed": true, "nationality": "PK"},
         "offenceTypes": [%s]}
        """.formatted(province, district, iso(reportedAt), sex, claimedAge, quoted(offences));
  }

  private static String quoted(String offences) {
    StringBuilder out = new StringBuilder();
    for (String offence : offences.split(",")) {
      if (!out.isEmpty()) {
        out.append(", ");
      }
      out.append('"').append(offence.trim()).append('"');
    }
    return out.toString();
  }
}
