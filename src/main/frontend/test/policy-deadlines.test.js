import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineOf, humanDuration, humanStart } from '../policy/deadlines.js';

function element(properties) {
  return {
    extensionElements: {
      values: [{ $type: 'camunda:Properties', values: Object.entries(properties).map(([name, value]) => ({ name, value })) }]
    }
  };
}

test('a deadline the model declares is read from its properties (R-COURT-24H)', () => {
  assert.deepEqual(deadlineOf(element({ 'sla.rule': 'R-COURT-24H', 'sla.target': 'PT24H', 'sla.kind': 'statute' })),
    { rule: 'R-COURT-24H', target: 'PT24H', warning: '', start: '', kind: 'statute' });
});

test('a deadline that does not say its kind counts as statutory, the stricter kind', () => {
  assert.equal(deadlineOf(element({ 'sla.rule': 'R-X', 'sla.kind': 'Policy' })).kind, 'statute');
  assert.equal(deadlineOf(element({ 'sla.rule': 'R-X', 'sla.kind': 'policy' })).kind, 'policy');
});

test('an element without a rule has no deadline', () => {
  assert.equal(deadlineOf(element({ 'sla.target': 'PT24H' })), null);
  assert.equal(deadlineOf({}), null);
  assert.equal(deadlineOf(null), null);
});

test('durations in words; anything else as written', () => {
  assert.equal(humanDuration('PT24H'), '24 hours');
  assert.equal(humanDuration('P4M'), '4 months');
  assert.equal(humanDuration('P1DT1H30M'), '1 day 1 hour 30 minutes');
  assert.equal(humanDuration('PT0H'), 'PT0H');
  assert.equal(humanDuration('P'), 'P');
  assert.equal(humanDuration('PT'), 'PT');
  assert.equal(humanDuration('24 hours'), '24 hours');
  assert.equal(humanDuration(undefined), '');
});

test('where a clock starts, in words', () => {
  assert.equal(humanStart(''), 'when this step starts');
  assert.equal(humanStart('activity'), 'when this step starts');
  assert.equal(humanStart('process'), 'from process');
});
