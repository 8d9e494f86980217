import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeLabel } from '../policy/changes.js';

test('each kind of change the server sends reads as a word', () => {
  assert.deepEqual(
    ['ADDED', 'REMOVED', 'CHANGED', 'RENAMED', 'TYPE_CHANGED'].map(changeLabel),
    ['Added', 'Removed', 'Changed', 'Renamed', 'Type changed']);
});

test('a kind this page does not know yet reads as sent, and nothing reads as nothing', () => {
  assert.equal(changeLabel('MOVED'), 'MOVED');
  assert.equal(changeLabel(undefined), '');
  assert.equal(changeLabel(null), '');
});
