package pk.hifazat.notes;

/** A note was written on a case (its id, and the note it corrects; never its text). */
public record CaseNoteWritten(String caseNumber, String noteId, String corrects,
    String writtenBy) {}
