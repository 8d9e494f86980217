package pk.hifazat.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Who the child is: kept apart from the pathway, encrypted, read only by the case's district
 * (R-NO-DISCLOSURE). Never logged and never echoed in an error.
 */
record ChildIdentity(
    @NotBlank @Size(max = 100) @Pattern(regexp = NAME) String name,
    @Size(max = 4) List<@NotBlank @Size(max = 100) @Pattern(regexp = NAME) String> parents,
    @Size(max = 300) @Pattern(regexp = "[\\p{L}\\p{M}\\p{N} .,'()/#:\\n-]*") String address,
    @Size(max = MAX_PHOTO_BASE64) @Pattern(regexp = "[A-Za-z0-9+/=]*") String photo,
    // Where known: they let the same child be found again in another district, through keys
    // that reveal neither (matching module).
    @Min(1990) @Max(2100) Integer birthYear,
    @Pattern(regexp = "\\d{5}-?\\d{7}-?\\d", message = "must be a B-form number such as"
        + " 35202-1234567-1") String bFormNumber) {

  static final String NAME = "[\\p{L}\\p{M} .'-]+";
  /** About 256 KB of image. */
  static final int MAX_PHOTO_BASE64 = 350_000;

  @Override
  public String toString() {
    return "ChildIdentity[withheld]";
  }
}
