/*
 * The case record (/case/?number=PB-2026-000001) for the case's officers and supervisors: its
 * stage, open tasks with their clocks, deadlines met and missed, and a timeline, read from
 * GET /api/cases/{n} with the login session, which decides who may read it. The child's
 * identity is not shown here (R-NO-DISCLOSURE).
 */
import { $, el, whenReady } from '../shared/dom.js';
import { call } from '../shared/http.js';
import { formatTime } from '../shared/time.js';
import { deadlineWords, timeline } from './record.js';

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
    ['Stage / مرحلہ', view.stage || '—'],
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
  document.body.setAttribute('data-state', 'ready');
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
  try {
    show(await call('/api/cases/' + encodeURIComponent(number)));
  } catch (error) {
    // The API answers a case one may not read as not found: the page says no more.
    refusal.textContent = 'Case ' + number + ' is not one you may open / یہ کیس آپ نہیں کھول سکتے ('
      + error.title + ')';
    refusal.hidden = false;
    document.body.setAttribute('data-state', 'refused');
  }
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
