import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  activityCases, activityLabel, addressSearch, atRisk, bottleneckCells, bottleneckSeries, bottlenecksPeriod,
  breachDaySeries, breachedOpen, breachFigures, breachRuleSeries, clockArea, clockModel, clockRelative,
  filtersFrom, knownDistricts, ruleCases, uniqueCaseNumbers, valuesFromAddress, withArea, withAreaAndRange
} from '../dashboard/shape.js';

const NATIONAL = { user: 'admin', scope: 'NATIONAL' };
const PUNJAB = { user: 'manager.punjab', scope: 'PROVINCE', province: 'PB' };
const LAHORE = { user: 'supervisor.lahore', scope: 'DISTRICT', province: 'PB', district: 'Lahore' };
const FORM = { province: 'SD', district: '  Karachi ', from: '2026-11-01', to: '2026-11-30', groupBy: 'district' };

test('a national manager filters by province and district over whole Pakistan days', () => {
  const filters = filtersFrom(FORM, NATIONAL);
  assert.deepEqual(filters, {
    area: { province: 'SD', district: 'Karachi' },
    range: { from: '2026-10-31T19:00:00.000Z', to: '2026-11-30T19:00:00.000Z' },
    groupBy: 'district'
  });
});

test('a provincial manager never asks for another province', () => {
  assert.deepEqual(filtersFrom(FORM, PUNJAB).area, { district: 'Karachi' });
});

test('a district supervisor asks for neither province nor district: the server applies their own', () => {
  assert.deepEqual(filtersFrom(FORM, LAHORE).area, {});
});

test('before the user is known the filters are sent as chosen', () => {
  assert.deepEqual(filtersFrom(FORM, null).area, { province: 'SD', district: 'Karachi' });
});

test('a period whose start is after its end is refused with a message', () => {
  assert.deepEqual(filtersFrom({ ...FORM, from: '2026-12-01', to: '2026-11-30' }, NATIONAL),
    { error: '“From” must be on or before “To”.' });
  assert.ok(!filtersFrom({ ...FORM, from: '2026-11-30', to: '2026-11-30' }, NATIONAL).error, 'one day is a period');
});

test('no period and no grouping are left to the server', () => {
  const filters = filtersFrom({ province: '', district: '', from: '', to: '', groupBy: 'none' }, NATIONAL);
  assert.deepEqual(filters.range, { from: undefined, to: undefined });
  assert.equal(filters.groupBy, null);
});

test('the parameters of a call: the area, its own, then the period', () => {
  const filters = filtersFrom(FORM, NATIONAL);
  assert.deepEqual(Object.entries(withAreaAndRange(filters, { groupBy: 'district' })), [
    ['province', 'SD'], ['district', 'Karachi'], ['groupBy', 'district'],
    ['from', '2026-10-31T19:00:00.000Z'], ['to', '2026-11-30T19:00:00.000Z']
  ]);
  assert.deepEqual(withArea(filters, { status: 'AT_RISK', limit: 1000 }),
    { province: 'SD', district: 'Karachi', status: 'AT_RISK', limit: 1000 });
});

test('the address keeps the filters as days, without a district a supervisor cannot change', () => {
  assert.equal(addressSearch(FORM, NATIONAL), '?province=SD&district=Karachi&from=2026-11-01&to=2026-11-30&groupBy=district');
  assert.equal(addressSearch({ ...FORM, groupBy: 'none' }, LAHORE), '?province=SD&from=2026-11-01&to=2026-11-30');
});

test('a bookmarked address restores only well-formed filters', () => {
  assert.deepEqual(valuesFromAddress('?province=PB&district=Lahore&from=2026-11-01&to=2026-11-30&groupBy=agency'),
    { province: 'PB', district: 'Lahore', from: '2026-11-01', to: '2026-11-30', groupBy: 'agency' });
  assert.deepEqual(valuesFromAddress('?province=toString&from=1%2F11%2F2026&to=2026-11-30T00:00&groupBy=child'), {});
  assert.deepEqual(valuesFromAddress(''), {});
});

test('the district suggestions grow with every answer, each once, sorted', () => {
  assert.deepEqual(knownDistricts(['Multan'], [{ district: 'Lahore' }, { district: 'Multan' }, {}, null]),
    ['Lahore', 'Multan']);
  assert.deepEqual(knownDistricts([], undefined), []);
});

test('a clock row: where it runs and which model it comes from', () => {
  assert.equal(clockArea({ district: 'Lahore', province: 'PB' }), 'Lahore');
  assert.equal(clockArea({ province: 'PB' }), 'Punjab (PB)');
  assert.equal(clockArea({}), '—');
  assert.equal(clockModel({ processDefinitionKey: 'custody', element: 'Timer_Court24h' }), 'Model: custody / Timer_Court24h');
  assert.equal(clockModel({ processDefinitionKey: 'custody' }), 'Model: custody');
  assert.equal(clockModel({}), null);
});

test('time left on a deadline at risk, and how long a breached one is overdue', () => {
  const now = Date.parse('2026-11-20T10:00:00Z');
  assert.deepEqual(clockRelative({ dueAt: '2026-11-20T13:20:00Z' }, 'left', now), { className: 'soon', text: '3 h 20 min' });
  assert.deepEqual(clockRelative({ dueAt: '2026-11-20T09:59:00Z' }, 'left', now), { className: 'soon', text: 'due now' });
  assert.deepEqual(clockRelative({ dueAt: '2026-11-17T08:00:00Z' }, 'over', now), { className: 'late', text: '3 d 2 h' });
  assert.deepEqual(clockRelative({}, 'over', now), { className: 'hint', text: '—' });
});

test('deadlines at risk: a note when the list is cut', () => {
  const clocks = [{ caseNumber: 'PB-LHR-2026-000001' }];
  assert.deepEqual(atRisk({ clocks, total: 1 }), { clocks, count: 1, note: null });
  assert.equal(atRisk({ clocks, total: 1500 }).note, 'Showing the 1 soonest due of 1500.');
  assert.equal(atRisk({ clocks }).count, 1, 'no total: the list is all');
  assert.equal(atRisk({}).count, 0);
});

test('breached deadlines: only those still running are listed and counted', () => {
  const answer = { clocks: [{ caseNumber: 'A' }, { caseNumber: 'B', stoppedAt: '2026-11-20T10:00:00Z' }], total: 2 };
  assert.deepEqual(breachedOpen(answer), { clocks: [{ caseNumber: 'A' }], count: 1, note: null });
  assert.equal(breachedOpen({ ...answer, total: 3000 }).note,
    'Of 3000 breached deadlines, the 2 longest overdue were read; 1 of them are still open.');
});

test('breaches over time: rules most breached first, the busiest day named', () => {
  const figures = breachFigures({
    from: '2026-10-31T19:00:00Z', to: '2026-11-30T19:00:00Z',
    byDay: [{ day: '2026-11-01', count: 1 }, { day: '2026-11-02', count: 4 }, { day: '2026-11-03', count: 4 }],
    byRule: [{ rule: 'R-COURT-24H', count: 2 }, { rule: 'R-MEDICAL-72H', count: 7 }]
  });
  assert.deepEqual(figures.byRule.map((item) => item.rule), ['R-MEDICAL-72H', 'R-COURT-24H']);
  assert.equal(figures.total, 9, 'no total: the sum by rule');
  assert.equal(figures.summary, '9 breaches over 3 days; most on 2026-11-02 (4).');
  assert.equal(figures.period, 'From 01/11/2026 to 30/11/2026 (Pakistan time).');
  assert.equal(breachFigures({ total: 0 }).summary, '0 breaches over 0 days.');
  assert.equal(breachFigures({}).period, 'The last 90 days.');
});

test('breach chart series: days as short dates, rules with a description for screen readers', () => {
  assert.deepEqual(breachDaySeries([{ day: '2026-11-02', count: 4 }]), { labels: ['02 Nov'], data: [4] });
  assert.deepEqual(breachRuleSeries([{ rule: 'R-COURT-24H', count: 2 }, { rule: 'R-MEDICAL-72H', count: 1 }]), {
    labels: ['R-COURT-24H', 'R-MEDICAL-72H'], data: [2, 1],
    description: 'Breaches by rule: R-COURT-24H 2, R-MEDICAL-72H 1'
  });
});

const ACTIVITY = {
  processDefinitionKey: 'custody', activityId: 'Task_ProduceBeforeCourt', activityName: 'Produce the child before the court',
  district: 'Lahore', province: 'PB', workInProgress: 5, overdueOpen: 2, arrivalsPerDay: 1.25, completionsPerDay: 0.5,
  waitingSeconds: { median: 5400, p90: 36000 }, handlingSeconds: { median: null, p90: 400 * 3600 }, breachRate: 0.4,
  oldestOpen: [{ caseNumber: 'PB-LHR-1' }, { caseNumber: 'PB-LHR-2' }, { caseNumber: 'PB-LHR-1' }]
};

test('an activity is named with the area it was grouped by', () => {
  assert.equal(activityLabel(ACTIVITY), 'Produce the child before the court (Lahore, PB)');
  assert.equal(activityLabel({ activityId: 'Task_X', agency: 'POLICE' }), 'Task_X (POLICE)');
  assert.equal(activityLabel({}), '?');
});

test('a bottleneck row: counts, rates, hours and the breach share, overdue ones marked late', () => {
  assert.deepEqual(bottleneckCells(ACTIVITY), [
    { text: '5' }, { text: '2', late: true }, { text: '1.3' }, { text: '0.5' },
    { text: '1.5 h' }, { text: '10.0 h' }, { text: '—' }, { text: '400 h' }, { text: '40%', late: true }
  ]);
  const quiet = bottleneckCells({ workInProgress: 0, overdueOpen: 0, breachRate: 0 });
  assert.deepEqual(quiet.map((cell) => cell.text), ['0', '0', '—', '—', '—', '—', '—', '—', '0%']);
  assert.ok(quiet.every((cell) => !cell.late));
});

test('the bottleneck chart shows the worst ten, its height following the bars', () => {
  const activities = Array.from({ length: 12 }, (_, i) => ({ activityId: 'Task_' + i, workInProgress: 12 - i }));
  const series = bottleneckSeries(activities, 10);
  assert.equal(series.labels.length, 10);
  assert.deepEqual(series.open.slice(0, 2), [12, 11]);
  assert.deepEqual(series.overdue.slice(0, 2), [0, 0]);
  assert.equal(series.heightRem, 27);
  assert.equal(bottleneckSeries(activities.slice(0, 1), 10).heightRem, 12, 'never lower than 12rem');
  assert.match(bottleneckSeries([ACTIVITY], 10).description,
    /^Open and overdue tasks, worst first: Produce the child before the court \(Lahore, PB\) 5 open, 2 overdue$/);
});

test('the bottleneck period says how many days it covers', () => {
  assert.equal(bottlenecksPeriod({ from: '2026-10-31T19:00:00Z', to: '2026-11-30T19:00:00Z', days: 30.04 }),
    'From 01/11/2026 to 30/11/2026 (Pakistan time), 30 days.');
  assert.equal(bottlenecksPeriod({ days: 0 }), 'The last 30 days.');
});

test('drill-down lists each case number once, with a note when the list is cut', () => {
  assert.deepEqual(uniqueCaseNumbers([{ caseNumber: 'A' }, { caseNumber: 'B' }, { caseNumber: 'A' }, {}, null]), ['A', 'B']);
  assert.deepEqual(ruleCases({ breaches: [{ caseNumber: 'A' }, { caseNumber: 'A' }], total: 2 }),
    { caseNumbers: ['A'], note: 'Most recent breach first.' });
  assert.equal(ruleCases({ breaches: [{ caseNumber: 'A' }], total: 1200 }).note, 'The 1 most recent of 1200 breaches are listed.');
  assert.deepEqual(activityCases(ACTIVITY),
    { caseNumbers: ['PB-LHR-1', 'PB-LHR-2'], note: '5 open in all; the 2 oldest are listed, oldest first.' });
  assert.equal(activityCases({ workInProgress: 1, oldestOpen: [{ caseNumber: 'A' }] }).note, 'Oldest first.');
});

test('R-NO-DISCLOSURE: a drill-down carries case numbers only, whatever else an answer holds', () => {
  const answer = { breaches: [{ caseNumber: 'A', childName: 'never shown', rule: 'R-COURT-24H' }], total: 1 };
  assert.deepEqual(ruleCases(answer).caseNumbers, ['A']);
});
