package pk.hifazat.notes;

import java.time.Instant;

/** One note as written: who signed it, when, and the note it corrects, if any. */
record CaseNote(String id, String caseNumber, Instant writtenAt, String writtenBy, String text,
    String corrects) {}
