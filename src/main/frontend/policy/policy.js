/*
 * Hifazat policy page: every pathway drawn from its deployed model, with its deadlines and the
 * running cases waiting at each step; upload a changed BPMN/DMN/form to dry-run check or deploy
 * it; the deployment history. Reads /api/pathways with the login session.
 * Everything from the API or an uploaded file goes into the page as text, never as markup.
 */
import { $, el, whenReady } from '../shared/dom.js';
import { plural } from '../shared/format.js';
import { formatTime } from '../shared/time.js';
import { pathways as api } from './api.js';
import { carryToken } from '../shared/http.js';
import { PathwayDiagram } from './diagram.js';
import { decisionTable } from './decision-table.js';
import { humanDuration, humanStart, KIND_LABEL, KIND_MEANING } from './deadlines.js';
import { initMigration, setPathways } from './migration.js';
import { changeLabel } from './changes.js';
import { applyLanguage } from '../shared/language-dom.js';
import { POLICY_URDU } from './urdu.js';

whenReady(() => applyLanguage(POLICY_URDU));

const DOOR_LABEL = {
  POLICY_API: 'Policy page or API',
  FOLDER: 'Pathway folders, at start-up',
  ENGINE_API: 'Engine API (Camunda Modeler, REST)'
};
// A first deployment lists every element as added: show a few, the rest on request.
const HISTORY_ITEMS_SHOWN = 5;

const state = {
  // Deploy only what a dry run has just accepted: the selection it accepted.
  acceptedSelection: null
};

function showGlobalError(message) {
  const box = $('global-error');
  box.textContent = message;
  box.hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Pathways and their versions

function versionLabel(pathway, version, latest) {
  const label = 'Version ' + version.version + (latest ? ' (latest)' : '') + ' · deployed '
    + formatTime(version.deployedAt);
  // A decision has no running cases of its own: the pathways that call it do.
  return pathway.kind === 'decision' ? label
    : label + ' · ' + plural(version.runningCases || 0, 'running case', 'running cases');
}

function versionSelect(pathway, onChange) {
  const id = 'version-' + pathway.key;
  const select = el('select', { id, 'data-role': 'version' },
    pathway.versions.map((version, index) => el('option', {
      value: version.id, text: versionLabel(pathway, version, index === 0)
    })));
  select.addEventListener('change', () => onChange(pathway.versions.find((v) => v.id === select.value)));
  return el('div', { className: 'field' }, [el('label', { for: id, text: 'Version' }), select]);
}

function cardHeader(pathway, select) {
  return el('header', { className: 'card__header' }, [
    el('div', {}, [
      el('h3', { id: 'title-' + pathway.key, text: pathway.name || pathway.key }),
      el('p', { className: 'card__meta' }, [
        el('code', { text: pathway.key }), ' · ', el('span', { text: pathway.resource || '' })
      ])
    ]),
    select
  ]);
}

/** A version's card when its model could not be read or drawn. */
function showVersionFailure(card, status, error, failure) {
  status.hidden = true;
  error.textContent = 'This version could not be shown: ' + failure.message;
  error.hidden = false;
  card.dataset.state = 'error';
}

function processCard(pathway) {
  const diagramBox = el('div', {
    className: 'diagram', 'data-role': 'diagram', role: 'img', tabindex: '0',
    'aria-label': 'Diagram of the pathway ' + (pathway.name || pathway.key)
  });
  const status = el('p', { className: 'status', 'data-role': 'status', text: 'Loading the diagram…' });
  const error = el('p', { className: 'alert alert--error', role: 'alert', 'data-role': 'error', hidden: true });
  const summary = el('div', { className: 'card__summary', 'data-role': 'summary' });
  const tools = el('div', { className: 'diagram-tools', role: 'group', 'aria-label': 'Diagram view' }, [
    el('button', { type: 'button', className: 'button button--small', 'data-zoom': 'fit', text: 'Fit' }),
    el('button', { type: 'button', className: 'button button--small', 'data-zoom': 'in', text: 'Zoom in', 'aria-label': 'Zoom in' }),
    el('button', { type: 'button', className: 'button button--small', 'data-zoom': 'out', text: 'Zoom out', 'aria-label': 'Zoom out' })
  ]);
  const card = el('article', {
    className: 'card', 'data-key': pathway.key, 'data-kind': 'process', 'data-state': 'loading',
    'aria-labelledby': 'title-' + pathway.key
  });
  let diagram = null;
  let generation = 0;

  async function render(version) {
    const mine = ++generation;
    card.dataset.state = 'loading';
    card.setAttribute('aria-busy', 'true');
    card.dataset.version = version.version;
    card.dataset.definitionId = version.id;
    status.hidden = false;
    error.hidden = true;
    try {
      const [xml, waiting] = await Promise.all([
        api.xml(version.id),
        // Waiting counts are a help, not the diagram: a failure leaves the diagram standing.
        api.waiting(version.id).catch((failure) => ({ failure }))
      ]);
      if (mine !== generation) return;
      diagram = diagram || new PathwayDiagram(diagramBox);
      const deadlines = await diagram.show(xml);
      if (mine !== generation) return;
      const shown = waiting.failure ? [] : diagram.showWaiting(waiting.activities);
      summary.replaceChildren(...summaryOf(version, deadlines, shown, waiting.failure));
      status.hidden = true;
      card.dataset.state = 'ready';
    } catch (failure) {
      if (mine !== generation) return;
      showVersionFailure(card, status, error, failure);
    } finally {
      if (mine === generation) card.removeAttribute('aria-busy');
    }
  }

  tools.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-zoom]');
    if (!button || !diagram) return;
    const zoom = button.dataset.zoom;
    if (zoom === 'fit') diagram.fit();
    else diagram.zoom(zoom === 'in' ? 1.25 : 0.8);
  });

  card.append(cardHeader(pathway, versionSelect(pathway, render)), tools, status, error, diagramBox, summary);
  return { card, render: () => render(pathway.versions[0]) };
}

function summaryOf(version, deadlines, waiting, waitingFailure) {
  const parts = [];
  parts.push(el('section', { className: 'card__deadlines' }, [
    el('h4', { text: 'Deadlines' }),
    deadlines.length === 0
      ? el('p', { className: 'hint', text: 'This pathway declares no deadline.' })
      : el('table', { className: 'compact', 'data-role': 'deadlines' }, [
        el('thead', {}, [el('tr', {}, [
          el('th', { scope: 'col', text: 'Rule' }), el('th', { scope: 'col', text: 'Kind' }),
          el('th', { scope: 'col', text: 'Step' }), el('th', { scope: 'col', text: 'Due' })
        ])]),
        el('tbody', {}, deadlines.map((deadline) => el('tr', {
          'data-rule': deadline.rule, 'data-element': deadline.elementId, 'data-kind': deadline.kind
        }, [
          el('td', { className: 'nowrap' }, [el('code', { text: deadline.rule })]),
          el('td', {}, [el('span', {
            className: 'badge badge--' + deadline.kind, title: KIND_MEANING[deadline.kind],
            text: KIND_LABEL[deadline.kind]
          })]),
          el('td', { text: deadline.elementName }),
          el('td', { text: humanDuration(deadline.target) + ' ' + humanStart(deadline.start) })
        ])))
      ])
  ]));
  const total = version.runningCases || 0;
  parts.push(el('section', { className: 'card__waiting' }, [
    el('h4', { text: 'Cases waiting now' }),
    waitingFailure
      ? el('p', { className: 'alert alert--error', text: 'Waiting cases could not be read: ' + waitingFailure.message })
      : waiting.length === 0
        ? el('p', { className: 'hint', text: 'No running case of this version is waiting at a step.' })
        : el('ul', { className: 'waiting-list', 'data-role': 'waiting' }, waiting.map((item) => el('li', {
          'data-activity-id': item.activityId, 'data-waiting': item.waiting
        }, [el('strong', { text: String(item.waiting) }), ' at ', item.activityName]))),
    el('p', { className: 'hint', text: plural(total, 'running case', 'running cases') + ' on this version in all.' })
  ]));
  return parts;
}

function decisionCard(pathway) {
  const body = el('div', { 'data-role': 'decision' });
  const status = el('p', { className: 'status', text: 'Loading the decision table…' });
  const error = el('p', { className: 'alert alert--error', role: 'alert', hidden: true });
  const card = el('article', {
    className: 'card', 'data-key': pathway.key, 'data-kind': 'decision', 'data-state': 'loading',
    'aria-labelledby': 'title-' + pathway.key
  });
  let generation = 0;

  async function render(version) {
    const mine = ++generation;
    card.dataset.state = 'loading';
    card.dataset.version = version.version;
    card.dataset.definitionId = version.id;
    status.hidden = false;
    error.hidden = true;
    try {
      const xml = await api.xml(version.id);
      if (mine !== generation) return;
      const table = decisionTable(xml, pathway.key);
      body.replaceChildren(table || el('p', { className: 'hint', text: 'This decision is not a decision table; open the file in Camunda Modeler.' }));
      status.hidden = true;
      card.dataset.state = 'ready';
    } catch (failure) {
      if (mine !== generation) return;
      showVersionFailure(card, status, error, failure);
    }
  }

  const details = el('details', { className: 'card__details' }, [
    el('summary', { text: 'Show the rules' }), status, error, body
  ]);
  card.append(cardHeader(pathway, versionSelect(pathway, render)), details);
  return { card, render: () => render(pathway.versions[0]) };
}

async function loadPathways() {
  const section = $('pathways-section');
  section.dataset.state = 'loading';
  const list = await api.list();
  setPathways(list);
  const processes = list.filter((p) => p.kind !== 'decision' && p.versions && p.versions.length);
  const decisions = list.filter((p) => p.kind === 'decision' && p.versions && p.versions.length);
  const processCards = processes.map(processCard);
  const decisionCards = decisions.map(decisionCard);
  $('pathways-list').replaceChildren(...processCards.map((c) => c.card));
  $('decisions-list').replaceChildren(...decisionCards.map((c) => c.card));
  $('pathways-empty').hidden = processes.length > 0;
  $('decisions-empty').hidden = decisions.length > 0;
  section.dataset.state = 'ready';
  // The cards must be in the page before bpmn-js measures them.
  await Promise.all([...processCards, ...decisionCards].map((c) => c.render()));
}

// ---------------------------------------------------------------------------------------------
// Dry run and deployment

function findingsTable(findings) {
  return el('table', { id: 'findings-table', 'data-testid': 'findings-table' }, [
    el('caption', { text: 'What stops this change' }),
    el('thead', {}, [el('tr', {}, [
      el('th', { scope: 'col', text: 'File' }), el('th', { scope: 'col', text: 'Element' }),
      el('th', { scope: 'col', text: 'Rule' }), el('th', { scope: 'col', text: 'Why' })
    ])]),
    el('tbody', {}, findings.map((finding) => el('tr', {
      'data-resource': finding.resource, 'data-element': finding.element || '', 'data-rule': finding.rule || ''
    }, [
      el('td', { text: finding.resource || '' }),
      el('td', {}, [finding.element ? el('code', { text: finding.element }) : '—']),
      el('td', {}, [finding.rule ? el('code', { text: finding.rule }) : '—']),
      el('td', { text: finding.message || '' })
    ])))
  ]);
}

function changesTable(changes, caption) {
  return el('table', { id: 'changes-table', 'data-testid': 'changes-table' }, [
    el('caption', { text: caption }),
    el('thead', {}, [el('tr', {}, [
      el('th', { scope: 'col', text: 'File' }), el('th', { scope: 'col', text: 'Pathway' }),
      el('th', { scope: 'col', text: 'Element' }), el('th', { scope: 'col', text: 'Change' }),
      el('th', { scope: 'col', text: 'Detail' })
    ])]),
    el('tbody', {}, changes.map((change) => el('tr', {
      'data-resource': change.resource, 'data-element': change.element || '', 'data-change': change.change
    }, [
      el('td', { text: change.resource || '' }),
      el('td', {}, [change.key ? el('code', { text: change.key }) : '—']),
      el('td', {}, [change.element ? el('code', { text: change.element }) : '—']),
      el('td', {}, [el('span', {
        className: 'badge badge--' + String(change.change || '').toLowerCase(),
        text: changeLabel(change.change)
      })]),
      el('td', { text: change.detail || '' })
    ])))
  ]);
}

function showResult(outcome, message, findings, changes, changesCaption) {
  const result = $('change-result');
  result.dataset.outcome = outcome;
  const parts = [el('p', {
    id: 'change-outcome', 'data-testid': 'change-outcome',
    className: 'outcome outcome--' + outcome, text: message
  })];
  if (findings && findings.length) {
    parts.push(el('div', { className: 'table-wrap' }, [findingsTable(findings)]));
  }
  if (changes && changes.length) {
    parts.push(el('div', { className: 'table-wrap' }, [changesTable(changes, changesCaption)]));
  } else if (outcome === 'accepted' || outcome === 'deployed') {
    parts.push(el('p', { className: 'hint', text: 'No step, deadline or route differs from the version running now.' }));
  }
  result.replaceChildren(...parts);
  result.hidden = false;
}

function selectedFiles() {
  return Array.from($('change-files').files || []);
}

function selectionKey(files) {
  return files.map((file) => file.name + ':' + file.size + ':' + file.lastModified).join('|');
}

function setBusy(busy) {
  $('check-button').disabled = busy;
  $('deploy-button').disabled = busy || state.acceptedSelection === null
    || state.acceptedSelection !== selectionKey(selectedFiles());
  $('change-form').setAttribute('aria-busy', busy ? 'true' : 'false');
}

async function check() {
  const files = selectedFiles();
  if (!files.length) {
    showResult('error', 'Choose one or more .bpmn, .dmn or .form files first.');
    return;
  }
  state.acceptedSelection = null;
  setBusy(true);
  $('change-result').dataset.outcome = 'checking';
  try {
    const answer = await api.check(files);
    if (answer.accepted) {
      state.acceptedSelection = selectionKey(files);
      showResult('accepted', 'Accepted: nothing in these files breaks a rule. Nothing was deployed yet; '
        + 'Deploy makes them the new versions.', [], answer.changes || [], 'What would change');
    } else {
      showResult('refused', 'Refused: these files cannot be deployed as they are. Nothing was deployed.',
        answer.findings || [], answer.changes || [], 'What would change');
    }
  } catch (failure) {
    showResult('error', 'The check could not be run: ' + failure.message, (failure.body || {}).findings);
  } finally {
    setBusy(false);
  }
}

async function deploy() {
  const files = selectedFiles();
  if (!files.length || state.acceptedSelection !== selectionKey(files)) {
    return;
  }
  setBusy(true);
  $('change-result').dataset.outcome = 'deploying';
  try {
    const record = await api.deploy(files);
    state.acceptedSelection = null;
    showResult('deployed', 'Deployed by ' + (record.deployedBy || 'you') + ' at ' + formatTime(record.deployedAt)
      + '. New cases follow the new versions; running cases keep the version they started with.',
    [], record.changes || [], 'What changed');
  } catch (failure) {
    state.acceptedSelection = null;
    const findings = (failure.body || {}).findings || [];
    showResult(findings.length ? 'refused' : 'error',
      (findings.length ? 'Refused: ' : 'The deployment failed: ') + (failure.detail || failure.message)
      + ' Nothing was deployed.', findings);
  } finally {
    setBusy(false);
  }
  await Promise.all([loadHistory(), loadPathways()]).catch((failure) => showGlobalError(failure.message));
}

// ---------------------------------------------------------------------------------------------
// Deployment history

/** A list of the first few items, the rest behind "Show all". */
function collapsed(items) {
  if (items.length <= HISTORY_ITEMS_SHOWN + 1) {
    return [el('ul', { className: 'plain' }, items)];
  }
  return [el('ul', { className: 'plain' }, items.slice(0, HISTORY_ITEMS_SHOWN)), el('details', {}, [
    el('summary', { text: 'Show ' + (items.length - HISTORY_ITEMS_SHOWN) + ' more' }),
    el('ul', { className: 'plain' }, items.slice(HISTORY_ITEMS_SHOWN))
  ])];
}

function historyRow(record) {
  const refused = record.outcome === 'REFUSED';
  // Models before forms: they are what policy staff look for.
  const models = [...(record.resources || [])].sort((a, b) =>
    Number(a.endsWith('.form')) - Number(b.endsWith('.form')) || a.localeCompare(b));
  const what = [];
  for (const change of record.changes || []) {
    what.push(el('li', {}, [
      changeLabel(change.change) + ' ',
      change.element ? el('code', { text: change.element }) : '',
      change.detail ? ': ' + change.detail : ''
    ]));
  }
  for (const finding of record.findings || []) {
    what.push(el('li', { className: 'finding' }, [
      finding.rule ? el('code', { text: finding.rule }) : '', finding.rule ? ' ' : '',
      finding.element ? el('code', { text: finding.element }) : '', finding.element ? ': ' : '',
      finding.message || ''
    ]));
  }
  return el('tr', { 'data-outcome': refused ? 'REFUSED' : (record.outcome || 'DEPLOYED'), 'data-id': record.id || '' }, [
    el('td', { className: 'nowrap', text: formatTime(record.deployedAt) }),
    el('td', { text: record.deployedBy || (record.door === 'FOLDER' ? 'the service' : '—') }),
    el('td', { text: DOOR_LABEL[record.door] || record.door || '—' }),
    el('td', {}, [el('span', {
      className: 'badge ' + (refused ? 'badge--refused' : 'badge--deployed'),
      text: refused ? 'Refused' : 'Deployed'
    })]),
    el('td', {}, collapsed(models.map((name) => el('li', { text: name })))),
    el('td', {}, what.length === 0
      ? [el('span', { className: 'hint', text: 'No change to steps or deadlines' })]
      : collapsed(what))
  ]);
}

async function loadHistory() {
  const section = $('history-section');
  section.dataset.state = 'loading';
  try {
    const records = await api.deployments();
    $('history-table').querySelector('tbody').replaceChildren(...records.map(historyRow));
    $('history-empty').hidden = records.length > 0;
    $('history-wrap').hidden = records.length === 0;
    $('history-error').hidden = true;
    section.dataset.state = records.length ? 'ready' : 'empty';
  } catch (failure) {
    $('history-error').textContent = 'The history could not be read: ' + failure.message;
    $('history-error').hidden = false;
    section.dataset.state = 'error';
  }
}

// ---------------------------------------------------------------------------------------------

async function whoami() {
  try {
    const me = await api.me();
    $('user').textContent = me.user;
  } catch (failure) {
    $('user').textContent = '—';
  }
}

async function start() {
  carryToken($('sign-out'), $('sign-out-token'));
  $('change-form').addEventListener('submit', (event) => {
    event.preventDefault();
    check();
  });
  $('deploy-button').addEventListener('click', deploy);
  initMigration();
  document.addEventListener('pathways-changed', () => {
    loadPathways().catch((failure) => showGlobalError('The pathways could not be read: ' + failure.message));
  });
  $('change-files').addEventListener('change', () => {
    state.acceptedSelection = null;
    $('change-result').hidden = true;
    setBusy(false);
  });
  setBusy(false);
  const loaded = Promise.all([
    whoami(),
    loadHistory(),
    loadPathways().catch((failure) => {
      $('pathways-section').dataset.state = 'error';
      showGlobalError('The pathways could not be read: ' + failure.message);
    })
  ]);
  await loaded;
  document.body.dataset.state = 'ready';
}

whenReady(start);
