package pk.hifazat.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The blind keys of one child: each identifying fact normalised, then hashed under the index's
 * key ({@code blind}), so that the index holds no name, year or number in the clear. Kinds:
 * {@code S} the child's sex, {@code B} the B-form number, {@code N} each significant part of the
 * name, {@code NY} each significant part with the birth year, {@code FY} the whole name (its
 * parts in any order) with the birth year, {@code P} each significant part of a parent's name,
 * {@code Y} the birth year.
 */
record ChildKeys(List<Key> keys) {

  /** One row of the index. */
  record Key(String kind, String hash) {}

  /** What is known of the child, normalised; never logged. */
  record Child(String sex, NameKeys.Name name, List<NameKeys.Name> parents, Integer birthYear,
      String bForm) {

    Set<String> parentParts() {
      Set<String> parts = new LinkedHashSet<>();
      parents.forEach(parent -> parts.addAll(parent.significant()));
      return parts;
    }

    @Override
    public String toString() {
      return "Child[withheld]";
    }
  }

  static ChildKeys of(Child child, UnaryOperator<String> blind) {
    List<Key> keys = new ArrayList<>();
    if (child.sex() != null) {
      keys.add(new Key("S", blind.apply("sex|" + child.sex())));
    }
    if (child.bForm() != null) {
      keys.add(new Key("B", blind.apply("bform|" + child.bForm())));
    }
    for (String part : child.name().significant()) {
      keys.add(new Key("N", blind.apply("name|" + part)));
      if (child.birthYear() != null) {
        keys.add(new Key("NY", nameYear(part, child.birthYear(), blind)));
      }
    }
    if (child.birthYear() != null) {
      keys.add(new Key("Y", year(child.birthYear(), blind)));
      if (!child.name().isEmpty()) {
        keys.add(new Key("FY", wholeYear(child.name(), child.birthYear(), blind)));
      }
    }
    for (String part : child.parentParts()) {
      keys.add(new Key("P", blind.apply("parent|" + part)));
    }
    return new ChildKeys(List.copyOf(new LinkedHashSet<>(keys)));
  }

  /**
   * The keys to look the child up by, each an indexed equality: the B-form number, and each
   * significant part of the name and the whole name with the birth year, one year either side
   * (an age given at a report is a year out as often as not).
   */
  static Set<String> lookup(Child child, UnaryOperator<String> blind) {
    Set<String> keys = new LinkedHashSet<>();
    if (child.bForm() != null) {
      keys.add(blind.apply("bform|" + child.bForm()));
    }
    if (child.birthYear() != null) {
      for (int year = child.birthYear() - 1; year <= child.birthYear() + 1; year++) {
        for (String part : child.name().significant()) {
          keys.add(nameYear(part, year, blind));
        }
        if (!child.name().isEmpty()) {
          keys.add(wholeYear(child.name(), year, blind));
        }
      }
    }
    return keys;
  }

  static Set<String> nearYears(Integer birthYear, UnaryOperator<String> blind) {
    Set<String> keys = new LinkedHashSet<>();
    if (birthYear != null) {
      for (int year = birthYear - 1; year <= birthYear + 1; year++) {
        keys.add(year(year, blind));
      }
    }
    return keys;
  }

  static String sex(String sex, UnaryOperator<String> blind) {
    return blind.apply("sex|" + sex);
  }

  static String bForm(String bForm, UnaryOperator<String> blind) {
    return blind.apply("bform|" + bForm);
  }

  static Set<String> names(Set<String> parts, String kind, UnaryOperator<String> blind) {
    Set<String> keys = new LinkedHashSet<>();
    parts.forEach(part -> keys.add(blind.apply(kind + "|" + part)));
    return keys;
  }

  private static String nameYear(String part, int year, UnaryOperator<String> blind) {
    return blind.apply("name-year|" + part + "|" + year);
  }

  private static String wholeYear(NameKeys.Name name, int year, UnaryOperator<String> blind) {
    return blind.apply("whole-year|" + name.whole() + "|" + year);
  }

  private static String year(int year, UnaryOperator<String> blind) {
    return blind.apply("year|" + year);
  }
}
