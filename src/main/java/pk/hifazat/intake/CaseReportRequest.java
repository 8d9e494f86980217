package pk.hifazat.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import pk.hifazat.area.Province;

/** {@code POST /api/cases}: a report about a child, as the intake form or a partner system sends it. */
@KnownDistrict
record CaseReportRequest(
    @NotNull @OneOf(Province.class) String province,
    @NotBlank @Size(max = 64) String district,
    @NotNull @PastTime String reportedAt,
    @NotNull @OneOf(ReportSource.class) String source,
    @NotNull @Valid Child child,
    @NotEmpty @Size(max = 11) List<@NotNull @OneOf(OffenceType.class) String> offenceTypes,
    @Valid Custody custody,
    @Pattern(regexp = "[A-Z]{2,3}-\\d{4}-\\d{6}", message = "must be a case number such as PB-2026-000123")
        String previousCaseNumber,
    // The sender's own id of the report (a helpline ticket): the same id from the same source in
    // the same district is the same report, however often it is sent.
    @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:/-]*",
        message = "must be letters, digits and . _ : / - only") String sourceReportId) {

  /** What is known of the child: no name, address or photo here (R-NO-DISCLOSURE). */
  record Child(
      @NotNull @OneOf(ChildSex.class) String sex,
      @NotNull @Min(0) @Max(Child.OLDEST_DISPUTED_AGE) Integer ageYears,
      Boolean ageEstimated,
      @NotNull Boolean ageDisputed,
      @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code")
          @IsoCountry String nationality,
      @Size(max = 64) @FreeText String religion,
      @Size(max = 64) @FreeText String ethnicity,
      @Size(max = 64) @FreeText String socioeconomicStatus,
      @OneOf(Residence.class) String residence) {

    static final int ADULTHOOD = 18;
    /** A person whose age is disputed is treated as a child until a court decides (R-AGE-DISPUTE). */
    static final int OLDEST_DISPUTED_AGE = 20;

    /** Validated as the {@code ageYears} field: a child, unless the age is disputed. */
    @JsonIgnore
    @AssertTrue(message = "must be under 18 unless the age is disputed (R-AGE-DISPUTE)")
    boolean isAgeYears() {
      return ageYears == null || ageYears < ADULTHOOD || Boolean.TRUE.equals(ageDisputed);
    }
  }

  /** When the report was made: {@code reportedAt}, valid as {@link PastTime} says. */
  OffsetDateTime reportedTime() {
    return OffsetDateTime.parse(reportedAt);
  }

  /** When the child was taken into protection; null when the child is not in protection. */
  OffsetDateTime custodyTime() {
    return custody == null ? null : OffsetDateTime.parse(custody.takenAt());
  }

  /** When the child was taken into protection (R-COURT-24H starts here). */
  record Custody(@NotNull @PastTime String takenAt) {}
}
