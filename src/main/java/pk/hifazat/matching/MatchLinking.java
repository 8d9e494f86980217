package pk.hifazat.matching;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pk.hifazat.area.AreaGroups;
import pk.hifazat.area.RoutingVariables;
import pk.hifazat.casefile.CaseFile;
import pk.hifazat.casefile.CaseFiles;
import pk.hifazat.casefile.CaseVariables;
import pk.hifazat.support.ConflictException;
import pk.hifazat.support.EngineAsSystem;

/**
 * Linking two cases that may be the same child: the officer asks, the supervisor of the other
 * case's district answers in the {@code matchLinking} pathway, and a confirmed match makes the
 * earlier case the later one's previous case. A child found again in a case of trafficking or
 * sale is counted as trafficked again.
 */
@Service
class MatchLinking {

  private static final List<String> TRAFFICKING = List.of("TRAFFICKING", "SALE_OF_CHILD");

  private final PossibleMatches matches;
  private final CaseFiles files;
  private final RuntimeService runtime;
  private final EngineAsSystem system;
  private final ApplicationEventPublisher events;

  MatchLinking(PossibleMatches matches, CaseFiles files, RuntimeService runtime,
      EngineAsSystem system, ApplicationEventPublisher events) {
    this.matches = matches;
    this.files = files;
    this.runtime = runtime;
    this.system = system;
    this.events = events;
  }

  /**
   * Asks the other case's supervisors: a task on their own case, which names the asking district
   * and what agreed, never the asking case's identity.
   */
  @Transactional
  void request(PossibleMatches.Match match, String askingCase, String by) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (!matches.request(match.id(), by, now)) {
      throw new ConflictException("This possible match was already asked about ("
          + matches.find(match.id()).map(m -> m.status().name()).orElse("gone") + ")");
    }
    CaseFile asking = files.find(askingCase).orElseThrow();
    CaseFile other = files.find(match.otherThan(askingCase)).orElseThrow();
    Map<String, Object> variables = new HashMap<>();
    CaseVariables.CASE_NUMBER.put(variables, other.caseNumber());
    RoutingVariables.PROVINCE.put(variables, other.province());
    RoutingVariables.DISTRICT.put(variables, other.district());
    RoutingVariables.CHILD_SEX.put(variables, other.child().sex());
    RoutingVariables.SUPERVISORS_GROUP.put(variables,
        AreaGroups.supervisors(other.province(), other.district()));
    MatchingVariables.MATCH_ID.put(variables, match.id());
    MatchingVariables.REQUESTING_PROVINCE.put(variables, asking.province());
    MatchingVariables.REQUESTING_DISTRICT.put(variables, asking.district());
    MatchingVariables.MATCH_REASONS.put(variables, words(match.reasons()));
    // The application's own step: the officer asked through the API, which checked them.
    system.query(() -> runtime.startProcessInstanceByKey(MatchingVariables.PROCESS,
        other.caseNumber(), variables));
    events.publishEvent(new LinkRequested(askingCase, other.caseNumber(), match.id(), by));
  }

  /** The other district's supervisor says it is the same child: the cases are linked. */
  void confirm(String matchId, String by) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    PossibleMatches.Match match = matches.find(matchId).orElseThrow();
    if (!matches.decide(matchId, PossibleMatches.Status.CONFIRMED, by, now)) {
      throw new IllegalStateException("Match " + matchId + " is not waiting for an answer");
    }
    CaseFile a = files.find(match.caseNumber()).orElseThrow();
    CaseFile b = files.find(match.otherCaseNumber()).orElseThrow();
    boolean aFirst = a.reportedAt().isBefore(b.reportedAt())
        || (a.reportedAt().equals(b.reportedAt())
            && a.caseNumber().compareTo(b.caseNumber()) < 0);
    CaseFile earlier = aFirst ? a : b;
    CaseFile later = aFirst ? b : a;
    boolean reTrafficked = later.offenceTypes().stream().anyMatch(TRAFFICKING::contains);
    matches.link(new PossibleMatches.Link(later.caseNumber(), earlier.caseNumber(), matchId,
        reTrafficked, now), by);
    events.publishEvent(new SameChildFoundAgain(later.caseNumber(), earlier.caseNumber(),
        reTrafficked, by));
  }

  /** The other district's supervisor says it is not the same child: the match is closed. */
  void decline(String matchId, String by) {
    if (!matches.decide(matchId, PossibleMatches.Status.DECLINED, by,
        ClockUtil.getCurrentTime().toInstant())) {
      throw new IllegalStateException("Match " + matchId + " is not waiting for an answer");
    }
  }

  static String words(List<Resemblance.Reason> reasons) {
    return String.join(", ", reasons.stream().map(reason -> switch (reason) {
      case B_FORM -> "the same B-form number";
      case NAME -> "the same name";
      case BIRTH_YEAR -> "birth year within one year";
      case PARENT -> "a parent of the same name";
    }).toList());
  }
}
