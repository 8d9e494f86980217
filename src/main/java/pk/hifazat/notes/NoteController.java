package pk.hifazat.notes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import pk.hifazat.casefile.CaseAccess;
import pk.hifazat.identity.RecordedNames;
import pk.hifazat.support.InvalidQueryException;
import pk.hifazat.support.NotFoundException;

/**
 * {@code /api/cases/{caseNumber}/notes}: write a note (POST), read the notes (GET). There is no
 * door to change or delete one (PUT, PATCH and DELETE are answered 405): a correction is a new
 * note whose {@code corrects} names the old one. For the case's own officers and supervisors.
 */
@RestController
class NoteController {

  static final String NAME_WARNING = "The note seems to name the child or a parent recorded in"
      + " the case. Notes carry no names (R-NO-DISCLOSURE): write a correction without it.";

  /** A note to write: its text, and the note it corrects if it is a correction. */
  record NewNote(@NotBlank @Size(max = 4000) String text,
      @Pattern(regexp = "[0-9a-f-]{36}") String corrects) {}

  /** A note as read, with the notes that correct it. */
  record NoteView(String id, Instant writtenAt, String writtenBy, String text, String corrects,
      List<String> correctedBy) {}

  /** A note just written, and what the writer should know about it. */
  record WrittenNote(NoteView note, List<String> warnings) {}

  private final CaseAccess access;
  private final CaseNoteRepository notes;
  private final RecordedNames names;
  private final ApplicationEventPublisher events;

  NoteController(CaseAccess access, CaseNoteRepository notes, RecordedNames names,
      ApplicationEventPublisher events) {
    this.access = access;
    this.notes = notes;
    this.names = names;
    this.events = events;
  }

  @PostMapping(path = "/api/cases/{caseNumber}/notes", consumes = "application/json")
  @Transactional
  ResponseEntity<WrittenNote> write(@PathVariable String caseNumber,
      @Valid @RequestBody NewNote request, Authentication user) {
    access.identityReadable(caseNumber, user);
    if (request.corrects() != null && notes.find(caseNumber, request.corrects()).isEmpty()) {
      throw new InvalidQueryException("corrects", "is not a note of this case");
    }
    CaseNote note = new CaseNote(UUID.randomUUID().toString(), caseNumber,
        ClockUtil.getCurrentTime().toInstant(), user.getName(), request.text(),
        request.corrects());
    notes.insert(note);
    events.publishEvent(new CaseNoteWritten(caseNumber, note.id(), note.corrects(),
        user.getName()));
    List<String> warnings = names.mentionedIn(caseNumber, request.text())
        ? List.of(NAME_WARNING) : List.of();
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/notes/" + note.id()))
        .body(new WrittenNote(view(note, List.of()), warnings));
  }

  @GetMapping("/api/cases/{caseNumber}/notes")
  List<NoteView> list(@PathVariable String caseNumber, Authentication user) {
    access.identityReadable(caseNumber, user);
    List<CaseNote> all = notes.ofCase(caseNumber);
    return all.stream().map(note -> view(note, all)).toList();
  }

  @GetMapping("/api/cases/{caseNumber}/notes/{id}")
  NoteView read(@PathVariable String caseNumber, @PathVariable String id, Authentication user) {
    access.identityReadable(caseNumber, user);
    List<CaseNote> all = notes.ofCase(caseNumber);
    return all.stream().filter(note -> note.id().equals(id)).findFirst()
        .map(note -> view(note, all))
        .orElseThrow(() -> new NotFoundException("No note " + id + " in case " + caseNumber));
  }

  private static NoteView view(CaseNote note, List<CaseNote> all) {
    return new NoteView(note.id(), note.writtenAt(), note.writtenBy(), note.text(),
        note.corrects(), all.stream().filter(other -> note.id().equals(other.corrects()))
            .map(CaseNote::id).toList());
  }
}
