import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  pageTexts, pickLanguage, translate, untranslated
} from '../shared/language.js';
import { DASHBOARD_URDU } from '../dashboard/urdu.js';
import { POLICY_URDU } from '../policy/urdu.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const page = (name) => readFileSync(
  path.resolve(here, '../../resources/static', name, 'index.html'), 'utf8');

test('every text of the dashboard has its Urdu', () => {
  const texts = pageTexts(page('dashboard'));
  assert.ok(texts.length > 60, 'the dashboard shows ' + texts.length + ' texts');
  assert.deepEqual(untranslated(texts, DASHBOARD_URDU), []);
});

test('every text of the policy page has its Urdu', () => {
  const texts = pageTexts(page('policy'));
  assert.ok(texts.length > 40, 'the policy page shows ' + texts.length + ' texts');
  assert.deepEqual(untranslated(texts, POLICY_URDU), []);
});

test('a text with no Urdu is found, whole or in part', () => {
  assert.deepEqual(untranslated(['Apply', 'Launch the rocket'], DASHBOARD_URDU),
    ['Launch the rocket']);
});

test('the stored choice wins over the browser, which decides otherwise', () => {
  assert.equal(pickLanguage('ur', ['en-GB']), 'ur');
  assert.equal(pickLanguage('en', ['ur-PK']), 'en');
  assert.equal(pickLanguage(null, ['ur-PK', 'en']), 'ur');
  assert.equal(pickLanguage(null, ['UR']), 'ur');
  assert.equal(pickLanguage('fr', ['en-US']), 'en');
  assert.equal(pickLanguage(null, undefined), 'en');
});

test('a text is looked up with its spaces and line breaks collapsed, and keeps a space around it', () => {
  assert.equal(translate('  Refresh\n     now ', DASHBOARD_URDU), ' ابھی تازہ کریں ');
  assert.equal(translate('Apply', DASHBOARD_URDU), 'لاگو کریں');
  assert.equal(translate('PB-2026-000001', DASHBOARD_URDU), null);
  assert.equal(translate('constructor', DASHBOARD_URDU), null);
});
