import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatHours, formatNumber, formatShare, plural, shorten } from '../shared/format.js';

test('one case, two cases', () => {
  assert.equal(plural(1, 'case', 'cases'), '1 case');
  assert.equal(plural(0, 'case', 'cases'), '0 cases');
  assert.equal(plural(2, 'running case', 'running cases'), '2 running cases');
});

test('a missing figure is a dash, never NaN', () => {
  for (const missing of [null, undefined, '', 'n/a', NaN]) {
    assert.equal(formatNumber(missing, 1), '—', String(missing));
    assert.equal(formatShare(missing), '—', String(missing));
    assert.equal(formatHours(missing), '—', String(missing));
  }
});

test('rates keep one decimal and shares are whole percentages', () => {
  assert.equal(formatNumber(2.345, 1), '2.3');
  assert.equal(formatNumber('4', 1), '4.0');
  assert.equal(formatNumber(0, 1), '0.0');
  assert.equal(formatShare(0.256), '26%');
  assert.equal(formatShare(0), '0%');
  assert.equal(formatShare(1), '100%');
});

test('waiting times in hours, whole hours from a hundred on', () => {
  assert.equal(formatHours(5400), '1.5 h');
  assert.equal(formatHours(0), '0.0 h');
  assert.equal(formatHours(99.94 * 3600), '99.9 h');
  assert.equal(formatHours(100.4 * 3600), '100 h');
  assert.equal(formatHours('7200'), '2.0 h');
});

test('a long chart label is cut with an ellipsis to the length asked', () => {
  assert.equal(shorten('Produce the child before the court', 10), 'Produce t…');
  assert.equal(shorten('Produce the child before the court', 10).length, 10);
  assert.equal(shorten('Short', 10), 'Short');
});
