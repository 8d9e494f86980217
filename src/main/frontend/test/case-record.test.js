import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineWords, timeline } from '../case/record.js';

test('a missed deadline says so in words, in English and Urdu', () => {
  assert.equal(deadlineWords('BREACHED'), 'Missed / وقت گزر گیا');
  assert.equal(deadlineWords('MET'), 'Met / وقت پر');
  assert.equal(deadlineWords('SOMETHING_NEW'), 'SOMETHING_NEW');
});

test('the timeline runs from the report to the latest event, oldest first', () => {
  const events = timeline({
    reportedAt: '2026-12-04T10:00:00+05:00', source: 'HELPLINE_1098',
    custodyTakenAt: '2026-12-04T08:00:00+05:00',
    stage: 'COURT_PRODUCTION', stageEnteredAt: '2026-12-04T10:01:00+05:00',
    tasks: [{ name: 'Produce the child before the court', created: '2026-12-04T10:02:00+05:00' }],
    deadlines: [{ rule: 'R-COURT-24H', startedAt: '2026-12-04T08:00:00+05:00',
      breachedAt: '2026-12-05T08:00:00+05:00' }]
  });
  assert.deepEqual(events.map((event) => event.text), [
    'Taken into protective custody / حفاظتی تحویل',
    'R-COURT-24H started / شروع',
    'Reported / رپورٹ موصول (HELPLINE_1098)',
    'Stage / مرحلہ: COURT_PRODUCTION',
    'Task opened / کام شروع: Produce the child before the court',
    'R-COURT-24H missed / وقت گزر گیا'
  ]);
});
