package pk.hifazat.retention;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pk.hifazat.documents.CaseDocumentAttached;
import pk.hifazat.identity.ChildIdentityWritten;
import pk.hifazat.notes.CaseNoteWritten;
import pk.hifazat.retention.RetentionPolicy.RecordKind;

/**
 * A record written after its kind was erased (a paper attached to a reopened case, an identity
 * recorded again) falls under the policy again: its kind's erasure of the case is forgotten, in
 * the writer's transaction, so the sweep erases it in its turn. Nothing escapes the policy
 * because an earlier erasure happened.
 */
@Component
class RecordsKeptAgain {

  private final JdbcClient jdbc;

  RecordsKeptAgain(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(CaseDocumentAttached attached) {
    keptAgain(attached.caseNumber(), RecordKind.DOCUMENTS);
  }

  @EventListener
  void on(ChildIdentityWritten written) {
    keptAgain(written.caseNumber(), RecordKind.IDENTITY);
  }

  @EventListener
  void on(CaseNoteWritten written) {
    keptAgain(written.caseNumber(), RecordKind.NOTES);
  }

  private void keptAgain(String caseNumber, RecordKind kind) {
    jdbc.sql("delete from case_erasure where case_number = ? and kind = ?")
        .params(caseNumber, kind.name()).update();
  }
}
