import { test } from 'node:test';
import assert from 'node:assert/strict';
import { areaText, isProvince, PROVINCES, provinceName } from '../shared/areas.js';

test('the seven provinces and territories by the codes the API uses', () => {
  assert.deepEqual(Object.keys(PROVINCES), ['PB', 'SD', 'KP', 'BA', 'ICT', 'GB', 'AJK']);
  assert.ok(Object.isFrozen(PROVINCES));
});

test('a province is named with its code; an unknown code is shown as written', () => {
  assert.equal(provinceName('PB'), 'Punjab (PB)');
  assert.equal(provinceName('AJK'), 'Azad Jammu and Kashmir (AJK)');
  assert.equal(provinceName('XX'), 'XX');
  assert.equal(provinceName(null), '');
});

test('only the provinces count as provinces, not names an object happens to have', () => {
  for (const code of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'pb', '', null, undefined]) {
    assert.equal(isProvince(code), false, String(code));
  }
  assert.equal(provinceName('toString'), 'toString');
});

test('each user sees their area in words', () => {
  assert.equal(areaText({ scope: 'NATIONAL' }), 'National (all provinces)');
  assert.equal(areaText({ scope: 'PROVINCE', province: 'PB' }), 'Punjab (PB)');
  assert.equal(areaText({ scope: 'DISTRICT', province: 'SD', district: 'Karachi' }), 'Karachi, Sindh (SD)');
  assert.equal(areaText({ scope: 'NONE' }), 'No area assigned');
  assert.equal(areaText(null), 'No area assigned');
});
