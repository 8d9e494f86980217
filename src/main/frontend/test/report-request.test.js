import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pakistanTime, refusalLines, reportBody } from '../report/request.js';

/** A form's values as FormData gives them. */
function values(entries) {
  return {
    get: (name) => (entries.find(([key]) => key === name) || [])[1] ?? null,
    getAll: (name) => entries.filter(([key]) => key === name).map(([, value]) => value)
  };
}

test('a time typed into the form is Pakistan time', () => {
  assert.equal(pakistanTime('2026-12-04T10:30'), '2026-12-04T10:30:00+05:00');
  assert.equal(pakistanTime(''), null);
});

test('a girl taken into custody is reported with her custody time and every offence ticked', () => {
  const body = reportBody(values([
    ['province', 'PB'], ['district', ' Lahore '], ['reportedAt', '2026-12-04T10:30'],
    ['source', 'HELPLINE_1098'], ['sex', 'F'], ['ageYears', '14'], ['ageEstimated', 'no'],
    ['ageDisputed', 'no'], ['nationality', 'pk'], ['residence', 'URBAN'],
    ['offenceTypes', 'TRAFFICKING'], ['offenceTypes', 'SEXUAL_ABUSE'],
    ['inCustody', 'yes'], ['custodyTakenAt', '2026-12-04T09:00']]));

  assert.deepEqual(body, {
    province: 'PB', district: 'Lahore', reportedAt: '2026-12-04T10:30:00+05:00',
    source: 'HELPLINE_1098',
    child: { sex: 'F', ageYears: 14, ageEstimated: false, ageDisputed: false, nationality: 'PK',
      residence: 'URBAN' },
    offenceTypes: ['TRAFFICKING', 'SEXUAL_ABUSE'],
    custody: { takenAt: '2026-12-04T09:00:00+05:00' }
  });
});

test('a child not in custody is reported without a custody', () => {
  const body = reportBody(values([['sex', 'M'], ['ageYears', '']]));
  assert.equal(body.custody, undefined);
  assert.equal(body.child.ageYears, null);
});

test('a refusal names each field in the form\'s words', () => {
  const error = { body: { errors: [{ field: 'offenceTypes[0]', message: 'must be one of ...' },
    { field: 'child.ageYears', message: 'must be under 18' }] } };
  assert.deepEqual(refusalLines(error, { offenceTypes: 'Offences', 'child.ageYears': 'Age' }),
    ['Offences: must be one of ...', 'Age: must be under 18']);
  assert.deepEqual(refusalLines({ detail: 'Not your area' }, {}), ['Not your area']);
});
