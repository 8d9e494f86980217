package pk.hifazat.notes;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notes by case. Insert and read only: there is no statement here, or anywhere in the
 * application, that changes or deletes a note, but for the erasure of a closed case's notes
 * when their retention period ends (CaseNotesTest reads the sources to keep it so).
 */
@Repository
class CaseNoteRepository {

  private final JdbcClient jdbc;

  CaseNoteRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(CaseNote note) {
    jdbc.sql("""
            insert into case_note (id, case_number, written_at, written_by, body, corrects)
            values (?, ?, ?, ?, ?, ?)""")
        .params(note.id(), note.caseNumber(), toColumn(note.writtenAt()), note.writtenBy(),
            note.text(), note.corrects())
        .update();
  }

  List<CaseNote> ofCase(String caseNumber) {
    return jdbc.sql("select * from case_note where case_number = ? order by written_at, id")
        .param(caseNumber)
        .query((rs, row) -> new CaseNote(rs.getString("id"), rs.getString("case_number"),
            fromColumn(rs, "written_at"), rs.getString("written_by"), rs.getString("body"),
            rs.getString("corrects")))
        .list();
  }

  Optional<CaseNote> find(String caseNumber, String id) {
    return ofCase(caseNumber).stream().filter(note -> note.id().equals(id)).findFirst();
  }
}
