import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseRecordHref } from '../shared/links.js';

test('a case number links to its record page, not to the raw case API', () => {
  assert.equal(caseRecordHref('PB-2026-000123'), '/case/?number=PB-2026-000123');
});

test('a case number is encoded in the link, so it cannot add parameters of its own', () => {
  assert.equal(caseRecordHref('PB-2026-1&x=<y>'), '/case/?number=PB-2026-1%26x%3D%3Cy%3E');
});
