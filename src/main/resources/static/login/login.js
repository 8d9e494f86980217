/*
 * Hifazat login page: says why it is shown (a wrong password, a signed-out or ended session) and
 * sends the XSRF token from its cookie with the form. Plain JavaScript, no build step.
 */
(function () {
  'use strict';

  var MESSAGES = {
    error: { text: 'The user name or password is not right. Please try again.', kind: 'error' },
    expired: { text: 'Your session has ended. Please sign in again.', kind: 'info' },
    logout: { text: 'You have signed out.', kind: 'info' }
  };

  function token() {
    var match = document.cookie.match(/(?:^|;\s*)HIFAZAT-XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function start() {
    var params = new URLSearchParams(window.location.search);
    var reason = ['error', 'expired', 'logout'].filter(function (name) {
      return params.has(name);
    })[0];
    var message = document.getElementById('login-message');
    if (reason) {
      message.textContent = MESSAGES[reason].text;
      message.className = 'alert alert--' + MESSAGES[reason].kind;
      message.setAttribute('data-reason', reason);
      message.hidden = false;
    }
    if (reason === 'error') {
      var password = document.getElementById('password');
      password.setAttribute('aria-invalid', 'true');
      password.setAttribute('aria-describedby', 'login-message');
    }
    document.getElementById('login-form').addEventListener('submit', function () {
      document.getElementById('csrf').value = token();
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
