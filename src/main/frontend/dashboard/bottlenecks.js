/* The worst bottlenecks: a table of figures per activity and a bar chart of the worst ones. */
import { $, el } from '../shared/dom.js';
import { activityArea, activityLabel, bottleneckCells, bottleneckSeries, bottlenecksPeriod, withAreaAndRange }
  from './shape.js';
import { figures, panelError, setPanelState } from './view.js';
import { axis, bars, clickOnBar, COLORS, destroyChart, pointerOverBars, replaceChart } from './charts.js';
import { noteDistricts } from './filters.js';
import { drillActivity } from './drilldown.js';
import { state } from './state.js';

const CHART_ACTIVITIES = 10; // bars in the chart

function activityRow(activity, index, grouped) {
  return el('tr', { 'data-activity-id': activity.activityId, 'data-process-key': activity.processDefinitionKey }, [
    el('th', { scope: 'row' }, [el('button', {
      type: 'button', className: 'drill', 'data-index': index,
      'data-activity-id': activity.activityId,
      'data-testid': 'activity-drilldown', 'aria-pressed': 'false',
      title: activity.processDefinitionKey + ' / ' + activity.activityId,
      'aria-label': 'List the oldest open cases at ' + activityLabel(activity),
      text: activity.activityName || activity.activityId
    })]),
    el('td', { hidden: !grouped, 'data-col': 'area', text: activityArea(activity) || '—' }),
    ...bottleneckCells(activity).map((cell) => el('td', { className: cell.late ? 'num late' : 'num', text: cell.text }))
  ]);
}

function drawChart(activities) {
  const series = bottleneckSeries(activities, CHART_ACTIVITIES);
  $('bottlenecks-chart-box').style.height = series.heightRem + 'rem';
  replaceChart('bottlenecks', $('bottlenecks-chart'), {
    type: 'bar',
    data: {
      labels: series.labels,
      datasets: [
        bars('Open (work in progress)', series.open, COLORS.open, COLORS.openBorder, 22),
        bars('Overdue open', series.overdue, COLORS.overdue, COLORS.overdueBorder, 22)
      ]
    },
    options: {
      indexAxis: 'y',
      plugins: {
        legend: { position: 'bottom', labels: { color: COLORS.text } },
        tooltip: { callbacks: { title: (items) => activityLabel(series.worst[items[0].dataIndex]) } }
      },
      scales: { x: axis('Tasks'), y: axis(null, { grid: { display: false } }) },
      onClick: clickOnBar(drillActivity),
      onHover: pointerOverBars
    }
  });
  $('bottlenecks-chart').setAttribute('aria-label', series.description);
}

export function loadBottlenecks(filters, generation) {
  const panel = $('bottlenecks-section');
  setPanelState(panel, 'loading');
  return figures('/api/bottlenecks', withAreaAndRange(filters, { groupBy: filters.groupBy }))
    .then((answer) => {
      if (generation !== state.generation) {
        return;
      }
      const activities = answer.activities || [];
      state.activities = activities;
      noteDistricts(activities);
      $('bottlenecks-range').textContent = bottlenecksPeriod(answer);
      const grouped = Boolean(filters.groupBy);
      const table = $('bottlenecks-table');
      table.querySelector('th[data-col="area"]').hidden = !grouped;
      table.querySelector('tbody').replaceChildren(...activities.map((activity, index) =>
        activityRow(activity, index, grouped)));
      if (!activities.length) {
        destroyChart('bottlenecks');
        setPanelState(panel, 'empty');
        return;
      }
      setPanelState(panel, 'ready');
      drawChart(activities);
    })
    .catch((error) => {
      if (generation === state.generation) {
        destroyChart('bottlenecks');
        $('bottlenecks-range').textContent = '';
        panelError(panel, error);
      }
    });
}
