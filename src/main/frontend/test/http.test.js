import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, describeStatus, problemError, problemMessages, query, xsrfToken } from '../shared/http.js';

test('a query carries only the parameters that have a value', () => {
  assert.equal(query({ province: 'PB', district: '', from: null, to: undefined, limit: 1000 }), '?province=PB&limit=1000');
  assert.equal(query({}), '');
  assert.equal(query(undefined), '');
  assert.equal(query({ limit: 0 }), '?limit=0', 'zero is a value');
});

test('a query value is encoded, never read as more parameters', () => {
  assert.equal(query({ district: 'Dera Ghazi Khan&province=SD' }), '?district=Dera+Ghazi+Khan%26province%3DSD');
  assert.equal(query({ from: '2026-11-19T19:00:00.000Z' }), '?from=2026-11-19T19%3A00%3A00.000Z');
});

test('a problem body becomes a refusal with its title, detail and each bad field', () => {
  const error = problemError(400, {
    type: 'about:blank', title: 'Bad Request', status: 400, detail: 'The filters are not valid',
    errors: [{ field: 'from', message: 'must be an instant' }, 'limit too large']
  });
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 400);
  assert.equal(error.title, 'Bad Request');
  assert.equal(error.detail, 'The filters are not valid');
  assert.equal(error.message, 'Bad Request: The filters are not valid');
  assert.deepEqual(error.errors, ['from: must be an instant', 'limit too large']);
});

test('a refusal without a problem body is named by its status', () => {
  assert.equal(problemError(404, null).message, 'Not found');
  assert.equal(problemError(502, '<html>Bad gateway</html>').message, 'The server answered 502');
  assert.equal(problemError(413, {}).title, 'The files are too large');
  assert.equal(problemError(403, null, () => 'Only policy staff').title, 'Only policy staff', 'a page may name it its way');
  assert.equal(describeStatus(401), 'Your session has ended: sign in again');
});

test('the bad fields of a problem body, in every shape a server writes them', () => {
  assert.deepEqual(problemMessages(undefined), []);
  assert.deepEqual(problemMessages({ from: 'must be an instant', to: 'before from' }),
    ['from: must be an instant', 'to: before from']);
  assert.deepEqual(problemMessages([{ pointer: '/from', detail: 'bad' }, { parameter: 'limit', reason: 'too large' }]),
    ['/from: bad', 'limit: too large']);
  assert.deepEqual(problemMessages([{ code: 42 }]), ['{"code":42}']);
  assert.deepEqual(problemMessages('one text'), ['one text']);
});

test('the XSRF token is read from its own cookie only', () => {
  assert.equal(xsrfToken('JSESSIONID=abc; HIFAZAT-XSRF-TOKEN=t%2Bk%3D1; other=2'), 't+k=1');
  assert.equal(xsrfToken('HIFAZAT-XSRF-TOKEN=first'), 'first');
  assert.equal(xsrfToken('X-HIFAZAT-XSRF-TOKEN=forged'), '', 'a cookie whose name only ends the same');
  assert.equal(xsrfToken(''), '');
});
