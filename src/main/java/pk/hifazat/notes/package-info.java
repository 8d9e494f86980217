/**
 * Case notes: written by the case's officers and supervisors between tasks, dated and signed by
 * the user, kept apart from the process variables and never changed; a correction is a new note
 * that names the one it corrects. A note that seems to name the child or a parent is saved with
 * a warning (R-NO-DISCLOSURE). A closed case's notes are erased when their retention period
 * ends. Owns the table {@code case_note}; publishes {@code CaseNoteWritten}.
 */
@ApplicationModule(displayName = "Case notes", allowedDependencies = {"casefile", "identity", "support"})
package pk.hifazat.notes;

import org.springframework.modulith.ApplicationModule;
