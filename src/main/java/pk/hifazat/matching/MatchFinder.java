package pk.hifazat.matching;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import pk.hifazat.casefile.CaseFile;
import pk.hifazat.casefile.CaseFiles;
import pk.hifazat.identity.IdentityFacts;

/**
 * Indexes a child's identifying facts and looks for the same child in every district, on blind
 * keys only: the look-up is a handful of indexed equalities, and the other children's facts are
 * never decrypted for it (R-NO-DISCLOSURE).
 */
@Service
class MatchFinder {

  private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

  /** A case that may be the same child, and what agreed. */
  record Found(String caseNumber, List<Resemblance.Reason> reasons) {}

  private final IdentityFacts identities;
  private final CaseFiles files;
  private final MatchIndex index;
  private final PossibleMatches matches;
  private final UnaryOperator<String> blind;

  MatchFinder(IdentityFacts identities, CaseFiles files, MatchIndex index,
      PossibleMatches matches) {
    this.identities = identities;
    this.files = files;
    this.index = index;
    this.matches = matches;
    this.blind = identities::blindKey;
  }

  /**
   * Writes the case's keys (in the caller's transaction, the identity's), then records each case
   * that may be the same child. Answers what was found.
   */
  List<Found> indexAndFind(String caseNumber) {
    Optional<ChildKeys.Child> child = childOf(caseNumber);
    if (child.isEmpty()) {
      index.forget(caseNumber);
      matches.forget(caseNumber);
      return List.of();
    }
    index.replace(caseNumber, ChildKeys.of(child.get(), blind).keys());
    List<Found> found = find(caseNumber, child.get());
    var now = ClockUtil.getCurrentTime().toInstant();
    found.forEach(f -> matches.record(caseNumber, f.caseNumber(), f.reasons(), now));
    matches.dropOthers(caseNumber, found.stream().map(Found::caseNumber).toList());
    return found;
  }

  /** The cases whose keys say they may be this child. */
  List<Found> find(String caseNumber, ChildKeys.Child child) {
    List<String> candidates = index.casesWith(ChildKeys.lookup(child, blind), caseNumber);
    Map<String, Map<String, Set<String>>> keys = index.keysOf(candidates);
    List<Found> found = new ArrayList<>();
    for (String candidate : candidates) {
      Resemblance.judge(child, keys.getOrDefault(candidate, Map.of()), blind)
          .ifPresent(reasons -> found.add(new Found(candidate, reasons)));
    }
    found.sort(java.util.Comparator.comparing(Found::caseNumber));
    return found;
  }

  private Optional<ChildKeys.Child> childOf(String caseNumber) {
    Optional<IdentityFacts.Facts> facts = identities.of(caseNumber);
    Optional<CaseFile> file = files.find(caseNumber);
    if (facts.isEmpty() || file.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(child(facts.get(), file.get()));
  }

  /**
   * The child as the index sees it. Without a recorded birth year, the year of the report less
   * the age given at it: a year out at most, which the look-up allows for.
   */
  static ChildKeys.Child child(IdentityFacts.Facts facts, CaseFile file) {
    Integer birthYear = facts.birthYear();
    if (birthYear == null && file.reportedAt() != null) {
      birthYear = file.reportedAt().atZone(PAKISTAN).getYear() - file.child().ageYears();
    }
    return new ChildKeys.Child(file.child().sex(), NameKeys.of(facts.name()),
        facts.parents().stream().map(NameKeys::of).toList(), birthYear,
        NameKeys.bForm(facts.bFormNumber()));
  }
}
