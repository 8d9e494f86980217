package pk.hifazat.area;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import pk.hifazat.area.Districts;

/** Works out a user's area from their Camunda groups, following the scheme of {@link AreaGroups}. */
@Component
public class UserAreas {

  private static final List<String> PROVINCES = List.of("pb", "sd", "kp", "ba", "ict", "gb", "ajk");

  private final Districts districts;

  UserAreas(Districts districts) {
    this.districts = districts;
  }

  public UserArea of(Authentication authentication) {
    return of(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet()));
  }

  /** The widest area the groups give: country, then province, then district. */
  public UserArea of(Collection<String> groupIds) {
    Set<String> groups = Set.copyOf(groupIds);
    if (groups.contains(AreaGroups.ADMINISTRATORS) || groups.contains(AreaGroups.NATIONAL_MANAGERS)) {
      return UserArea.national(false);
    }
    Optional<String> managed = groups.stream()
        .filter(group -> group.startsWith("manager-"))
        .map(group -> group.substring("manager-".length()))
        .filter(PROVINCES::contains)
        .sorted()
        .findFirst();
    if (managed.isPresent()) {
      return new UserArea(UserArea.Scope.PROVINCE, managed.get().toUpperCase(), null, false);
    }
    Optional<UserArea> district = groups.stream()
        .sorted(Comparator.comparing((String group) -> !group.startsWith("supervisor-")))
        .map(this::districtOf)
        .flatMap(Optional::stream)
        .findFirst();
    if (district.isPresent()) {
      return district.get();
    }
    if (groups.contains(AreaGroups.POLICY_EDITORS)) {
      return UserArea.national(true);
    }
    return UserArea.none();
  }

  /** {@code supervisor-pb-lahore} or {@code cpo-pb-lahore[-female]} to Lahore, PB. */
  private Optional<UserArea> districtOf(String group) {
    String rest;
    if (group.startsWith("supervisor-")) {
      rest = group.substring("supervisor-".length());
    } else if (group.startsWith("cpo-")) {
      rest = group.substring("cpo-".length()).replaceFirst("-female$", "");
    } else {
      return Optional.empty();
    }
    int dash = rest.indexOf('-');
    if (dash < 0 || !PROVINCES.contains(rest.substring(0, dash))) {
      return Optional.empty();
    }
    String province = rest.substring(0, dash).toUpperCase();
    return districts.bySlug(province, rest.substring(dash + 1))
        .map(district -> new UserArea(UserArea.Scope.DISTRICT, province, district, false));
  }
}
