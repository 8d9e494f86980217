/* The pathways API, as the policy page calls it. */
import { call as callApi, describeStatus } from '../shared/http.js';

function describe(status) {
  return status === 403 ? 'Only policy staff and administrators may use this page' : describeStatus(status);
}

/** Calls the API; a refusal without a problem title says what it means on this page. */
export function call(path, options = {}) {
  return callApi(path, { describe, ...options });
}

export const pathways = {
  list: () => call('/api/pathways'),
  xml: (definitionId) => call('/api/pathways/definitions/' + encodeURIComponent(definitionId) + '/xml',
    { accept: 'application/xml, text/xml' }),
  waiting: (definitionId) => call('/api/pathways/definitions/' + encodeURIComponent(definitionId) + '/waiting'),
  check: (files) => call('/api/pathways/checks', { method: 'POST', body: upload(files) }),
  deploy: (files) => call('/api/pathways/deployments', { method: 'POST', body: upload(files) }),
  deployments: () => call('/api/pathways/deployments'),
  me: () => call('/api/me')
};

function upload(files) {
  const form = new FormData();
  for (const file of files) {
    form.append('files', file, file.name);
  }
  return form;
}
