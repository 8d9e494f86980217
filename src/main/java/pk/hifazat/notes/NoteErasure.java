package pk.hifazat.notes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets the notes of a closed case when their retention period ends. This is the one
 * statement that removes notes, and it removes all of a case's at once: no note is ever changed,
 * and none is removed through a door that users reach (CaseNotesTest keeps it so).
 */
@Component
public class NoteErasure {

  private final JdbcClient jdbc;

  NoteErasure(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Deletes every note of the case; answers how many there were. */
  public int eraseAll(String caseNumber) {
    // Corrections first: a note that a remaining note corrects waits for the next round.
    int erased = 0;
    int round;
    do {
      round = jdbc.sql("delete from case_note where case_number = ? and id not in"
              + " (select corrects from case_note where corrects is not null)")
          .param(caseNumber).update();
      erased += round;
    } while (round > 0);
    return erased;
  }
}
