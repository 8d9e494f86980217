/* Breaches over time: by day and by rule, a rule drilling down to its cases. */
import { $, el } from '../shared/dom.js';
import { breachDaySeries, breachFigures, breachRuleSeries, withAreaAndRange } from './shape.js';
import { figures, panelError, setPanelState } from './view.js';
import { axis, bars, clickOnBar, COLORS, destroyChart, pointerOverBars, replaceChart } from './charts.js';
import { noteDistricts } from './filters.js';
import { drillRule } from './drilldown.js';
import { state } from './state.js';

function fillTables(byDay, byRule) {
  $('breaches-by-day-table').querySelector('tbody').replaceChildren(...byDay.map((item) => el('tr', null, [
    el('td', null, [el('time', { datetime: item.day, text: item.day })]),
    el('td', { className: 'num', text: String(item.count) })
  ])));
  $('breaches-by-rule-table').querySelector('tbody').replaceChildren(...byRule.map((item) =>
    el('tr', { 'data-rule': item.rule }, [
      el('td', null, [el('button', {
        type: 'button', className: 'drill', 'data-rule': item.rule,
        'data-testid': 'rule-drilldown', 'aria-pressed': 'false',
        'aria-label': 'List the cases that breached ' + item.rule,
        text: item.rule
      })]),
      el('td', { className: 'num', text: String(item.count) })
    ])));
}

function drawCharts(byDay, byRule) {
  const days = breachDaySeries(byDay);
  replaceChart('breaches', $('breaches-chart'), {
    type: 'bar',
    data: { labels: days.labels, datasets: [bars('Breaches', days.data, COLORS.breachFill, COLORS.breach, 28)] },
    options: {
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: (items) => byDay[items[0].dataIndex].day } }
      },
      scales: {
        x: axis(null, { beginAtZero: false, grid: { display: false }, ticks: { color: COLORS.text, autoSkip: true, maxRotation: 0 } }),
        y: axis('Breaches')
      }
    }
  });
  const rules = breachRuleSeries(byRule);
  replaceChart('rules', $('breaches-by-rule-chart'), {
    type: 'bar',
    data: { labels: rules.labels, datasets: [bars('Breaches', rules.data, COLORS.rule, COLORS.ruleBorder, 48)] },
    options: {
      plugins: { legend: { display: false } },
      scales: { x: axis(null, { grid: { display: false } }), y: axis('Breaches') },
      onClick: clickOnBar((index) => drillRule(byRule[index].rule)),
      onHover: pointerOverBars
    }
  });
  $('breaches-by-rule-chart').setAttribute('aria-label', rules.description);
}

export function loadBreaches(filters, generation) {
  const panel = $('breaches-section');
  setPanelState(panel, 'loading');
  return figures('/api/sla/breaches', withAreaAndRange(filters))
    .then((answer) => {
      if (generation !== state.generation) {
        return;
      }
      const { byDay, byRule, total, period, summary } = breachFigures(answer);
      noteDistricts(answer.breaches);
      $('breaches-total').textContent = String(total);
      $('breaches-range').textContent = period;
      fillTables(byDay, byRule);
      if (total === 0) {
        setPanelState(panel, 'empty');
        destroyChart('breaches');
        destroyChart('rules');
        return;
      }
      setPanelState(panel, 'ready');
      $('breaches-chart-summary').textContent = summary;
      drawCharts(byDay, byRule);
    })
    .catch((error) => {
      if (generation === state.generation) {
        $('breaches-total').textContent = '';
        $('breaches-range').textContent = '';
        destroyChart('breaches');
        destroyChart('rules');
        panelError(panel, error);
      }
    });
}
