/** A failed call, with the problem body's detail and, for a refused change, its findings. */
export class ApiError extends Error {
  constructor(status, title, detail, body) {
    super(detail ? title + ': ' + detail : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.body = body || null;
  }
}

function describe(status) {
  if (status === 401) return 'Your session has ended: sign in again';
  if (status === 403) return 'Only policy staff and administrators may use this page';
  if (status === 404) return 'Not found';
  if (status === 413) return 'The files are too large';
  return 'The server answered ' + status;
}

/** The session's XSRF token, from the cookie the server set with the page. */
export function xsrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)HIFAZAT-XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** The session has ended: load the page again, which goes by the login page and back here. */
function signInAgain() {
  window.location.reload();
}

/**
 * Calls the pathways API with the login session; a change (dry run, deployment, migration)
 * carries the session's XSRF token. Resolves to the parsed body (JSON or text), rejects with an
 * ApiError; an ended session (401) goes back to the login page.
 */
export async function call(path, options = {}) {
  let response;
  const method = options.method || 'GET';
  try {
    // X-Requested-With: a page's call is answered 401 without a challenge, so the browser never
    // asks for (and keeps) an HTTP Basic credential.
    const headers = {
      Accept: options.accept || 'application/json, application/problem+json',
      'X-Requested-With': 'XMLHttpRequest'
    };
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (method !== 'GET' && method !== 'HEAD') {
      headers['X-XSRF-TOKEN'] = xsrfToken();
    }
    // Against the origin, never the page's own address: one opened as user:password@host would
    // make every request carry credentials in its URL, which browsers refuse.
    response = await fetch(new URL(path, window.location.origin), {
      method,
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
      credentials: 'same-origin',
      cache: 'no-store',
      headers
    });
  } catch (error) {
    throw new ApiError(0, 'The server could not be reached', 'check the connection and try again');
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json')
    ? await response.json().catch(() => null)
    : await response.text().catch(() => null);
  if (response.status === 401) {
    signInAgain();
  }
  if (!response.ok) {
    const problem = body && typeof body === 'object' ? body : {};
    throw new ApiError(response.status, problem.title || describe(response.status),
      problem.detail || '', problem);
  }
  return body;
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
