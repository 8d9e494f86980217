package pk.hifazat.documents;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import pk.hifazat.casefile.CaseAccess;
import pk.hifazat.documents.CaseDocumentRepository.StoredDocument;
import pk.hifazat.identity.CaseKeys;
import pk.hifazat.identity.SealBroken;
import pk.hifazat.support.NotFoundException;
import pk.hifazat.support.SupportSettings;

/**
 * {@code /api/cases/{caseNumber}/documents}: attach a typed document (multipart: {@code type},
 * {@code file}), list the case's documents, read one. Only those who may read the child's
 * identity may do any of it (R-NO-DISCLOSURE); each read is audited.
 */
@RestController
class DocumentController {

  /** A document as listed: what it is, never what it says. */
  record DocumentView(String id, DocumentType type, String mediaType, long size,
      Instant uploadedAt, String uploadedBy) {

    static DocumentView of(StoredDocument document) {
      return new DocumentView(document.id(), document.type(), document.mediaType(),
          document.size(), document.uploadedAt(), document.uploadedBy());
    }
  }

  private final CaseAccess access;
  private final CaseDocumentRepository documents;
  private final CaseKeys keys;
  private final ApplicationEventPublisher events;
  private final long maxBytes;

  DocumentController(CaseAccess access, CaseDocumentRepository documents, CaseKeys keys,
      ApplicationEventPublisher events, SupportSettings settings) {
    this.access = access;
    this.documents = documents;
    this.keys = keys;
    this.events = events;
    this.maxBytes = settings.limits().files().toBytes();
  }

  @PostMapping(path = "/api/cases/{caseNumber}/documents", consumes = "multipart/form-data")
  @Transactional
  ResponseEntity<DocumentView> attach(@PathVariable String caseNumber,
      @RequestParam("type") DocumentType type, @RequestPart("file") MultipartFile file,
      Authentication user) throws IOException {
    access.identityReadable(caseNumber, user);
    if (file.isEmpty()) {
      throw new DocumentRefused("file", "is empty");
    }
    if (file.getSize() > maxBytes) {
      throw new DocumentRefused(HttpStatus.PAYLOAD_TOO_LARGE, "file",
          "is larger than the limit of " + maxBytes / 1024 + " KB");
    }
    byte[] content = file.getBytes();
    FileKind kind = FileKind.of(content).orElseThrow(
        () -> new DocumentRefused("file", "is not a whole PDF, JPEG or PNG file"));
    if (kind == FileKind.PDF) {
      ActivePdfContent.find(content).ifPresent(found -> {
        throw new DocumentRefused("file", "is a PDF carrying active content (" + found
            + "): print it to a plain PDF or scan it, and attach that");
      });
    }
    checkName(file.getOriginalFilename(), kind);
    checkDeclaredType(file.getContentType(), kind);

    StoredDocument document = new StoredDocument(UUID.randomUUID().toString(), caseNumber, type,
        kind.mediaType(), content.length, ClockUtil.getCurrentTime().toInstant(), user.getName());
    documents.insert(document, keys.encrypt(caseNumber, purpose(document.id()), content));
    events.publishEvent(new CaseDocumentAttached(caseNumber, document.id(), type.name(),
        user.getName()));
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/documents/"
        + document.id())).body(DocumentView.of(document));
  }

  @GetMapping("/api/cases/{caseNumber}/documents")
  List<DocumentView> list(@PathVariable String caseNumber, Authentication user) {
    access.identityReadable(caseNumber, user);
    return documents.ofCase(caseNumber).stream().map(DocumentView::of).toList();
  }

  @GetMapping("/api/cases/{caseNumber}/documents/{id}")
  @Transactional
  ResponseEntity<byte[]> read(@PathVariable String caseNumber, @PathVariable String id,
      Authentication user) {
    access.identityReadable(caseNumber, user);
    StoredDocument document = documents.find(caseNumber, id)
        .orElseThrow(() -> new NotFoundException("No document " + id + " in case " + caseNumber));
    byte[] sealed = documents.content(caseNumber, id).orElseThrow();
    byte[] content;
    try {
      content = keys.decrypt(caseNumber, purpose(id), sealed);
    } catch (SealBroken broken) {
      throw new DocumentUnreadable(caseNumber, id, broken);
    }
    events.publishEvent(new CaseDocumentRead(caseNumber, id, document.type().name(),
        user.getName()));
    String name = document.type().name().toLowerCase(Locale.ROOT) + "-" + id + "."
        + kindOf(document).extension();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(content);
  }

  private static FileKind kindOf(StoredDocument document) {
    for (FileKind kind : FileKind.values()) {
      if (kind.mediaType().equals(document.mediaType())) {
        return kind;
      }
    }
    throw new IllegalStateException("Unknown media type " + document.mediaType());
  }

  /** The name's extension must say what the content is (the name itself is not kept). */
  private static void checkName(String name, FileKind kind) {
    String extension = name == null || name.lastIndexOf('.') < 0 ? ""
        : name.substring(name.lastIndexOf('.') + 1).strip();
    if (!kind.hasExtension(extension)) {
      throw new DocumentRefused("file", "name's extension does not match its content ("
          + kind.name() + ")");
    }
  }

  /** A declared media type other than the generic one must say what the content is. */
  private static void checkDeclaredType(String declared, FileKind kind) {
    if (declared == null) {
      return;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(declared);
    } catch (IllegalArgumentException e) {
      throw new DocumentRefused("file", "has an unreadable content type");
    }
    if (!type.equalsTypeAndSubtype(MediaType.APPLICATION_OCTET_STREAM)
        && !type.equalsTypeAndSubtype(MediaType.parseMediaType(kind.mediaType()))) {
      throw new DocumentRefused("file", "content type does not match its content ("
          + kind.name() + ")");
    }
  }

  private static String purpose(String documentId) {
    return "document/" + documentId;
  }
}
