import { el } from '../shared/dom.js';

const DMN = '*';

function text(node) {
  const child = node && node.getElementsByTagNameNS(DMN, 'text')[0];
  return child ? child.textContent.trim() : '';
}

function directChildren(node, name) {
  return Array.from(node.children).filter((child) => child.localName === name);
}

/**
 * A decision of a DMN file as a plain HTML table, so that policy staff can read every rule
 * without a DMN editor. Returns null if the decision is not a decision table.
 */
export function decisionTable(xml, decisionKey) {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  if (document.getElementsByTagName('parsererror').length) {
    throw new Error('the decision file could not be read');
  }
  const decisions = Array.from(document.getElementsByTagNameNS(DMN, 'decision'));
  const decision = decisions.find((node) => node.getAttribute('id') === decisionKey) || decisions[0];
  const table = decision && decision.getElementsByTagNameNS(DMN, 'decisionTable')[0];
  if (!table) {
    return null;
  }
  const inputs = directChildren(table, 'input');
  const outputs = directChildren(table, 'output');
  const rules = directChildren(table, 'rule');
  const description = directChildren(decision, 'description')[0];

  const head = el('tr', {}, [
    el('th', { scope: 'col', className: 'num', text: '#' }),
    ...inputs.map((input) => el('th', { scope: 'col', className: 'dmn-input' }, [
      input.getAttribute('label') || text(input.getElementsByTagNameNS(DMN, 'inputExpression')[0]),
      el('span', { className: 'dmn-kind', text: 'when' })
    ])),
    ...outputs.map((output) => el('th', { scope: 'col', className: 'dmn-output' }, [
      output.getAttribute('label') || output.getAttribute('name') || '',
      el('span', { className: 'dmn-kind', text: 'then' })
    ])),
    el('th', { scope: 'col', text: 'Why' })
  ]);
  const body = rules.map((rule, index) => el('tr', { 'data-rule-id': rule.getAttribute('id') }, [
    el('td', { className: 'num', text: String(index + 1) }),
    ...directChildren(rule, 'inputEntry').map((entry) => el('td', { className: 'dmn-input' },
      [el('code', { text: text(entry) || '-' })])),
    ...directChildren(rule, 'outputEntry').map((entry) => el('td', { className: 'dmn-output' },
      [el('code', { text: text(entry) || '-' })])),
    el('td', { className: 'dmn-why', text: (directChildren(rule, 'description')[0] || {}).textContent || '' })
  ]));

  return el('div', { className: 'decision' }, [
    description ? el('p', { className: 'decision__description', text: description.textContent.trim() }) : null,
    el('p', { className: 'hint' }, [
      'Hit policy ', el('strong', { text: table.getAttribute('hitPolicy') || 'UNIQUE' }),
      table.getAttribute('hitPolicy') === 'FIRST' ? ': the first matching rule applies.'
        : table.getAttribute('hitPolicy') === 'COLLECT' ? ': every matching rule applies.' : '.',
      ' A dash means "any value".'
    ]),
    el('div', { className: 'table-wrap' }, [
      el('table', { className: 'decision-table', 'data-decision': decision.getAttribute('id') }, [
        el('caption', { className: 'visually-hidden', text: (decision.getAttribute('name') || '') + ': rules' }),
        el('thead', {}, [head]),
        el('tbody', {}, body)
      ])
    ])
  ]);
}
