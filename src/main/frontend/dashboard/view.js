/* The dashboard's building blocks in the page: panels and their states, links, times, errors. */
import { el } from '../shared/dom.js';
import { ApiError, call } from '../shared/http.js';
import { caseRecordHref } from '../shared/links.js';
import { pakistanDateTime, parseInstant } from '../shared/time.js';
import { errorMessage } from './messages.js';

/** Calls the API for figures; an answer that is not JSON is a failure too. */
export async function figures(path, params) {
  const body = await call(path, { params });
  if (body === null || typeof body !== 'object') {
    throw new ApiError(200, 'Unexpected answer', 'The server did not answer JSON.');
  }
  return body;
}

/** An instant as a <time> element in Pakistan time (the column heading says PKT). */
export function timeElement(value) {
  const date = parseInstant(value);
  if (!date) {
    return el('span', { className: 'hint', text: '—' });
  }
  return el('time', { datetime: date.toISOString(), text: pakistanDateTime(date) });
}

/** A case number opening the case's record page (for those the case API lets read it). */
export function caseLink(caseNumber) {
  return el('a', { href: caseRecordHref(caseNumber), 'data-case-number': caseNumber, text: caseNumber });
}

export function kindBadge(kind) {
  const value = (kind || '').toLowerCase();
  return el('span', { className: 'badge' + (value ? ' badge--' + value : ''), text: value || '—' });
}

export function showError(node, error) {
  const message = errorMessage(error);
  node.replaceChildren(message.text);
  if (message.items.length) {
    node.append(el('ul', null, message.items.map((item) => el('li', { text: item }))));
  }
  node.setAttribute('data-status', error instanceof ApiError ? String(error.status) : 'client');
  node.hidden = false;
}

/** A panel shows one of its data-role children: loading | error | empty | content (when ready). */
export function setPanelState(panel, panelState) {
  panel.setAttribute('data-state', panelState);
  panel.setAttribute('aria-busy', panelState === 'loading' ? 'true' : 'false');
  for (const role of ['loading', 'error', 'empty', 'content']) {
    panel.querySelectorAll(':scope > [data-role="' + role + '"]').forEach((node) => {
      node.hidden = role !== panelState && !(role === 'content' && panelState === 'ready');
    });
  }
}

export function panelError(panel, error) {
  showError(panel.querySelector(':scope > [data-role="error"]'), error);
  setPanelState(panel, 'error');
}

/** The hint under a panel that only part of the list is shown, or none. */
export function moreNote(panel, text) {
  const old = panel.querySelector(':scope > .more-note');
  if (old) {
    old.remove();
  }
  if (text) {
    panel.append(el('p', { className: 'hint more-note', text }));
  }
}
