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
    'Stage / مرحلہ: Production before the court / عدالت میں پیشی',
    'Task opened / کام شروع: Produce the child before the court',
    'R-COURT-24H missed / وقت گزر گیا'
  ]);
});

import {
  CONSENT_WORDS, MATCH_WORDS, SHARING_WORDS, TRANSFER_WORDS, compensationSummary, factRows,
  referralWords,
  rupees, stageWords, stepWords, words
} from '../case/record.js';

test('the stage reads as the task cards name it, in English and Urdu', () => {
  assert.equal(stageWords('COURT_PRODUCTION'), 'Production before the court / عدالت میں پیشی');
  assert.equal(stageWords('SOMETHING_NEW'), 'SOMETHING_NEW');
  assert.equal(stageWords(null), '—');
});

test('a referral without an answer says so in words', () => {
  assert.equal(referralWords('SENT'), 'Sent, no answer yet / بھیجا گیا، جواب نہیں آیا');
  assert.equal(referralWords('DECLINED'), 'Declined / انکار کیا گیا');
});

test("the court's facts keep their order, with times in Pakistan time and yes/no in words", () => {
  const rows = factRows({
    custodyTakenAt: '2026-12-04T08:00:00Z', productionCourt: 'Guardian Judge, Lahore',
    magistrateCustodyGranted: false, courtAgeDecisionYears: 15
  }, (iso) => 'time ' + iso);
  assert.deepEqual(rows, [
    ['Taken into protective custody / حفاظتی تحویل کا وقت', 'time 2026-12-04T08:00:00Z'],
    ['Court of production / پیشی کی عدالت', 'Guardian Judge, Lahore'],
    ['Magistrate granted custody / مجسٹریٹ نے تحویل کی اجازت دی', 'No / نہیں'],
    ['Age decided by the court / عدالت کی طے کردہ عمر', '15']
  ]);
  assert.deepEqual(factRows(null, String), []);
});

test('compensation adds the payments up, and an appeal grant counts over the first decision', () => {
  assert.deepEqual(compensationSummary([
    { event: 'CLAIM_FILED', amount: 500000 },
    { event: 'DECISION', outcome: 'DENIED', amount: null },
    { event: 'APPEAL_DECISION', outcome: 'GRANTED', amount: '300000.00' },
    { event: 'PAYMENT', amount: 100000 },
    { event: 'PAYMENT', amount: 200000 }
  ]), { claimed: 500000, granted: 300000, paid: 300000 });
  assert.deepEqual(compensationSummary([]), { claimed: null, granted: null, paid: null });
});

test('amounts read in rupees, and steps in words', () => {
  assert.equal(rupees(300000), 'PKR 300,000');
  assert.equal(rupees(null), '—');
  assert.equal(stepWords('FIR_REGISTERED'), 'FIR registered / ایف آئی آر درج');
  assert.equal(stepWords('NEW_STEP'), 'NEW_STEP');
});

test('the jurisdiction a transfer changed reads in words, the law before it kept', () => {
  const rows = factRows({
    statute: 'Sindh Child Protection Authority Act 2011',
    previousStatute: 'Punjab Destitute and Neglected Children Act 2004',
    magistrateApplicationRequired: true,
    jurisdictionChangedAt: '2026-12-04T10:00:00Z'
  }, (time) => 'at ' + time);
  assert.deepEqual(rows[0], ['Law that applies / نافذ قانون',
    'Sindh Child Protection Authority Act 2011']);
  assert.equal(rows[1][0], 'Law that applied before the transfer / منتقلی سے پہلے نافذ قانون');
  assert.deepEqual(rows[2], ['Application to a magistrate required / مجسٹریٹ کو درخواست لازم',
    'Yes / ہاں']);
  assert.equal(rows[3][1], 'at 2026-12-04T10:00:00Z');
});

test('consent, sharing and transfer codes read in words; an unknown code reads as itself', () => {
  assert.equal(words(CONSENT_WORDS, 'WITHHELD'), 'Refused, referral withheld / انکار، ریفرل روک دیا گیا');
  assert.equal(words(SHARING_WORDS, 'LAW'), 'By law, without consent / قانون کے تحت، رضامندی کے بغیر');
  assert.equal(words(TRANSFER_WORDS, 'REPATRIATED'), 'Sent back to family / خاندان کے پاس واپس');
  assert.equal(words(TRANSFER_WORDS, 'SOMETHING_NEW'), 'SOMETHING_NEW');
  assert.equal(words(CONSENT_WORDS, null), '—');
});

test('a possible earlier case says what agreed and where it stands, in words', () => {
  assert.equal(words(MATCH_WORDS, 'PARENT'), "A parent's name / والدین میں سے ایک کا نام");
  assert.equal(words(MATCH_WORDS, 'CONFIRMED'), 'Confirmed: the same child / تصدیق شدہ: وہی بچہ');
});
