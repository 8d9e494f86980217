import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDay, formatDuration, formatTime, pakistanDateTime, pakistanDayEnd, pakistanDayStart, parseInstant, periodText }
  from '../shared/time.js';

test('an instant is shown in Pakistan time whatever the zone it was written in', () => {
  assert.equal(formatTime('2026-11-20T09:05:00Z'), '20/11/2026, 14:05 PKT');
  assert.equal(formatTime('2026-11-20T12:05:00+08:00'), '20/11/2026, 09:05 PKT');
  assert.equal(formatTime('2026-11-20T23:30:00Z'), '21/11/2026, 04:30 PKT', 'late evening UTC is the next day in Pakistan');
});

test('a missing time is a dash and an unreadable one is shown as written', () => {
  assert.equal(formatTime(null), '—');
  assert.equal(formatTime(''), '—');
  assert.equal(formatTime('next Tuesday'), 'next Tuesday');
  assert.equal(parseInstant('next Tuesday'), null);
  assert.equal(parseInstant(undefined), null);
});

test('a table column headed PKT shows the time without the zone', () => {
  assert.equal(pakistanDateTime(new Date('2026-01-05T00:00:00Z')), '05/01/2026, 05:00');
});

test('a calendar day is shown as written, never shifted by a zone', () => {
  assert.equal(formatDay('2026-11-20'), '20 Nov');
  assert.equal(formatDay('2026-01-01'), '01 Jan');
  assert.equal(formatDay('not a day'), 'not a day');
});

test('a Pakistan day begins at 19:00 UTC the day before and ends at the next day\'s start', () => {
  assert.equal(pakistanDayStart('2026-11-20').toISOString(), '2026-11-19T19:00:00.000Z');
  assert.equal(pakistanDayEnd('2026-11-30').toISOString(), '2026-11-30T19:00:00.000Z');
  assert.equal(pakistanDayEnd('2026-12-31').toISOString(), '2026-12-31T19:00:00.000Z');
});

test('a period ending at midnight shows the last day it covers', () => {
  assert.equal(periodText('2026-11-01T19:00:00Z', '2026-11-30T19:00:00Z', 'fallback'),
    'From 02/11/2026 to 30/11/2026 (Pakistan time).');
  assert.equal(periodText(null, '2026-11-30T19:00:00Z', 'The last 90 days.'), 'The last 90 days.');
  assert.equal(periodText('garbage', 'garbage', 'The last 30 days.'), 'The last 30 days.');
});

test('a duration is rounded to what a reader needs', () => {
  const minute = 60000;
  assert.equal(formatDuration(-5 * minute), '0 min', 'never negative');
  assert.equal(formatDuration(29 * 1000), '0 min');
  assert.equal(formatDuration(45 * minute), '45 min');
  assert.equal(formatDuration(60 * minute), '1 h');
  assert.equal(formatDuration(200 * minute), '3 h 20 min');
  assert.equal(formatDuration(47 * 60 * minute), '47 h', 'under two days in hours');
  assert.equal(formatDuration(48 * 60 * minute), '2 d');
  assert.equal(formatDuration((4 * 24 + 2) * 60 * minute + 10 * minute), '4 d 2 h');
});
