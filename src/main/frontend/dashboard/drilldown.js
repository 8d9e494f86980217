/* Drill-down from a rule or an activity to the case numbers involved, and nothing more. */
import { $, el } from '../shared/dom.js';
import { activityCases, activityLabel, ruleCases, withAreaAndRange } from './shape.js';
import { caseLink, figures, panelError, setPanelState } from './view.js';
import { readFilters } from './filters.js';
import { LIST_LIMIT, state } from './state.js';

function markPressed(selector, matches) {
  document.querySelectorAll('button.drill').forEach((button) => button.setAttribute('aria-pressed', 'false'));
  document.querySelectorAll(selector).forEach((button) => {
    if (matches(button)) {
      button.setAttribute('aria-pressed', 'true');
    }
  });
}

function showCases({ caseNumbers, note }) {
  const list = $('drilldown-cases');
  list.replaceChildren(...caseNumbers.map((caseNumber) => el('li', null, [caseLink(caseNumber)])));
  list.setAttribute('data-count', String(caseNumbers.length));
  $('drilldown-note').textContent = note || '';
  setPanelState($('drilldown'), caseNumbers.length ? 'ready' : 'empty');
}

function focusDrilldown() {
  const panel = $('drilldown');
  panel.focus({ preventScroll: true });
  panel.scrollIntoView({ block: 'nearest' });
}

export function drillRule(rule) {
  const filters = readFilters();
  if (!filters) {
    return;
  }
  const ticket = ++state.drill;
  const panel = $('drilldown');
  panel.setAttribute('data-kind', 'rule');
  panel.setAttribute('data-key', rule);
  markPressed('button.drill[data-rule]', (button) => button.getAttribute('data-rule') === rule);
  $('drilldown-title').textContent = 'Cases whose ' + rule + ' deadline was breached in this period';
  $('drilldown-note').textContent = '';
  setPanelState(panel, 'loading');
  focusDrilldown();
  figures('/api/sla/breaches', withAreaAndRange(filters, { rule, limit: LIST_LIMIT }))
    .then((answer) => {
      if (ticket === state.drill) {
        showCases(ruleCases(answer));
      }
    })
    .catch((error) => {
      if (ticket === state.drill) {
        panelError(panel, error);
      }
    });
}

export function drillActivity(index) {
  const activity = state.activities[index];
  if (!activity) {
    return;
  }
  ++state.drill;
  const panel = $('drilldown');
  panel.setAttribute('data-kind', 'activity');
  panel.setAttribute('data-key', activity.processDefinitionKey + '/' + activity.activityId);
  markPressed('button.drill[data-index]', (button) => button.getAttribute('data-index') === String(index));
  $('drilldown-title').textContent = 'Oldest open cases at “' + activityLabel(activity) + '”';
  showCases(activityCases(activity));
  focusDrilldown();
}

export function resetDrilldown() {
  const panel = $('drilldown');
  ++state.drill;
  panel.removeAttribute('data-kind');
  panel.removeAttribute('data-key');
  $('drilldown-title').textContent = 'Select a rule under “Breaches by rule” or an activity under '
    + '“Worst bottlenecks” to list the case numbers involved.';
  $('drilldown-note').textContent = '';
  $('drilldown-cases').replaceChildren();
  setPanelState(panel, 'idle');
}
