/*
 * The officer's report form as the body of POST /api/cases: the same fields and values the API
 * validates, times written in Pakistan time (+05:00), nothing that names the child
 * (R-NO-DISCLOSURE).
 */

/** "2026-12-04T10:30" from a datetime-local field, as Pakistan time: "2026-12-04T10:30:00+05:00". */
export function pakistanTime(local) {
  if (!local) {
    return null;
  }
  const text = local.length === 16 ? local + ':00' : local;
  return text + '+05:00';
}

/** The request body from the form's values (a FormData-like object with get and getAll). */
export function reportBody(values) {
  const age = values.get('ageYears');
  const body = {
    province: values.get('province') || null,
    district: (values.get('district') || '').trim() || null,
    reportedAt: pakistanTime(values.get('reportedAt')),
    source: values.get('source') || null,
    child: {
      sex: values.get('sex') || null,
      ageYears: age === null || age === '' ? null : Number(age),
      ageEstimated: values.get('ageEstimated') === 'yes',
      ageDisputed: values.get('ageDisputed') === 'yes',
      nationality: (values.get('nationality') || '').trim().toUpperCase() || null,
      residence: values.get('residence') || null
    },
    offenceTypes: values.getAll('offenceTypes')
  };
  if (values.get('inCustody') === 'yes') {
    body.custody = { takenAt: pakistanTime(values.get('custodyTakenAt')) };
  }
  return body;
}

/** The API's refusal as lines naming the form's fields in words. */
export function refusalLines(error, labels) {
  const lines = (error.body && Array.isArray(error.body.errors)) ? error.body.errors : [];
  if (!lines.length) {
    return [error.detail || error.message];
  }
  return lines.map((line) => {
    const field = String(line.field || '');
    const name = labels[field] || labels[field.replace(/\[\d+\]$/, '')] || field;
    return name + ': ' + line.message;
  });
}
