package pk.hifazat.documents;

import static pk.hifazat.support.SqlTimes.fromColumn;
import static pk.hifazat.support.SqlTimes.toColumn;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Encrypted documents by case. */
@Repository
class CaseDocumentRepository {

  record StoredDocument(String id, String caseNumber, DocumentType type, String mediaType,
      long size, Instant uploadedAt, String uploadedBy) {}

  private final JdbcClient jdbc;

  CaseDocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StoredDocument document, byte[] ciphertext) {
    jdbc.sql("""
            insert into case_document (id, case_number, document_type, media_type, size_bytes,
              content, uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(document.id(), document.caseNumber(), document.type().name(),
            document.mediaType(), document.size(), ciphertext, toColumn(document.uploadedAt()),
            document.uploadedBy())
        .update();
  }

  List<StoredDocument> ofCase(String caseNumber) {
    return jdbc.sql("select * from case_document where case_number = ? order by uploaded_at, id")
        .param(caseNumber).query((rs, row) -> new StoredDocument(rs.getString("id"),
            rs.getString("case_number"), DocumentType.valueOf(rs.getString("document_type")),
            rs.getString("media_type"), rs.getLong("size_bytes"), fromColumn(rs, "uploaded_at"),
            rs.getString("uploaded_by")))
        .list();
  }

  Optional<StoredDocument> find(String caseNumber, String id) {
    return ofCase(caseNumber).stream().filter(document -> document.id().equals(id)).findFirst();
  }

  Optional<byte[]> content(String caseNumber, String id) {
    return jdbc.sql("select content from case_document where case_number = ? and id = ?")
        .params(caseNumber, id).query(byte[].class).optional();
  }

  int deleteAll(String caseNumber) {
    return jdbc.sql("delete from case_document where case_number = ?").param(caseNumber).update();
  }
}
