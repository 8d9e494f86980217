/*
 * The case record (/case/?number=PB-2026-000001) for the case's officers and supervisors: its
 * stage, open tasks with their clocks, deadlines met and missed, the court's dates, referrals,
 * placement, compensation and justice, notes, papers and a timeline, each read from the API of
 * the module that keeps it, with the login session: each API decides who may read it. The
 * child's identity only on a deliberate click, which the identity API audits (R-NO-DISCLOSURE).
 */
import { $, el, whenReady } from '../shared/dom.js';
import { call } from '../shared/http.js';
import { formatTime } from '../shared/time.js';
import {
  CONSENT_WORDS, MATCH_WORDS, SHARING_WORDS, TRANSFER_WORDS, compensationSummary, deadlineWords, factRows,
  referralWords, rupees, stageWords, stepWords, timeline, words
} from './record.js';

const CASE_NUMBER = /^[A-Z]{2,3}-\d{4}-\d{6}$/;

/** Urdu inside an English line, isolated so that each reads in its own direction. */
function urdu(text) {
  return '\u2067' + text + '\u2069';
}

/** "Girl, 14 years · لڑکی، 14 سال". */
function childWords(child) {
  const sex = { F: ['Girl', 'لڑکی'], M: ['Boy', 'لڑکا'], X: ['Transgender or intersex', 'خواجہ سرا'] }[child.sex]
    || [child.sex || '', child.sex || ''];
  const years = child.ageYears === undefined || child.ageYears === null ? null : child.ageYears;
  return years === null ? sex[0] + ' · ' + urdu(sex[1])
    : sex[0] + ', ' + years + ' years · ' + urdu(sex[1] + '، ' + years + ' سال');
}

function row(cells) {
  return el('tr', {}, cells.map((cell) => el('td', {}, [cell])));
}

function show(view) {
  $('case-title').textContent = view.caseNumber;
  const child = view.child || {};
  const facts = [
    ['Status / حالت', view.status],
    ['Stage / مرحلہ', stageWords(view.stage)],
    ['District / ضلع', view.district + ', ' + view.province],
    ['Child / بچہ', childWords(child)],
    ['Offences / جرائم', (view.offenceTypes || []).join(', ')],
    ['Custody taken / تحویل', formatTime(view.custodyTakenAt)]
  ];
  $('facts').replaceChildren(...facts.flatMap(([name, value]) =>
    [el('dt', { text: name }), el('dd', { text: value })]));

  $('tasks').replaceChildren(...(view.tasks || []).map((task) => {
    const overdue = task.due && new Date(task.due) < new Date();
    return row([
      el('a', { href: '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(task.id),
        text: task.name }),
      overdue ? el('strong', { className: 'overdue', text: formatTime(task.due) + ' · Overdue / ' + urdu('وقت گزر گیا') })
        : formatTime(task.due),
      task.assignee || '—'
    ]);
  }));
  $('deadlines').replaceChildren(...(view.deadlines || []).map((deadline) => row([
    deadline.rule,
    el('span', { className: 'status status--' + String(deadline.status).toLowerCase(),
      text: deadlineWords(deadline.status) }),
    formatTime(deadline.dueAt),
    formatTime(deadline.metAt || deadline.breachedAt)
  ])));
  $('timeline').replaceChildren(...timeline(view).map((event) =>
    el('li', {}, [el('time', { datetime: event.at, text: formatTime(event.at) }), ' ', event.text])));
  $('record').hidden = false;
}

const NONE = 'None yet / ابھی کوئی نہیں';
const NOT_SHOWN = 'Not shown to you / آپ کو نہیں دکھایا جاتا';

function facts(node, answer) {
  const rows = factRows(answer, formatTime);
  node.replaceChildren(...(rows.length ? rows.flatMap(([name, value]) =>
    [el('dt', { text: name }), el('dd', { text: value })]) : [el('dd', { text: NONE })]));
}

function steps(node, list) {
  node.replaceChildren(...(list.length ? list.map((step) => el('li', {}, [
    el('time', { datetime: step.occurredAt, text: formatTime(step.occurredAt) }), ' ',
    stepWords(step.event) + (step.outcome ? ': ' + stepWords(step.outcome) : '')
      + (step.amount !== null && step.amount !== undefined ? ' · ' + rupees(step.amount) : '')
      + (step.agency ? ' · ' + step.agency : '')
  ])) : [el('li', { text: NONE })]));
}

function compensation(answer) {
  const sum = compensationSummary(answer.compensation);
  $('compensation-summary').replaceChildren(
    el('dt', { text: 'Claimed / دعویٰ' }), el('dd', { text: rupees(sum.claimed) }),
    el('dt', { text: 'Granted / منظور' }), el('dd', { text: rupees(sum.granted) }),
    el('dt', { text: 'Paid / ادا' }), el('dd', { text: rupees(sum.paid) }));
  steps($('compensation'), answer.compensation || []);
  steps($('justice'), answer.justice || []);
}

function referrals(list) {
  $('referrals').replaceChildren(...(list.length ? list.map((referral) => row([
    referral.agency,
    referralWords(referral.status),
    formatTime(referral.sentAt),
    formatTime(referral.answeredAt),
    referral.outcome || '—',
    referral.sharingBasis ? words(SHARING_WORDS, referral.sharingBasis)
      + (referral.sharedFacts ? ' · ' + referral.sharedFacts : '') : '—'
  ])) : [row([NONE])]));
}

/** R-CONSENT: each time a referral waited for the child's and the guardian's consent. */
function consents(list) {
  $('consents').replaceChildren(...(list.length ? list.map((asked) => row([
    asked.agency,
    formatTime(asked.askedAt),
    words(CONSENT_WORDS, asked.childConsent),
    words(CONSENT_WORDS, asked.guardianConsent),
    words(CONSENT_WORDS, asked.outcome)
  ])) : [row([NONE])]));
}

/** R-NO-DISCLOSURE: what a court permitted an agency to know, from its order. */
function disclosures(list) {
  $('disclosures').replaceChildren(...(list.length ? list.map((permission) => row([
    permission.agency,
    (permission.facts || []).join(', '),
    permission.court + ' · ' + permission.orderReference,
    permission.orderedOn + (permission.validUntil ? ' – ' + permission.validUntil : '')
  ])) : [row([NONE])]));
}

/**
 * R-MATCH-LINK, R-NO-DISCLOSURE: the same child possibly found in another case, as far as the
 * reader may know it (district, stage, dates, what agreed); the other district's supervisor is
 * asked to confirm with one click.
 */
function matches(answer, number) {
  const list = answer.possibleMatches || [];
  $('matches').replaceChildren(...(list.length ? list.map((match) => {
    const ask = match.status === 'POSSIBLE'
      ? el('button', { type: 'button', className: 'button', text: 'Ask to confirm / تصدیق کی درخواست' })
      : null;
    if (ask) {
      ask.addEventListener('click', async () => {
        ask.disabled = true;
        try {
          await call('/api/cases/' + encodeURIComponent(number) + '/possible-matches/'
            + encodeURIComponent(match.id) + '/link-request', { method: 'POST' });
          ask.replaceWith(words(MATCH_WORDS, 'REQUESTED'));
        } catch (error) {
          ask.replaceWith(error.title || String(error));
        }
      }, { once: true });
    }
    return row([
      (match.caseNumber ? match.caseNumber + ' · ' : '') + match.district + ' (' + match.province + ')',
      stageWords(match.stage),
      formatTime(match.reportedAt),
      (match.reasons || []).map((reason) => words(MATCH_WORDS, reason)).join(', '),
      ask || words(MATCH_WORDS, match.status)
    ]);
  }) : [row([NONE])]));
}

/** R-TRANSFER: the districts the case moved between, and what the receiving one answered. */
function transfers(list) {
  $('transfers').replaceChildren(...(list.length ? list.map((transfer) => row([
    formatTime(transfer.requestedAt),
    transfer.fromDistrict + ' (' + transfer.fromProvince + ') → ' + transfer.toDistrict + ' ('
      + transfer.toProvince + ')',
    words(TRANSFER_WORDS, transfer.reason),
    words(TRANSFER_WORDS, transfer.status)
      + (transfer.declineReason ? ': ' + transfer.declineReason : '')
  ])) : [row([NONE])]));
}

function notes(list) {
  $('notes').replaceChildren(...(list.length ? list.map((note) => el('li', {}, [
    el('time', { datetime: note.writtenAt, text: formatTime(note.writtenAt) }),
    ' · ' + note.writtenBy + ': ', el('span', { className: 'note', text: note.text })
  ])) : [el('li', { text: NONE })]));
}

function documents(list) {
  $('documents').replaceChildren(...(list.length ? list.map((paper) => row([
    paper.type, formatTime(paper.uploadedAt), paper.uploadedBy || '—'
  ])) : [row([NONE])]));
}

/** One part of the record, read from its own API; a part one may not read says so. */
async function part(path, render, node) {
  try {
    render(await call(path));
  } catch (error) {
    node.replaceChildren(el(node.tagName === 'TBODY' ? 'tr' : (node.tagName === 'DL' ? 'dd' : 'li'),
      { className: 'hint', text: error.status === 404 || error.status === 403 ? NOT_SHOWN
        : error.title }));
  }
}

async function parts(number) {
  const base = '/api/cases/' + encodeURIComponent(number);
  await Promise.all([
    part(base + '/court', (answer) => facts($('court'), answer), $('court')),
    part(base + '/placement', (answer) => facts($('placement'), answer), $('placement')),
    part(base + '/referrals', referrals, $('referrals')),
    part(base + '/consents', consents, $('consents')),
    part(base + '/disclosures', disclosures, $('disclosures')),
    part(base + '/transfers', transfers, $('transfers')),
    part(base + '/possible-matches', (answer) => matches(answer, number), $('matches')),
    part(base + '/compensation', compensation, $('justice')),
    part(base + '/notes', notes, $('notes')),
    part(base + '/documents', documents, $('documents'))
  ]);
}

/** The deliberate click: the identity API decides and records the look (R-NO-DISCLOSURE). */
async function showIdentity(number) {
  const out = $('identity');
  $('show-identity').disabled = true;
  try {
    const identity = await call('/api/cases/' + encodeURIComponent(number) + '/identity');
    const items = [
      el('dt', { text: 'Name / نام' }), el('dd', { text: identity.name || '—' }),
      el('dt', { text: 'Parents / والدین' }), el('dd', { text: (identity.parents || []).join(', ') || '—' }),
      el('dt', { text: 'Address / پتہ' }), el('dd', { text: identity.address || '—' })
    ];
    out.replaceChildren(el('dl', {}, items));
    if (identity.photo) {
      out.append(el('img', { alt: 'Photo / تصویر', className: 'photo',
        src: 'data:image/' + (identity.photo.startsWith('/9j/') ? 'jpeg' : 'png') + ';base64,'
          + identity.photo }));
    }
  } catch (error) {
    out.replaceChildren(error.status === 404 || error.status === 403
      ? 'No identity you may see is recorded for this case / اس کیس کی کوئی شناخت جو آپ دیکھ سکیں درج نہیں'
      : error.title);
  }
  out.hidden = false;
}

async function open(number) {
  const refusal = $('refusal');
  refusal.hidden = true;
  $('record').hidden = true;
  if (!CASE_NUMBER.test(number)) {
    refusal.textContent = 'A case number reads like PB-2026-000123 / کیس نمبر اس طرح ہوتا ہے: PB-2026-000123';
    refusal.hidden = false;
    return;
  }
  let view;
  try {
    view = await call('/api/cases/' + encodeURIComponent(number));
  } catch (error) {
    // The API answers a case one may not read as not found: the page says no more.
    refusal.textContent = 'Case ' + number + ' is not one you may open / یہ کیس آپ نہیں کھول سکتے ('
      + error.title + ')';
    refusal.hidden = false;
    document.body.setAttribute('data-state', 'refused');
    return;
  }
  show(view);
  $('show-identity').addEventListener('click', () => showIdentity(number), { once: true });
  await parts(number);
  document.body.setAttribute('data-state', 'ready');
}

function start() {
  const number = (new URLSearchParams(window.location.search).get('number') || '').trim()
    .toUpperCase();
  $('number').value = number;
  if (number) {
    open(number);
  }
}

whenReady(start);
