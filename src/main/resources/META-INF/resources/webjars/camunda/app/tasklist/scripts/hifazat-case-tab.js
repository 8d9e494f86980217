/*
 * A "Case record" tab on every task in Tasklist: the task's case number (the card variable the
 * task carries) and a link to the case record page, /case/?number=... (Camunda's front-end
 * plugin point tasklist.task.detail, loaded through scripts/config.js customScripts).
 */
const engineApi = () => document.querySelector('base').getAttribute('engine-api');

async function caseNumberOf(taskId) {
  const response = await fetch(engineApi() + 'engine/default/task/' + encodeURIComponent(taskId)
      + '/localVariables/cardCase', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return null;
  }
  const variable = await response.json();
  return variable && typeof variable.value === 'string' ? variable.value : null;
}

export default {
  id: 'hifazat-case-record',
  pluginPoint: 'tasklist.task.detail',
  priority: 5,
  label: 'Case record / کیس ریکارڈ',
  properties: { label: 'Case record / کیس ریکارڈ' },
  render: (node, { taskId }) => {
    node.textContent = '';
    const paragraph = document.createElement('p');
    paragraph.className = 'hifazat-case-tab';
    node.appendChild(paragraph);
    caseNumberOf(taskId).then((caseNumber) => {
      if (!caseNumber) {
        paragraph.textContent = 'This task belongs to no case. / یہ کام کسی کیس کا نہیں۔';
        return;
      }
      const link = document.createElement('a');
      link.href = '/case/?number=' + encodeURIComponent(caseNumber);
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = 'Open the record of case ' + caseNumber + ' / کیس کا ریکارڈ کھولیں';
      paragraph.appendChild(link);
    });
  }
};
