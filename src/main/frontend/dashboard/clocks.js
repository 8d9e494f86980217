/* Deadlines at risk now, and breached ones still open. */
import { $, el } from '../shared/dom.js';
import { atRisk, breachedOpen, clockArea, clockModel, clockRelative, withArea } from './shape.js';
import { caseLink, figures, kindBadge, moreNote, panelError, setPanelState, timeElement } from './view.js';
import { noteDistricts } from './filters.js';
import { LIST_LIMIT, state } from './state.js';

function clockRow(clock, when, now) {
  return el('tr', { 'data-case-number': clock.caseNumber, 'data-rule': clock.rule }, [
    el('td', { className: 'case-number' }, [caseLink(clock.caseNumber)]),
    el('td', { className: 'nowrap' }, [el('abbr', { title: clockModel(clock), text: clock.rule })]),
    el('td', null, [kindBadge(clock.kind)]),
    el('td', { text: clockArea(clock) }),
    el('td', null, [timeElement(clock.dueAt)]),
    el('td', null, [el('span', clockRelative(clock, when, now))])
  ]);
}

/**
 * Loads one list of clocks into its panel: section, table and count ids; status the API's
 * filter; when "left" (time left) or "over" (overdue); shape picks and counts the clocks shown.
 */
function loadClocks(ids, status, when, shape) {
  return (filters, generation) => {
    const panel = $(ids.section);
    setPanelState(panel, 'loading');
    return figures('/api/sla/clocks', withArea(filters, { status, limit: LIST_LIMIT }))
      .then((answer) => {
        if (generation !== state.generation) {
          return;
        }
        const shown = shape(answer);
        noteDistricts(shown.clocks);
        const now = Date.now();
        $(ids.table).querySelector('tbody').replaceChildren(...shown.clocks.map((clock) => clockRow(clock, when, now)));
        $(ids.count).textContent = String(shown.count);
        moreNote(panel, shown.note);
        setPanelState(panel, shown.clocks.length ? 'ready' : 'empty');
      })
      .catch((error) => {
        if (generation === state.generation) {
          $(ids.count).textContent = '';
          panelError(panel, error);
        }
      });
  };
}

export const loadAtRisk = loadClocks(
  { section: 'at-risk-section', table: 'at-risk-table', count: 'at-risk-count' }, 'AT_RISK', 'left', atRisk);

export const loadBreachedOpen = loadClocks(
  { section: 'breached-section', table: 'breached-table', count: 'breached-count' }, 'BREACHED', 'over', breachedOpen);
