import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorMessage } from '../dashboard/messages.js';
import { ApiError, problemError } from '../shared/http.js';

test('refused filters say so, with each bad field', () => {
  const error = problemError(400, { title: 'Bad Request', detail: 'The filters are not valid', errors: { from: 'not an instant' } });
  assert.deepEqual(errorMessage(error),
    { text: 'The filters were refused (400): The filters are not valid', items: ['from: not an instant'] });
});

test('a refusal of the figures names the status', () => {
  assert.equal(errorMessage(problemError(403, { title: 'Forbidden', detail: 'Only managers read figures' })).text,
    'You may not see these figures (403): Only managers read figures');
  assert.equal(errorMessage(problemError(403, null)).text, 'You may not see these figures (403).');
  assert.equal(errorMessage(problemError(401, null)).text, 'Your session has ended (401). Sign in again to see the figures.');
});

test('a server failure names the problem title only when the server sent one', () => {
  assert.equal(errorMessage(problemError(500, { title: 'Internal Server Error' })).text,
    'The server answered 500 (Internal Server Error).');
  assert.equal(errorMessage(problemError(502, '<html>')).text, 'The server answered 502.');
});

test('an unreachable server and a failure in the page itself are told apart', () => {
  assert.equal(errorMessage(new ApiError(0, 'The server could not be reached', 'check the connection and try again')).text,
    'The server could not be reached: check the connection and try again.');
  assert.deepEqual(errorMessage(new TypeError('x is undefined')),
    { text: 'Something went wrong while showing this panel: x is undefined', items: [] });
});
