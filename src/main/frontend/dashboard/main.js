/*
 * Hifazat managers' dashboard: deadlines at risk and breached, breaches over time, bottlenecks,
 * and drill-down to case numbers; Chart.js comes from the webjar. Reads the deadlines and
 * bottlenecks API (GET /api/me, /api/sla/clocks, /api/sla/breaches, /api/bottlenecks) with the
 * login session; signing out carries the session's XSRF token, and an ended session goes back
 * to the login page.
 *
 * R-NO-DISCLOSURE: the page shows case numbers, rules, activities, areas and figures only. It
 * never renders anything about a child, and every value from the API goes into the page as text
 * (textContent), never as markup.
 */
import { $, whenReady } from '../shared/dom.js';
import { call, carryToken } from '../shared/http.js';
import { pakistanDateTime } from '../shared/time.js';
import { fillProvinces, readFilters, resetFilters, restoreFiltersFromAddress, saveFiltersInAddress, showMe }
  from './filters.js';
import { loadAtRisk, loadBreachedOpen } from './clocks.js';
import { loadBreaches } from './breaches.js';
import { loadBottlenecks } from './bottlenecks.js';
import { drillActivity, drillRule, resetDrilldown } from './drilldown.js';
import { setPanelState, showError } from './view.js';
import { state } from './state.js';
import { applyLanguage } from '../shared/language-dom.js';
import { DASHBOARD_URDU } from './urdu.js';

// The officer's language first, so the page never shows in the other one.
whenReady(() => applyLanguage(DASHBOARD_URDU));

const AUTO_REFRESH_MS = 5 * 60 * 1000;

function loadPanels() {
  const filters = readFilters();
  if (!filters) {
    return Promise.resolve();
  }
  saveFiltersInAddress();
  const generation = ++state.generation;
  document.body.setAttribute('data-state', 'loading');
  return Promise.all([
    loadAtRisk(filters, generation),
    loadBreachedOpen(filters, generation),
    loadBreaches(filters, generation),
    loadBottlenecks(filters, generation)
  ]).then(() => {
    if (generation === state.generation) {
      const now = new Date();
      const stamp = $('refreshed-at');
      stamp.textContent = pakistanDateTime(now) + ' PKT';
      stamp.setAttribute('datetime', now.toISOString());
      document.body.setAttribute('data-state', 'ready');
    }
  });
}

function start() {
  fillProvinces();
  restoreFiltersFromAddress();
  setPanelState($('drilldown'), 'idle');

  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    resetDrilldown();
    loadPanels();
  });
  $('reset-filters').addEventListener('click', () => {
    resetFilters();
    resetDrilldown();
    loadPanels();
  });
  $('refresh').addEventListener('click', () => loadPanels());
  carryToken($('sign-out'), $('sign-out-token'));
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('button.drill');
    if (!button) {
      return;
    }
    if (button.hasAttribute('data-rule')) {
      drillRule(button.getAttribute('data-rule'));
    } else if (button.hasAttribute('data-index')) {
      drillActivity(Number(button.getAttribute('data-index')));
    }
  });
  setInterval(() => {
    if (document.visibilityState === 'visible') {
      loadPanels();
    }
  }, AUTO_REFRESH_MS);

  call('/api/me')
    .then(showMe)
    .catch((error) => {
      $('user').textContent = '—';
      $('area').textContent = 'unknown';
      showError($('global-error'), error);
    })
    .then(loadPanels);
}

whenReady(start);
