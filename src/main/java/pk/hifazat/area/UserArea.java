package pk.hifazat.area;

import java.util.Objects;

/**
 * The area a user answers for: the whole country, a province or a district. Figures and lists
 * are cut to it, so a manager sees only the area they manage.
 */
public record UserArea(Scope scope, String province, String district, boolean aggregatesOnly) {

  public enum Scope {
    NATIONAL,
    PROVINCE,
    DISTRICT,
    NONE
  }

  public static UserArea national(boolean aggregatesOnly) {
    return new UserArea(Scope.NATIONAL, null, null, aggregatesOnly);
  }

  public static UserArea none() {
    return new UserArea(Scope.NONE, null, null, true);
  }

  /**
   * The area a query may cover: the one asked for when it lies within this user's area, this
   * user's whole area when none is asked for.
   *
   * @throws AreaDeniedException when the area asked for lies outside
   */
  public AreaFilter narrow(String askedProvince, String askedDistrict) {
    String province = blankToNull(askedProvince);
    String district = blankToNull(askedDistrict);
    switch (scope) {
      case NATIONAL -> {
        return new AreaFilter(province, district);
      }
      case PROVINCE -> {
        if (province != null && !province.equalsIgnoreCase(this.province)) {
          throw new AreaDeniedException("You manage " + this.province + ", not " + province);
        }
        return new AreaFilter(this.province, district);
      }
      case DISTRICT -> {
        if (province != null && !province.equalsIgnoreCase(this.province)
            || district != null && !district.equalsIgnoreCase(this.district)) {
          throw new AreaDeniedException("You work in " + this.district + " (" + this.province
              + "), not " + Objects.requireNonNullElse(district, province));
        }
        return new AreaFilter(this.province, this.district);
      }
      default -> throw new AreaDeniedException("You have no area to see figures for");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Province and district a query is limited to; null means any. */
  public record AreaFilter(String province, String district) {}
}
