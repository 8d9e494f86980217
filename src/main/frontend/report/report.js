/*
 * The officer's report form (/report/): registers a report about a child through POST
 * /api/cases with the login session, and answers with the case number, or with each refused
 * field in words.
 */
import { $, whenReady } from '../shared/dom.js';
import { call } from '../shared/http.js';
import { refusalLines, reportBody } from './request.js';

/** The API's field names in the form's words, for its refusals. */
const LABELS = {
  province: 'Province / صوبہ',
  district: 'District / ضلع',
  reportedAt: 'Reported at / رپورٹ کا وقت',
  source: 'Source / ذریعہ',
  'child.sex': 'Girl or boy / لڑکی یا لڑکا',
  'child.ageYears': 'Age / عمر',
  'child.nationality': 'Nationality / قومیت',
  'child.residence': 'Residence / رہائش',
  offenceTypes: 'Suspected offences / مشتبہ جرائم',
  'custody.takenAt': 'Custody taken at / تحویل کا وقت'
};

function showCustody() {
  $('custody-time').hidden = !$('in-custody').checked;
}

async function submit(event) {
  event.preventDefault();
  const form = event.target;
  const answer = $('answer');
  const problems = $('problems');
  answer.hidden = true;
  problems.hidden = true;
  problems.replaceChildren();
  form.setAttribute('aria-busy', 'true');
  try {
    const opened = await call('/api/cases', { method: 'POST', json: reportBody(new FormData(form)) });
    $('case-number').textContent = opened.caseNumber;
    $('case-link').href = '/case/?number=' + encodeURIComponent(opened.caseNumber);
    answer.hidden = false;
    answer.focus();
    form.reset();
    showCustody();
  } catch (error) {
    const title = document.createElement('p');
    title.textContent = 'Not registered / درج نہیں ہوا: ' + error.title;
    const list = document.createElement('ul');
    for (const line of refusalLines(error, LABELS)) {
      const item = document.createElement('li');
      item.textContent = line;
      list.append(item);
    }
    problems.append(title, list);
    problems.hidden = false;
    problems.focus();
  } finally {
    form.removeAttribute('aria-busy');
  }
}

function start() {
  $('in-custody').addEventListener('change', showCustody);
  $('report-form').addEventListener('submit', submit);
  showCustody();
}

whenReady(start);
