package pk.hifazat.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Whether another child's keys say it may be the same child, judged on blind keys alone. The
 * same B-form number is enough; another B-form number rules it out, and so does another sex.
 * Otherwise every significant part of the shorter name must be in the other (in any order), the
 * birth years at most one apart, and the parents share a name; where either has no parent
 * recorded, two parts of the name must agree instead.
 */
final class Resemblance {

  /** What agreed; shown to the officer, since none of it says who the child is. */
  enum Reason { B_FORM, NAME, BIRTH_YEAR, PARENT }

  private Resemblance() {}

  static Optional<List<Reason>> judge(ChildKeys.Child mine, Map<String, Set<String>> theirs,
      UnaryOperator<String> blind) {
    Set<String> theirSex = theirs.getOrDefault("S", Set.of());
    if (mine.sex() != null && !theirSex.isEmpty()
        && !theirSex.contains(ChildKeys.sex(mine.sex(), blind))) {
      return Optional.empty();
    }
    Set<String> theirBForm = theirs.getOrDefault("B", Set.of());
    boolean sameBForm = false;
    if (mine.bForm() != null && !theirBForm.isEmpty()) {
      sameBForm = theirBForm.contains(ChildKeys.bForm(mine.bForm(), blind));
      if (!sameBForm) {
        return Optional.empty();
      }
    }
    Set<String> myName = ChildKeys.names(mine.name().significant(), "name", blind);
    Set<String> theirName = theirs.getOrDefault("N", Set.of());
    int common = intersection(myName, theirName);
    int shorter = Math.min(myName.size(), theirName.size());
    Set<String> myWhole = new HashSet<>(ChildKeys.lookup(mine, blind));
    boolean wholeName = intersection(myWhole, theirs.getOrDefault("FY", Set.of())) > 0;
    boolean name = wholeName || (common > 0 && common == shorter);
    boolean year = intersection(ChildKeys.nearYears(mine.birthYear(), blind),
        theirs.getOrDefault("Y", Set.of())) > 0;
    Set<String> myParents = ChildKeys.names(mine.parentParts(), "parent", blind);
    Set<String> theirParents = theirs.getOrDefault("P", Set.of());
    boolean parentsKnown = !myParents.isEmpty() && !theirParents.isEmpty();
    boolean parent = intersection(myParents, theirParents) > 0;

    List<Reason> reasons = new ArrayList<>();
    if (sameBForm) {
      reasons.add(Reason.B_FORM);
    }
    if (name) {
      reasons.add(Reason.NAME);
    }
    if (year) {
      reasons.add(Reason.BIRTH_YEAR);
    }
    if (parent) {
      reasons.add(Reason.PARENT);
    }
    if (sameBForm) {
      return Optional.of(reasons);
    }
    boolean corroborated = parentsKnown ? parent : common >= 2;
    return name && year && corroborated ? Optional.of(reasons) : Optional.empty();
  }

  private static int intersection(Set<String> a, Set<String> b) {
    int count = 0;
    for (String key : a) {
      if (b.contains(key)) {
        count++;
      }
    }
    return count;
  }
}
