/*
 * The words of one vocabulary of change (the server's ChangeKind), the same on the diff of a
 * pathway change, the deployment history and a proposed migration.
 */
const CHANGE_LABEL = {
  ADDED: 'Added', REMOVED: 'Removed', CHANGED: 'Changed', RENAMED: 'Renamed', TYPE_CHANGED: 'Type changed'
};

/** How a kind of change reads on the page; a kind this page does not know reads as sent. */
export function changeLabel(kind) {
  return CHANGE_LABEL[kind] || kind || '';
}
