/* Where the pages link to one another. */

/** The case record page of a case, which decides for itself who may read it. */
export function caseRecordHref(caseNumber) {
  return '/case/?number=' + encodeURIComponent(caseNumber);
}
