/*
 * Moving a pathway's running cases from one version to another: what would happen first
 * (GET /api/pathways/{key}/migration), then the move itself (POST), then its progress.
 * Cases are named by case number only (R-NO-DISCLOSURE).
 */
import { $, el } from '../shared/dom.js';
import { plural } from '../shared/format.js';
import { formatTime } from '../shared/time.js';
import { call } from './api.js';
import { changeLabel } from './changes.js';

const POLL_MS = 1500;

const api = {
  propose: (key, from, to) => call('/api/pathways/' + encodeURIComponent(key) + '/migration?from='
    + encodeURIComponent(from) + '&to=' + encodeURIComponent(to)),
  migrate: (key, from, to) => call('/api/pathways/' + encodeURIComponent(key) + '/migration', {
    method: 'POST', json: { from, to }
  }),
  status: (batchId) => call('/api/pathways/migrations/' + encodeURIComponent(batchId))
};

let pathways = [];
let proposal = null;

function option(version, latest) {
  return el('option', {
    value: version.id,
    text: 'Version ' + version.version + (latest ? ' (latest)' : '') + ' · '
      + plural(version.runningCases || 0, 'running case', 'running cases')
  });
}

function fillVersions() {
  const pathway = pathways.find((p) => p.key === $('migration-pathway').value);
  const versions = pathway ? pathway.versions : [];
  $('migration-from').replaceChildren(...versions.map((v, i) => option(v, i === 0)));
  $('migration-to').replaceChildren(...versions.map((v, i) => option(v, i === 0)));
  // The usual move: the oldest version that still has running cases, to the latest.
  const from = versions.slice(1).reverse().find((v) => v.runningCases > 0) || versions[1] || versions[0];
  if (from) $('migration-from').value = from.id;
  if (versions[0]) $('migration-to').value = versions[0].id;
  $('migration-propose').disabled = versions.length < 2;
  $('migration-hint').hidden = versions.length >= 2;
}

/** Called with the pathways list whenever it is (re)loaded. */
export function setPathways(list) {
  pathways = list.filter((p) => p.kind !== 'decision' && p.versions && p.versions.length);
  const select = $('migration-pathway');
  const current = select.value;
  select.replaceChildren(...pathways.map((p) => el('option', { value: p.key, text: p.name || p.key })));
  if (pathways.some((p) => p.key === current)) select.value = current;
  fillVersions();
}

function show(outcome, parts) {
  const result = $('migration-result');
  result.dataset.outcome = outcome;
  result.replaceChildren(...parts);
  result.hidden = false;
}

function list(items, render) {
  return el('ul', { className: 'plain' }, items.map(render));
}

function caseNumbers(label, numbers) {
  return numbers && numbers.length ? label + numbers.join(', ') : '';
}

function terms(t) {
  return t ? [t.target, t.kind].filter(Boolean).join(', ') : '—';
}

function changesOf(changes) {
  // The API may give the changes as one list, or grouped by activities and deadlines.
  if (Array.isArray(changes)) {
    return { activities: changes, deadlines: [], runningDeadlines: '' };
  }
  return { activities: [], deadlines: [], runningDeadlines: '', ...(changes || {}) };
}

function renderProposal(p) {
  const cases = p.cases || [];
  const problems = p.problems || [];
  const changes = changesOf(p.changes);
  const count = p.caseCount !== undefined ? p.caseCount : cases.length;
  const migratable = p.migratable !== undefined ? p.migratable : problems.length === 0;
  const parts = [el('p', {
    id: 'migration-outcome',
    className: 'outcome outcome--' + (migratable ? 'accepted' : 'refused'),
    text: (migratable ? 'Possible: ' : 'Not possible as it stands: ')
      + plural(count, 'running case', 'running cases') + ' of version ' + (p.source || {}).version
      + ' would continue on version ' + (p.target || {}).version + ' at the step where each waits now.'
  })];
  if (problems.length) {
    parts.push(el('div', { className: 'table-wrap' }, [el('table', { id: 'migration-problems' }, [
      el('caption', { text: 'What stops the move' }),
      el('thead', {}, [el('tr', {}, [
        el('th', { scope: 'col', text: 'Step' }), el('th', { scope: 'col', text: 'Why' }),
        el('th', { scope: 'col', text: 'Cases held back' })
      ])]),
      el('tbody', {}, problems.map((problem) => el('tr', { 'data-element': problem.activityId || '' }, [
        el('td', {}, [problem.activityId ? el('code', { text: problem.activityId }) : '—']),
        el('td', { text: problem.message || '' }),
        el('td', { text: (problem.cases || []).join(', ') })
      ])))
    ])]));
  }
  if (changes.activities.length || changes.deadlines.length) {
    parts.push(el('h4', { text: 'What differs between the versions' }));
    parts.push(list([...changes.activities, ...changes.deadlines], (change) => el('li', {}, [
      changeLabel(change.change) + ' ',
      change.rule ? el('code', { text: change.rule }) : '',
      change.rule ? ' on ' : '',
      change.activityId || change.element ? el('code', { text: change.activityId || change.element }) : '',
      change.detail ? ': ' + change.detail : '',
      change.rule ? ': ' + terms(change.from) + ' → ' + terms(change.to) : '',
      !change.rule && typeof change.from === 'string' && change.to ? ': ' + change.from + ' → ' + change.to : '',
      !change.rule && typeof change.from === 'string' && !change.to ? ' (' + change.from + ')' : '',
      change.effect ? '. ' + change.effect : '',
      caseNumbers('. Waiting there now: ', change.casesWaiting),
      caseNumbers('. Clock already running, kept as it is, for: ', change.casesWithRunningClock)
    ])));
  }
  if (changes.runningDeadlines) {
    parts.push(el('p', { className: 'hint', text: changes.runningDeadlines }));
  }
  if (cases.length) {
    parts.push(el('details', {}, [
      el('summary', { text: 'The cases that would move' }),
      list(cases, (c) => el('li', { 'data-case-number': c.caseNumber }, [
        el('code', { text: c.caseNumber }), ' waits at ',
        ((c.waitingAt || c.activities || []).map((w) => (typeof w === 'string' ? w : w.name || w.activityId))
          .join(', ')) || '—'
      ]))
    ]));
  }
  if (migratable && count > 0) {
    const button = el('button', {
      type: 'button', className: 'button button--primary', id: 'migration-start',
      text: 'Move ' + plural(count, 'case', 'cases') + ' to version ' + (p.target || {}).version
    });
    button.addEventListener('click', () => start(p, button));
    parts.push(el('p', {}, [button]));
  }
  parts.push(el('p', { id: 'migration-status', className: 'hint', role: 'status', 'aria-live': 'polite' }));
  show(migratable ? 'possible' : 'refused', parts);
}

async function propose(event) {
  event.preventDefault();
  const key = $('migration-pathway').value;
  const from = $('migration-from').value;
  const to = $('migration-to').value;
  if (from === to) {
    show('error', [el('p', { className: 'outcome outcome--error', text: 'Choose two different versions.' })]);
    return;
  }
  $('migration-propose').disabled = true;
  try {
    proposal = await api.propose(key, from, to);
    renderProposal(proposal);
  } catch (failure) {
    const problems = (failure.body || {}).problems;
    if (problems) {
      renderProposal({ source: {}, target: {}, problems, migratable: false, caseCount: 0 });
    } else {
      show('error', [el('p', {
        className: 'outcome outcome--error',
        text: failure.status === 404 || failure.status === 405
          ? 'Moving running cases is not available on this server.'
          : 'The move could not be worked out: ' + failure.message
      })]);
    }
  } finally {
    $('migration-propose').disabled = false;
  }
}

async function start(p, button) {
  button.disabled = true;
  const status = $('migration-status');
  try {
    const started = await api.migrate(p.pathway || $('migration-pathway').value, p.source.id, p.target.id);
    $('migration-result').dataset.outcome = 'started';
    status.textContent = 'Moving ' + plural(started.caseCount !== undefined ? started.caseCount
      : (started.cases || []).length, 'case', 'cases') + ' (batch ' + started.batchId + ')…';
    poll(started.batchId, status);
  } catch (failure) {
    button.disabled = false;
    $('migration-result').dataset.outcome = 'error';
    status.textContent = 'The move was refused: ' + failure.message;
  }
}

async function poll(batchId, status) {
  try {
    const now = await api.status(batchId);
    const jobs = now.jobs || {};
    // A failed job is not retried by itself: it waits as an incident in Cockpit, so stop here.
    const done = Boolean(now.endedAt) || ['COMPLETED', 'CANCELLED', 'FAILED'].includes(now.status);
    status.textContent = (now.endedAt ? 'Finished ' + formatTime(now.endedAt) + ': '
      : done ? 'Stopped: ' : 'In progress: ')
      + (jobs.done || 0) + ' of ' + (jobs.total || 0) + ' done'
      + (jobs.failed ? ', ' + jobs.failed + ' failed (see the incidents in Cockpit)' : '') + '.'
      + ((now.failures || []).length ? ' ' + now.failures.join(' ') : '');
    if (done) {
      $('migration-result').dataset.outcome = now.status === 'COMPLETED' ? 'done' : 'failed';
      document.dispatchEvent(new CustomEvent('pathways-changed'));
    } else {
      setTimeout(() => poll(batchId, status), POLL_MS);
    }
  } catch (failure) {
    status.textContent = 'The move was started; its progress could not be read: ' + failure.message;
  }
}

export function initMigration() {
  $('migration-pathway').addEventListener('change', () => {
    $('migration-result').hidden = true;
    fillVersions();
  });
  $('migration-form').addEventListener('submit', propose);
}
