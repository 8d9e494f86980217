package pk.hifazat.casefile;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.area.UserArea;
import pk.hifazat.area.UserAreas;
import pk.hifazat.security.CaseReaders;
import pk.hifazat.support.NotFoundException;

/**
 * Who may open a case: users whose area covers its district and whom the engine grants the case
 * (a girl's case only to her district's female officers among officers: R-GIRL-FEMALE-CARE).
 * Anyone else is told there is no such case, so guessing case numbers reveals nothing.
 */
@Component
public class CaseAccess {

  private final CaseFiles files;
  private final UserAreas areas;
  private final CaseReaders readers;

  CaseAccess(CaseFiles files, UserAreas areas, CaseReaders readers) {
    this.files = files;
    this.areas = areas;
    this.readers = readers;
  }

  public CaseFile readable(String caseNumber, Authentication user) {
    CaseFile file = files.find(caseNumber).orElseThrow(() -> notFound(caseNumber));
    UserArea area = areas.of(user);
    if (area.aggregatesOnly() || !covers(area, file)
        || !readers.mayRead(user, file.processInstanceId())) {
      throw notFound(caseNumber);
    }
    return file;
  }

  /**
   * The child's identity is for the officers and supervisors of the case's own district only,
   * never for managers, policy staff or administrators (R-NO-DISCLOSURE); a girl's for the
   * district's female officers and its supervisors, as her case is (R-GIRL-FEMALE-CARE).
   */
  public CaseFile identityReadable(String caseNumber, Authentication user) {
    CaseFile file = readable(caseNumber, user);
    UserArea area = areas.of(user);
    java.util.Set<String> groups = user.getAuthorities().stream()
        .map(authority -> authority.getAuthority())
        .collect(java.util.stream.Collectors.toSet());
    boolean supervisor = groups.contains(AreaGroups.SUPERVISORS)
        && groups.contains(AreaGroups.supervisors(file.province(), file.district()));
    boolean officer = groups.contains(AreaGroups.OFFICERS)
        && groups.contains(AreaGroups.officersOf(file.child().sex(), file.province(),
            file.district()));
    if (area.scope() != UserArea.Scope.DISTRICT || !(supervisor || officer)) {
      throw notFound(caseNumber);
    }
    return file;
  }

  private static boolean covers(UserArea area, CaseFile file) {
    return switch (area.scope()) {
      case NATIONAL -> true;
      case PROVINCE -> area.province().equals(file.province());
      case DISTRICT -> area.province().equals(file.province())
          && area.district().equals(file.district());
      case NONE -> false;
    };
  }

  private static NotFoundException notFound(String caseNumber) {
    return new NotFoundException("No case " + caseNumber);
  }
}
