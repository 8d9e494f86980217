import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  annexUrl, cellText, chartData, tableUrl, timesRows, timesUrl
} from '../statistics/shape.js';

test('a table address carries only the filters chosen', () => {
  assert.equal(tableUrl('reported-cases', { rows: 'offence_type', columns: 'sex', from: '',
    to: '2025-12-31', period: 'year', province: '', district: '' }, 'csv'),
  '/api/statistics/tables/reported-cases.csv?rows=offence_type&columns=sex&to=2025-12-31&period=year');
});

test('the annex covers three years from the first', () => {
  assert.equal(annexUrl({ annexFrom: '2022', province: 'PB' }, 'pdf'),
    '/api/statistics/annex.pdf?from=2022&to=2024&province=PB');
});

test('a suppressed cell shows x, never a number', () => {
  assert.equal(cellText({ value: null, suppressed: true }, 'cases'), 'x');
  assert.equal(cellText({ value: 0.5, suppressed: false }, 'share'), '50.0%');
  assert.equal(cellText({ value: null, suppressed: false }, 'share'), '–');
});

test('a suppressed cell has no bar in the chart', () => {
  const data = chartData({
    rows: { categories: ['Trafficking'] },
    columns: { categories: ['Girls', 'Boys'] },
    cells: [[{ value: 12, suppressed: false }, { value: null, suppressed: true }]]
  });
  assert.deepEqual(data.labels, ['Trafficking']);
  assert.deepEqual(data.series.map((s) => s.data), [[12], [null]]);
});

test('the times of a step are asked by the rows chosen, never by columns', () => {
  assert.equal(timesUrl('children-produced', { rows: 'province', columns: 'sex', from: '',
    to: '2025-12-31', period: 'year', province: 'PB', district: '' }),
  '/api/statistics/times/children-produced?rows=province&to=2025-12-31&period=year&province=PB');
});

test('a group too small to show reads x in every column; the total comes last', () => {
  const rows = timesRows({
    rows: [
      { category: 'Girls', children: 12, suppressed: false, medianDays: 0.45, p90Days: 2 },
      { category: 'Boys', children: null, suppressed: true, medianDays: null, p90Days: null }
    ],
    total: { category: 'All', children: 15, suppressed: false, medianDays: 0.5, p90Days: 2.25 }
  });
  assert.deepEqual(rows, [
    ['Girls', '12', '0.5', '2.0'],
    ['Boys', 'x', 'x', 'x'],
    ['All', '15', '0.5', '2.3']
  ]);
});
