package pk.hifazat.checks;

/**
 * What a new version does to an element, a deadline or a definition: one word for the diff of a
 * pathway change and for what a migration would change for running cases, as the policy page
 * shows them.
 */
public enum ChangeKind {
  ADDED,
  REMOVED,
  CHANGED,
  /** Its label changed; the id, which running cases follow, stayed. */
  RENAMED,
  /** Its BPMN type changed: a user task now a service task, say. */
  TYPE_CHANGED
}
