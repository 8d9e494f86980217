/*
 * The statistics page (/statistics/): any indicator of the dictionary as a table and a chart,
 * by the dimensions the Committee asks for (R-DATA-DISAGGREGATED), for managers of their area,
 * national managers and policy staff; CSV and Excel of the table; the OPSC annex as a page and
 * PDF. Small numbers arrive suppressed from the API and stay so (R-NO-DISCLOSURE).
 */
import { $, el, whenReady } from '../shared/dom.js';
import { call, carryToken } from '../shared/http.js';
import { PROVINCES, areaText } from '../shared/areas.js';
import { annexUrl, cellText, chartData, tableUrl, timesRows, timesUrl } from './shape.js';

const state = { indicators: [], me: null, chart: null };

function filters() {
  const form = $('filters');
  const value = (name) => (form.elements[name] ? form.elements[name].value.trim() : '');
  return {
    indicator: value('indicator'),
    rows: value('rows'),
    columns: value('columns'),
    from: value('from'),
    to: value('to'),
    period: value('period'),
    province: value('province'),
    district: value('district'),
    annexFrom: value('annexFrom')
  };
}

function showError(error) {
  const box = $('global-error');
  box.textContent = error.message + (error.errors && error.errors.length
    ? ' (' + error.errors.join('; ') + ')' : '');
  box.hidden = false;
}

function fillDimensions() {
  const indicator = state.indicators.find((i) => i.id === $('filter-indicator').value);
  if (!indicator) return;
  for (const [id, none] of [['filter-rows', null], ['filter-columns', 'None']]) {
    const select = $(id);
    const previous = select.value;
    select.replaceChildren();
    if (none) select.append(el('option', { value: '' }, [none]));
    for (const dimension of indicator.dimensions) {
      select.append(el('option', { value: dimension.id }, [dimension.label]));
    }
    if ([...select.options].some((o) => o.value === previous)) {
      select.value = previous;
    }
  }
  $('definition').textContent = indicator.definition;
}

function renderTable(table) {
  const head = el('tr', {}, [el('th', { scope: 'col' }, [table.rows.label])]);
  table.columns.categories.forEach((c) => head.append(el('th', { scope: 'col' }, [c])));
  if (table.rowTotals) head.append(el('th', { scope: 'col' }, ['Total']));
  const body = el('tbody');
  table.rows.categories.forEach((row, r) => {
    const tr = el('tr', {}, [el('th', { scope: 'row' }, [row])]);
    table.cells[r].forEach((cell) => tr.append(el('td', {
      className: cell.suppressed ? 'n suppressed' : 'n'
    }, [cellText(cell, table.unit)])));
    if (table.rowTotals) {
      tr.append(el('td', { className: 'n total' }, [cellText(table.rowTotals[r], table.unit)]));
    }
    body.append(tr);
  });
  const totals = el('tr', { className: 'total' }, [el('th', { scope: 'row' }, ['Total'])]);
  table.columnTotals.forEach((cell) => totals.append(el('td', { className: 'n' },
    [cellText(cell, table.unit)])));
  if (table.rowTotals) totals.append(el('td', { className: 'n' }, [cellText(table.total, table.unit)]));
  body.append(totals);
  $('figures').replaceChildren(
    el('caption', {}, [table.title + ' (' + table.unit + ')']),
    el('thead', {}, [head]), body);
  $('figures').dataset.indicator = table.indicator;
  $('completeness').replaceChildren(...table.completeness.concat([])
    .map((c) => el('li', {}, [c.text])), ...table.notes.map((n) => el('li', {}, [n])));
}

function renderChart(table) {
  if (!window.Chart) return;
  const data = chartData(table);
  const palette = ['#1f6f8b', '#c2571a', '#6b8e23', '#8b5fbf', '#b03a48', '#3a7d44', '#7a6c5d'];
  if (state.chart) state.chart.destroy();
  state.chart = new window.Chart($('chart'), {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map((s, i) => ({
        label: s.label, data: s.data, backgroundColor: palette[i % palette.length]
      }))
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom' } } }
  });
}

function updateLinks() {
  const f = filters();
  $('download-csv').href = tableUrl(f.indicator, f, 'csv');
  $('download-xlsx').href = tableUrl(f.indicator, f, 'xlsx');
  $('annex-page').href = annexUrl(f, 'html');
  $('annex-pdf').href = annexUrl(f, 'pdf');
  $('annex-xlsx').href = annexUrl(f, 'xlsx');
}

/** How long children waited from the report to this indicator's step, where it is one. */
async function loadTimes(f) {
  const panel = $('times-panel');
  try {
    const report = await call(timesUrl(f.indicator, f));
    const body = el('tbody');
    for (const cells of timesRows(report)) {
      const tr = el('tr', {}, [el('th', { scope: 'row' }, [cells[0]])]);
      cells.slice(1).forEach((text) => tr.append(el('td', { className: 'n' }, [text])));
      body.append(tr);
    }
    $('times').replaceChildren(
      el('caption', {}, [report.step]),
      el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, ['Group']),
        el('th', { scope: 'col' }, ['Children']), el('th', { scope: 'col' }, ['Median (days)']),
        el('th', { scope: 'col' }, ['90% within (days)'])])]), body);
    $('times-note').textContent = report.note;
    panel.hidden = false;
  } catch (error) {
    // Not a step after the report (reported cases, a ratio): no times to show.
    panel.hidden = true;
  }
}

async function load() {
  $('global-error').hidden = true;
  updateLinks();
  const f = filters();
  document.body.dataset.state = 'loading';
  try {
    const table = await call(tableUrl(f.indicator, f));
    renderTable(table);
    renderChart(table);
    await loadTimes(f);
    document.body.dataset.state = 'ready';
  } catch (error) {
    document.body.dataset.state = 'error';
    showError(error);
  }
}

async function start() {
  carryToken($('sign-out'), $('sign-out-token'));
  const thisYear = new Date().getFullYear();
  $('filter-annex-from').value = String(thisYear - 3);
  try {
    state.me = await call('/api/me');
    $('user').textContent = state.me.user || state.me.userId || '';
    $('area').textContent = areaText(state.me);
    if (state.me.scope === 'NATIONAL') {
      $('province-field').hidden = false;
      for (const [code, name] of Object.entries(PROVINCES)) {
        $('filter-province').append(el('option', { value: code }, [name]));
      }
    }
    const dictionary = await call('/api/statistics/indicators');
    state.indicators = dictionary.indicators;
    $('suppression-rule').textContent = dictionary.suppressionRule;
    for (const indicator of state.indicators) {
      $('filter-indicator').append(el('option', { value: indicator.id }, [indicator.wording]));
    }
    fillDimensions();
    $('filter-rows').value = 'offence_type';
    $('filter-columns').value = 'sex';
  } catch (error) {
    document.body.dataset.state = 'error';
    showError(error);
    return;
  }
  $('filter-indicator').addEventListener('change', () => { fillDimensions(); load(); });
  $('filters').addEventListener('change', updateLinks);
  $('filters').addEventListener('submit', (event) => { event.preventDefault(); load(); });
  await load();
}

whenReady(start);
