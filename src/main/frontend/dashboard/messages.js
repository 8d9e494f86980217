/* What the dashboard says when a panel's call fails. */
import { ApiError } from '../shared/http.js';

/** A failure as a lead sentence and the bad fields the problem body lists. */
export function errorMessage(error) {
  if (!(error instanceof ApiError)) {
    return { text: 'Something went wrong while showing this panel: ' + ((error && error.message) || error), items: [] };
  }
  const detail = error.detail ? ': ' + error.detail : '.';
  switch (error.status) {
    case 0:
      return { text: error.message + '.', items: [] };
    case 401:
      return { text: 'Your session has ended (401). Sign in again to see the figures.', items: error.errors };
    case 403:
      return { text: 'You may not see these figures (403)' + detail, items: error.errors };
    case 400:
      return { text: 'The filters were refused (400)' + detail, items: error.errors };
    default: {
      const title = error.body && error.body.title;
      return { text: 'The server answered ' + error.status + (title ? ' (' + title + ')' : '') + detail, items: error.errors };
    }
  }
}
