/*
 * The dashboard's pure parts: the filters as API parameters, and the API's answers shaped into
 * table rows, notes and chart series. No DOM here, so each can be tested on its own.
 * R-NO-DISCLOSURE: only case numbers, rules, activities, areas and figures pass through.
 */
import { isProvince, provinceName } from '../shared/areas.js';
import { formatDuration, formatDay, pakistanDayEnd, pakistanDayStart, parseInstant, periodText }
  from '../shared/time.js';
import { formatHours, formatNumber, formatShare, shorten } from '../shared/format.js';
import { query } from '../shared/http.js';

export const GROUPINGS = ['province', 'district', 'agency'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

// ---------------------------------------------------------------------------------------------
// Filters

/**
 * The filter form's values ({province, district, from, to, groupBy}) as API parameters for the
 * signed-in user (the answer of /api/me, or null when unknown), or {error} when they make no
 * sense. Who sees one province or district is not asked for another: the server decides anyway.
 */
export function filtersFrom(values, me) {
  const area = {};
  if (!me || me.scope === 'NATIONAL') {
    area.province = values.province;
  }
  if (!me || me.scope !== 'DISTRICT') {
    area.district = (values.district || '').trim();
  }
  if (values.from && values.to && values.from > values.to) {
    return { error: '“From” must be on or before “To”.' };
  }
  return {
    area,
    range: {
      from: values.from ? pakistanDayStart(values.from).toISOString() : undefined,
      // "To" is inclusive: up to the end of that day.
      to: values.to ? pakistanDayEnd(values.to).toISOString() : undefined
    },
    groupBy: values.groupBy && values.groupBy !== 'none' ? values.groupBy : null
  };
}

/** The query of the dashboard's own address that keeps the filters, so a view can be bookmarked. */
export function addressSearch(values, me) {
  return query({
    province: values.province,
    district: me && me.scope === 'DISTRICT' ? '' : (values.district || '').trim(),
    from: values.from,
    to: values.to,
    groupBy: values.groupBy === 'none' ? '' : values.groupBy
  });
}

/** The filter values an address carries, those that are well formed only. */
export function valuesFromAddress(search) {
  const params = new URLSearchParams(search);
  const values = {};
  if (isProvince(params.get('province'))) {
    values.province = params.get('province');
  }
  if (params.get('district')) {
    values.district = params.get('district');
  }
  for (const name of ['from', 'to']) {
    if (DAY.test(params.get(name) || '')) {
      values[name] = params.get(name);
    }
  }
  if (GROUPINGS.includes(params.get('groupBy'))) {
    values.groupBy = params.get('groupBy');
  }
  return values;
}

/** The parameters of a call: the area, then the extra ones. */
export function withArea(filters, extra) {
  return { province: filters.area.province, district: filters.area.district, ...extra };
}

/** The parameters of a call over a period: the area, the extra ones, then the period. */
export function withAreaAndRange(filters, extra) {
  return { ...withArea(filters, extra), from: filters.range.from, to: filters.range.to };
}

/** The districts the answers name, added to those already known, sorted. */
export function knownDistricts(known, items) {
  const districts = new Set(known);
  for (const item of items || []) {
    if (item && item.district) {
      districts.add(item.district);
    }
  }
  return Array.from(districts).sort();
}

// ---------------------------------------------------------------------------------------------
// Deadlines at risk and breached

/** Where a clock runs: its district, else its province, else a dash. */
export function clockArea(clock) {
  return clock.district || (clock.province ? provinceName(clock.province) : '—');
}

/** The model and element a clock belongs to, for the rule's tooltip. */
export function clockModel(clock) {
  return clock.processDefinitionKey
    ? 'Model: ' + clock.processDefinitionKey + (clock.element ? ' / ' + clock.element : '')
    : null;
}

/** Time left ("left") or overdue ("over") from now, with the class that colours it. */
export function clockRelative(clock, when, now) {
  const due = parseInstant(clock.dueAt);
  if (!due) {
    return { className: 'hint', text: '—' };
  }
  if (when === 'left') {
    return { className: 'soon', text: due.getTime() >= now ? formatDuration(due.getTime() - now) : 'due now' };
  }
  return { className: 'late', text: formatDuration(now - due.getTime()) };
}

/** The clocks at risk now, soonest due first, and how many there are in all. */
export function atRisk(answer) {
  const clocks = answer.clocks || [];
  const total = typeof answer.total === 'number' ? answer.total : clocks.length;
  return {
    clocks,
    count: total,
    note: total > clocks.length ? 'Showing the ' + clocks.length + ' soonest due of ' + total + '.' : null
  };
}

/** The breached deadlines still running (not stopped), longest overdue first. */
export function breachedOpen(answer) {
  const all = answer.clocks || [];
  const open = all.filter((clock) => !clock.stoppedAt);
  const total = typeof answer.total === 'number' ? answer.total : all.length;
  return {
    clocks: open,
    count: open.length,
    note: total > all.length ? 'Of ' + total + ' breached deadlines, the ' + all.length
      + ' longest overdue were read; ' + open.length + ' of them are still open.' : null
  };
}

// ---------------------------------------------------------------------------------------------
// Breaches over time

/** Breaches by day and by rule (most first), their total and a one-line summary. */
export function breachFigures(answer) {
  const byDay = answer.byDay || [];
  const byRule = (answer.byRule || []).slice().sort((a, b) => b.count - a.count);
  const total = typeof answer.total === 'number' ? answer.total
    : byRule.reduce((sum, item) => sum + item.count, 0);
  const busiest = byDay.reduce((best, item) => (!best || item.count > best.count ? item : best), null);
  return {
    byDay,
    byRule,
    total,
    period: periodText(answer.from, answer.to, 'The last 90 days.'),
    summary: total + ' breaches over ' + byDay.length + ' days'
      + (busiest && busiest.count ? '; most on ' + busiest.day + ' (' + busiest.count + ').' : '.')
  };
}

export function breachDaySeries(byDay) {
  return { labels: byDay.map((item) => formatDay(item.day)), data: byDay.map((item) => item.count) };
}

export function breachRuleSeries(byRule) {
  return {
    labels: byRule.map((item) => item.rule),
    data: byRule.map((item) => item.count),
    description: 'Breaches by rule: ' + byRule.map((item) => item.rule + ' ' + item.count).join(', ')
  };
}

// ---------------------------------------------------------------------------------------------
// Bottlenecks

/** The area a grouped activity stands for: "Lahore, PB, POLICE". */
export function activityArea(activity) {
  return [activity.district, activity.province, activity.agency].filter(Boolean).join(', ');
}

export function activityLabel(activity) {
  const name = activity.activityName || activity.activityId || '?';
  const area = activityArea(activity);
  return area ? name + ' (' + area + ')' : name;
}

/** The period of the bottlenecks answer, with its length in days. */
export function bottlenecksPeriod(answer) {
  const days = Number(answer.days);
  return periodText(answer.from, answer.to, 'The last 30 days.').replace(/\.$/, '')
    + (days > 0 ? ', ' + Math.round(days * 10) / 10 + ' days.' : '.');
}

/** An activity's figures in the table's column order; "late" marks a figure to show in red. */
export function bottleneckCells(activity) {
  const waiting = activity.waitingSeconds || {};
  const handling = activity.handlingSeconds || {};
  const count = (value) => String(value !== null && value !== undefined ? value : '—');
  return [
    { text: count(activity.workInProgress) },
    { text: count(activity.overdueOpen), late: activity.overdueOpen > 0 },
    { text: formatNumber(activity.arrivalsPerDay, 1) },
    { text: formatNumber(activity.completionsPerDay, 1) },
    { text: formatHours(waiting.median) },
    { text: formatHours(waiting.p90) },
    { text: formatHours(handling.median) },
    { text: formatHours(handling.p90) },
    { text: formatShare(activity.breachRate), late: activity.breachRate > 0 }
  ];
}

/** The worst activities (the API sends them worst first) as the chart's bars. */
export function bottleneckSeries(activities, bars) {
  const worst = activities.slice(0, bars);
  return {
    worst,
    labels: worst.map((activity) => shorten(activityLabel(activity), 48)),
    open: worst.map((activity) => activity.workInProgress || 0),
    overdue: worst.map((activity) => activity.overdueOpen || 0),
    heightRem: Math.max(12, 3 + worst.length * 2.4),
    description: 'Open and overdue tasks, worst first: ' + worst.map((activity) => activityLabel(activity)
      + ' ' + (activity.workInProgress || 0) + ' open, ' + (activity.overdueOpen || 0) + ' overdue').join('; ')
  };
}

// ---------------------------------------------------------------------------------------------
// Drill-down: case numbers only

/** The case numbers of the items, each once, in their order. */
export function uniqueCaseNumbers(items) {
  return [...new Set((items || []).map((item) => item && item.caseNumber).filter(Boolean))];
}

/** The cases that breached a rule, most recent first, and a note on how many are listed. */
export function ruleCases(answer) {
  const breaches = answer.breaches || [];
  const total = typeof answer.total === 'number' ? answer.total : breaches.length;
  return {
    caseNumbers: uniqueCaseNumbers(breaches),
    note: total > breaches.length
      ? 'The ' + breaches.length + ' most recent of ' + total + ' breaches are listed.'
      : 'Most recent breach first.'
  };
}

/** The oldest open cases at an activity, and a note on how many are listed. */
export function activityCases(activity) {
  const caseNumbers = uniqueCaseNumbers(activity.oldestOpen);
  const open = activity.workInProgress || 0;
  return {
    caseNumbers,
    note: open > caseNumbers.length
      ? open + ' open in all; the ' + caseNumbers.length + ' oldest are listed, oldest first.'
      : 'Oldest first.'
  };
}
