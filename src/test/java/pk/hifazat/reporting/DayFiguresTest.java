package pk.hifazat.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pk.hifazat.HifazatTest;
import pk.hifazat.area.CaseMoved;

/**
 * The country's and the provinces' bottleneck figures read from days added up are the figures
 * their facts give, whichever days are added up, after a fact of an added-up day changes and
 * after a case moves province (R-TRANSFER).
 */
@HifazatTest
class DayFiguresTest {

  @Autowired JdbcClient jdbc;
  @Autowired TaskFactDays days;
  @Autowired TaskFactsMove moves;
  @Autowired JdbcTemplate batch;
  @Autowired TransactionTemplate transaction;
  @Autowired ReportingSettings settings;

  private DayFiguresScenario scenario;

  @AfterEach
  void removeFacts() {
    if (scenario != null) {
      scenario.remove();
    }
  }

  @Test
  void theCountrysFiguresFromAddedUpDaysAreTheFiguresOfTheirFacts() {
    scenario = new DayFiguresScenario(jdbc, days, List.of(new BottleneckQueries(jdbc, days, false),
        new BottleneckQueries(jdbc, days, true)));
    play(scenario, moves);
  }

  @Test
  void aDayAddedUpByOneNodeIsMadeStaleByAFactWrittenOnAnother() {
    scenario = new DayFiguresScenario(jdbc, days, List.of(new BottleneckQueries(jdbc, days, true)));
    TaskFactDays otherNode = new TaskFactDays(jdbc, batch, transaction, settings);
    scenario.record();
    // The other node has written facts before any day was added up, and adds up none itself.
    otherNode.changed(List.of(Instant.now()));
    assertThat(scenario.addUpDays()).isGreaterThanOrEqualTo(60);

    scenario.writeIntoAnAddedUpDay(otherNode);
    var afterWrite = scenario.answers();
    scenario.makeEveryDayStale();
    scenario.answersAre(afterWrite, "written on another node, read from the facts");
  }

  @Test
  void aDayIsAddedUpOnlyByARunAfterTheOneThatMadeItsRow() {
    scenario = new DayFiguresScenario(jdbc, days, List.of(new BottleneckQueries(jdbc, days, true)));
    scenario.record();

    // A writer that found no row for its day has committed by the next run.
    assertThat(scenario.addUpDaysOnce()).isZero();
    assertThat(scenario.readsAddedUpDays()).isFalse();
    assertThat(scenario.addUpDaysOnce()).isGreaterThanOrEqualTo(60);
    assertThat(scenario.readsAddedUpDays()).isTrue();
  }

  /** The whole scenario, on whichever database the queries read. */
  static void play(DayFiguresScenario scenario, TaskFactsMove moves) {
    scenario.record();
    assertThat(scenario.readsAddedUpDays()).isFalse();
    var fromFacts = scenario.answers();
    scenario.answersAre(fromFacts, "facts alone");

    assertThat(scenario.addUpDays()).isGreaterThanOrEqualTo(60);
    assertThat(scenario.readsAddedUpDays()).isTrue();
    scenario.answersAre(fromFacts, "days added up");
    assertThat(scenario.addUpDays()).as("nothing left to add up").isZero();

    scenario.writeIntoAnAddedUpDay();
    var afterWrite = scenario.answers();
    assertThat(afterWrite).isNotEqualTo(fromFacts);
    scenario.makeEveryDayStale();
    scenario.answersAre(afterWrite, "a day stale after a write, read from the facts");
    assertThat(scenario.addUpDays()).isGreaterThanOrEqualTo(60);
    scenario.answersAre(afterWrite, "added up again after a write");

    scenario.moveACaseToSindh(caseNumber -> moves.on(new CaseMoved(caseNumber, "FEMALE", "PB",
        "Day-Figures-0", "SD", "Day-Figures-1", Instant.now())));
    var afterMove = scenario.answers();
    scenario.makeEveryDayStale();
    scenario.answersAre(afterMove, "a case moved, read from the facts");
    assertThat(scenario.addUpDays()).isGreaterThanOrEqualTo(60);
    scenario.answersAre(afterMove, "added up again after a move");
  }
}
