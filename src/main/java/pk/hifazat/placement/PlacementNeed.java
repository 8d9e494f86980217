package pk.hifazat.placement;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an institution must offer the child: the case's area, the child's sex and age, and whether
 * the child needs a shelter specialised in sexual exploitation (R-SPECIALISED-SHELTER).
 */
record PlacementNeed(String province, String district, String childSex, int childAgeYears,
    boolean specialisedShelterNeeded) {

  /** A girl: cared for by female staff only (R-GIRL-FEMALE-CARE). */
  boolean girl() {
    return "F".equals(childSex);
  }

  boolean boy() {
    return "M".equals(childSex);
  }

  /**
   * The need of a child with the given offence types, when the offences in {@code
   * specialisedShelterOffences} (both comma-separated) call for a specialised shelter.
   */
  static PlacementNeed of(String province, String district, String childSex, int childAgeYears,
      String offenceTypes, String specialisedShelterOffences) {
    Set<String> specialised = split(specialisedShelterOffences);
    boolean needed = split(offenceTypes).stream().anyMatch(specialised::contains);
    return new PlacementNeed(province, district, childSex, childAgeYears, needed);
  }

  private static Set<String> split(String commaSeparated) {
    if (commaSeparated == null) {
      return Set.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(value -> !value.isEmpty())
        .collect(Collectors.toSet());
  }
}
