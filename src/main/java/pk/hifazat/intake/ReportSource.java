package pk.hifazat.intake;

/** Where a report came from (R-INTAKE-SOURCES). */
public enum ReportSource {
  HELPLINE_1098,
  HELPLINE_1099,
  POLICE,
  CHILD_PROTECTION_UNIT,
  HOSPITAL_CPU,
  COMPLAINT_OFFICE,
  SCHOOL,
  NGO,
  ONLINE_PORTAL,
  FAMILY,
  SELF
}
