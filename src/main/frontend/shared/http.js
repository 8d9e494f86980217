/*
 * Calls to Hifazat's API with the login session, the same for every page: a change carries the
 * session's XSRF token, a refusal becomes an ApiError read from its problem body (RFC 9457), and
 * an ended session (401) goes back by the login page.
 */

/** A failed call, with the problem body's title and detail, and each bad field as a line. */
export class ApiError extends Error {
  constructor(status, title, detail, body) {
    super(detail ? title + ': ' + detail : title);
    this.status = status;
    this.title = title;
    this.detail = detail || '';
    this.body = body || null;
    this.errors = problemMessages(this.body && this.body.errors);
  }
}

/** What a refusal without a problem title is called. */
export function describeStatus(status) {
  if (status === 401) return 'Your session has ended: sign in again';
  if (status === 403) return 'You may not do this';
  if (status === 404) return 'Not found';
  if (status === 413) return 'The files are too large';
  return 'The server answered ' + status;
}

/** The refusal a status and its answer's body (a problem body, or anything else) make. */
export function problemError(status, body, describe = describeStatus) {
  const problem = body && typeof body === 'object' ? body : {};
  return new ApiError(status, problem.title || describe(status), problem.detail || '', problem);
}

/** A problem body's "errors" (a list of fields or texts, or a field → message map) as lines. */
export function problemMessages(errors) {
  if (!errors) {
    return [];
  }
  if (Array.isArray(errors)) {
    return errors.map((error) => {
      if (typeof error === 'string') {
        return error;
      }
      const field = error.field || error.name || error.pointer || error.parameter;
      const message = error.message || error.detail || error.reason || JSON.stringify(error);
      return field ? field + ': ' + message : message;
    });
  }
  if (typeof errors === 'object') {
    return Object.keys(errors).map((field) => field + ': ' + errors[field]);
  }
  return [String(errors)];
}

/** "?a=1&b=x" from the parameters that have a value; empty text when none has. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

/** The session's XSRF token, from the cookie the server set with the page. */
export function xsrfToken(cookie = document.cookie) {
  const match = cookie.match(/(?:^|;\s*)HIFAZAT-XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** The session has ended: load the page again, which goes by the login page and back here. */
function signInAgain() {
  window.location.reload();
}

/**
 * Calls the API; resolves to the parsed body (JSON or text), rejects with an ApiError.
 * Options: method, params (the query), accept, json (a body to send as JSON) or body, and
 * describe (a status → title for refusals without a problem title).
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
    response = await fetch(new URL(path + query(options.params), window.location.origin), {
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
    throw problemError(response.status, body, options.describe);
  }
  return body;
}

/** A plain form (sign in, sign out) sends the session's XSRF token in its hidden field. */
export function carryToken(form, field) {
  form.addEventListener('submit', () => {
    field.value = xsrfToken();
  });
}
