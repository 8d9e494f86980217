/*
 * Hifazat login page: says why it is shown (a wrong password, a signed-out or ended session) and
 * sends the XSRF token from its cookie with the form.
 */
import { $, whenReady } from '../shared/dom.js';
import { carryToken } from '../shared/http.js';

const MESSAGES = {
  error: { text: 'The user name or password is not right. Please try again. / صارف کا نام یا پاس ورڈ درست نہیں۔ دوبارہ کوشش کریں۔', kind: 'error' },
  expired: { text: 'Your session has ended. Please sign in again. / آپ کا سیشن ختم ہو گیا۔ دوبارہ سائن ان کریں۔', kind: 'info' },
  logout: { text: 'You have signed out. / آپ سائن آؤٹ ہو گئے۔', kind: 'info' }
};

/** Why the login page is shown, from its address (?error, ?expired, ?logout), or undefined. */
function loginReason(search) {
  const params = new URLSearchParams(search);
  return Object.keys(MESSAGES).find((name) => params.has(name));
}

function start() {
  const reason = loginReason(window.location.search);
  const message = $('login-message');
  if (reason) {
    message.textContent = MESSAGES[reason].text;
    message.className = 'alert alert--' + MESSAGES[reason].kind;
    message.setAttribute('data-reason', reason);
    message.hidden = false;
  }
  if (reason === 'error') {
    const password = $('password');
    password.setAttribute('aria-invalid', 'true');
    password.setAttribute('aria-describedby', 'login-message');
  }
  carryToken($('login-form'), $('csrf'));
}

whenReady(start);
