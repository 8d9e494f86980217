/*
 * Hifazat managers' dashboard: deadlines at risk and breached, breaches over time, bottlenecks,
 * and drill-down to case numbers. Plain JavaScript, no build step; Chart.js comes from the
 * webjar. Reads the deadlines and bottlenecks API (GET /api/me, /api/sla/clocks,
 * /api/sla/breaches, /api/bottlenecks) with the login session; a change (signing out) carries
 * the session's XSRF token, and an ended session goes back to the login page.
 *
 * R-NO-DISCLOSURE: the page shows case numbers, rules, activities, areas and figures only. It
 * never renders anything about a child, and every value from the API goes into the page as text
 * (textContent), never as markup.
 */
(function () {
  'use strict';

  var PAKISTAN = 'Asia/Karachi';
  var PAKISTAN_OFFSET = '+05:00'; // Pakistan keeps no daylight saving time.
  var LIST_LIMIT = 1000;          // the API's maximum for clock lists
  var CHART_ACTIVITIES = 10;      // bars in the bottlenecks chart
  var AUTO_REFRESH_MS = 5 * 60 * 1000;

  var PROVINCES = {
    PB: 'Punjab', SD: 'Sindh', KP: 'Khyber Pakhtunkhwa', BA: 'Balochistan',
    ICT: 'Islamabad Capital Territory', GB: 'Gilgit-Baltistan', AJK: 'Azad Jammu and Kashmir'
  };

  var COLORS = {
    breach: '#a4161a',
    breachFill: 'rgba(164, 22, 26, 0.75)',
    open: 'rgba(11, 92, 173, 0.75)',
    openBorder: '#0b5cad',
    overdue: 'rgba(164, 22, 26, 0.8)',
    overdueBorder: '#a4161a',
    rule: 'rgba(138, 90, 0, 0.8)',
    ruleBorder: '#8a5a00',
    grid: '#e4e8ed',
    text: '#1c2430'
  };

  var state = {
    me: null,
    generation: 0,
    charts: {},
    rules: [],
    activities: [],
    districts: new Set(),
    drill: 0
  };

  // ---------------------------------------------------------------------------------------
  // Small helpers

  function $(id) {
    return document.getElementById(id);
  }

  /** Creates an element; children are nodes or strings (strings become text, never markup). */
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    if (attributes) {
      Object.keys(attributes).forEach(function (name) {
        var value = attributes[name];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (name === 'text') {
          node.textContent = String(value);
        } else if (name === 'className') {
          node.className = value;
        } else if (name === 'hidden') {
          node.hidden = true;
        } else {
          node.setAttribute(name, value === true ? '' : String(value));
        }
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) {
        return;
      }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  var dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: PAKISTAN, day: '2-digit', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hour12: false
  });
  var dayFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC', day: '2-digit', month: 'short'
  });
  var longDayFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: PAKISTAN, day: '2-digit', month: 'short', year: 'numeric'
  });

  function parseInstant(value) {
    if (!value) {
      return null;
    }
    var date = new Date(value);
    return isNaN(date.getTime()) ? null : date;
  }

  /** An instant as a <time> element in Pakistan time. */
  function timeElement(value) {
    var date = parseInstant(value);
    if (!date) {
      return el('span', { className: 'hint', text: '—' });
    }
    return el('time', { datetime: date.toISOString(), text: dateTimeFormat.format(date) });
  }

  /** "2026-11-20" (a Pakistan calendar day) as "20 Nov". */
  function formatDay(day) {
    var date = new Date(day + 'T00:00:00Z');
    return isNaN(date.getTime()) ? String(day) : dayFormat.format(date);
  }

  function formatDuration(ms) {
    var minutes = Math.max(0, Math.round(ms / 60000));
    if (minutes < 60) {
      return minutes + ' min';
    }
    var hours = Math.floor(minutes / 60);
    if (hours < 48) {
      var rest = minutes % 60;
      return hours + ' h' + (rest ? ' ' + rest + ' min' : '');
    }
    var days = Math.floor(hours / 24);
    var restHours = hours % 24;
    return days + ' d' + (restHours ? ' ' + restHours + ' h' : '');
  }

  /** Seconds as hours, "1.5 h"; null (no such tasks) as a dash. */
  function formatHours(seconds) {
    if (seconds === null || seconds === undefined || isNaN(Number(seconds))) {
      return '—';
    }
    var hours = Number(seconds) / 3600;
    return (hours >= 100 ? Math.round(hours).toString() : hours.toFixed(1)) + ' h';
  }

  function formatNumber(value, digits) {
    if (value === null || value === undefined || isNaN(Number(value))) {
      return '—';
    }
    return Number(value).toFixed(digits);
  }

  function formatShare(value) {
    if (value === null || value === undefined || isNaN(Number(value))) {
      return '—';
    }
    return Math.round(Number(value) * 100) + '%';
  }

  function provinceName(code) {
    return code && PROVINCES[code] ? PROVINCES[code] + ' (' + code + ')' : (code || '');
  }

  function areaText(me) {
    switch (me.scope) {
      case 'NATIONAL':
        return 'National (all provinces)';
      case 'PROVINCE':
        return provinceName(me.province);
      case 'DISTRICT':
        return me.district + ', ' + provinceName(me.province);
      default:
        return 'No area assigned';
    }
  }

  function caseLink(caseNumber) {
    return el('a', {
      href: '/api/cases/' + encodeURIComponent(caseNumber),
      'data-case-number': caseNumber,
      text: caseNumber
    });
  }

  function kindBadge(kind) {
    var value = (kind || '').toLowerCase();
    return el('span', {
      className: 'badge' + (value ? ' badge--' + value : ''),
      text: value || '—'
    });
  }

  function uniqueCaseNumbers(items) {
    var seen = new Set();
    var out = [];
    (items || []).forEach(function (item) {
      var caseNumber = item && item.caseNumber;
      if (caseNumber && !seen.has(caseNumber)) {
        seen.add(caseNumber);
        out.push(caseNumber);
      }
    });
    return out;
  }

  // ---------------------------------------------------------------------------------------
  // The API

  function ApiError(status, title, detail, errors) {
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors || [];
  }

  function query(params) {
    var search = new URLSearchParams();
    Object.keys(params || {}).forEach(function (name) {
      var value = params[name];
      if (value !== null && value !== undefined && value !== '') {
        search.set(name, value);
      }
    });
    var text = search.toString();
    return text ? '?' + text : '';
  }

  /** Reads the problem details (RFC 9457) of a refused call, as far as they go. */
  function problemErrors(errors) {
    if (!errors) {
      return [];
    }
    if (Array.isArray(errors)) {
      return errors.map(function (error) {
        if (typeof error === 'string') {
          return error;
        }
        var field = error.field || error.name || error.pointer || error.parameter;
        var message = error.message || error.detail || error.reason || JSON.stringify(error);
        return field ? field + ': ' + message : message;
      });
    }
    if (typeof errors === 'object') {
      return Object.keys(errors).map(function (field) {
        return field + ': ' + errors[field];
      });
    }
    return [String(errors)];
  }

  /** The session's XSRF token, from the cookie the server set with the page. */
  function xsrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)HIFAZAT-XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  /** The session has ended: load the page again, which goes by the login page and back here. */
  function signInAgain() {
    window.location.reload();
  }

  function api(path, params, options) {
    var method = (options && options.method) || 'GET';
    // X-Requested-With: a page's call is answered 401 without a challenge, so the browser never
    // asks for (and keeps) an HTTP Basic credential.
    var headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (method !== 'GET' && method !== 'HEAD') {
      headers['X-XSRF-TOKEN'] = xsrfToken();
    }
    return fetch(path + query(params), {
      method: method,
      credentials: 'same-origin',
      headers: headers,
      cache: 'no-store'
    }).catch(function () {
      throw new ApiError(0, 'The server could not be reached', 'Check the connection and refresh.');
    }).then(function (response) {
      if (response.status === 401) {
        signInAgain();
      }
      var type = response.headers.get('Content-Type') || '';
      var body = type.indexOf('json') >= 0 ? response.json().catch(function () { return null; })
        : Promise.resolve(null);
      return body.then(function (json) {
        if (response.ok) {
          if (json === null) {
            throw new ApiError(response.status, 'Unexpected answer', 'The server did not answer JSON.');
          }
          return json;
        }
        var problem = json || {};
        throw new ApiError(response.status, problem.title || response.statusText || 'Request failed',
          problem.detail || null, problemErrors(problem.errors));
      });
    });
  }

  function errorMessage(error) {
    if (!(error instanceof ApiError)) {
      return { text: 'Something went wrong while showing this panel: ' + (error && error.message || error), items: [] };
    }
    var lead;
    switch (error.status) {
      case 401:
        lead = 'Your session has ended (401). Sign in again to see the figures.';
        break;
      case 403:
        lead = 'You may not see these figures (403)' + (error.detail ? ': ' + error.detail : '.');
        break;
      case 400:
        lead = 'The filters were refused (400)' + (error.detail ? ': ' + error.detail : '.');
        break;
      case 0:
        lead = error.title + '. ' + error.detail;
        break;
      default:
        lead = 'The server answered ' + error.status + (error.title ? ' (' + error.title + ')' : '')
          + (error.detail ? ': ' + error.detail : '.');
    }
    return { text: lead, items: error.errors };
  }

  function showError(node, error) {
    var message = errorMessage(error);
    clear(node);
    node.appendChild(document.createTextNode(message.text));
    if (message.items.length) {
      node.appendChild(el('ul', null, message.items.map(function (item) {
        return el('li', { text: item });
      })));
    }
    node.setAttribute('data-status', error instanceof ApiError ? String(error.status) : 'client');
    node.hidden = false;
  }

  // ---------------------------------------------------------------------------------------
  // Panels: each has data-role children loading | error | empty | content

  function setPanelState(panel, panelState) {
    panel.setAttribute('data-state', panelState);
    panel.setAttribute('aria-busy', panelState === 'loading' ? 'true' : 'false');
    ['loading', 'error', 'empty', 'content'].forEach(function (role) {
      panel.querySelectorAll(':scope > [data-role="' + role + '"]').forEach(function (node) {
        node.hidden = role !== panelState && !(role === 'content' && panelState === 'ready');
      });
    });
  }

  function panelError(panel, error) {
    showError(panel.querySelector(':scope > [data-role="error"]'), error);
    setPanelState(panel, 'error');
  }

  // ---------------------------------------------------------------------------------------
  // Filters

  function dayStart(day) {
    return new Date(day + 'T00:00:00' + PAKISTAN_OFFSET);
  }

  /** The filters as API parameters, or null (and a message) when they make no sense. */
  function readFilters() {
    var errorNode = $('filters-error');
    errorNode.hidden = true;
    var from = $('filter-from').value;
    var to = $('filter-to').value;
    var me = state.me || {};
    var params = {};
    if (me.scope === 'NATIONAL' || !state.me) {
      params.province = $('filter-province').value;
    }
    if (me.scope !== 'DISTRICT') {
      params.district = $('filter-district').value.trim();
    }
    if (from) {
      params.from = dayStart(from).toISOString();
    }
    if (to) {
      var end = dayStart(to);
      end.setUTCDate(end.getUTCDate() + 1); // "to" is inclusive: up to the end of that day
      params.to = end.toISOString();
    }
    if (from && to && from > to) {
      errorNode.textContent = '“From” must be on or before “To”.';
      errorNode.hidden = false;
      $('filter-from').setAttribute('aria-invalid', 'true');
      return null;
    }
    $('filter-from').removeAttribute('aria-invalid');
    var groupBy = $('filter-group-by').value;
    return {
      area: { province: params.province, district: params.district },
      range: { from: params.from, to: params.to },
      groupBy: groupBy === 'none' ? null : groupBy
    };
  }

  function withArea(filters, extra) {
    var params = { province: filters.area.province, district: filters.area.district };
    Object.keys(extra || {}).forEach(function (name) {
      params[name] = extra[name];
    });
    return params;
  }

  function withAreaAndRange(filters, extra) {
    var params = withArea(filters, extra);
    params.from = filters.range.from;
    params.to = filters.range.to;
    return params;
  }

  /** Keeps the filters in the address, so a view can be bookmarked and survives a reload. */
  function saveFiltersInAddress() {
    var search = query({
      province: $('filter-province').value,
      district: state.me && state.me.scope === 'DISTRICT' ? '' : $('filter-district').value.trim(),
      from: $('filter-from').value,
      to: $('filter-to').value,
      groupBy: $('filter-group-by').value === 'none' ? '' : $('filter-group-by').value
    });
    history.replaceState(null, '', location.pathname + search);
  }

  function restoreFiltersFromAddress() {
    var params = new URLSearchParams(location.search);
    var isDay = /^\d{4}-\d{2}-\d{2}$/;
    if (params.get('province') && PROVINCES[params.get('province')]) {
      $('filter-province').value = params.get('province');
    }
    if (params.get('district')) {
      $('filter-district').value = params.get('district');
    }
    if (isDay.test(params.get('from') || '')) {
      $('filter-from').value = params.get('from');
    }
    if (isDay.test(params.get('to') || '')) {
      $('filter-to').value = params.get('to');
    }
    if (['province', 'district', 'agency'].indexOf(params.get('groupBy')) >= 0) {
      $('filter-group-by').value = params.get('groupBy');
    }
  }

  function noteDistricts(items) {
    (items || []).forEach(function (item) {
      if (item && item.district) {
        state.districts.add(item.district);
      }
    });
    var list = $('district-options');
    clear(list);
    Array.from(state.districts).sort().forEach(function (district) {
      list.appendChild(el('option', { value: district }));
    });
  }

  // ---------------------------------------------------------------------------------------
  // Who is signed in

  function showMe(me) {
    state.me = me;
    $('user').textContent = me.user || '—';
    $('area').textContent = areaText(me);
    $('area').setAttribute('data-scope', me.scope || '');
    $('area').setAttribute('data-province', me.province || '');
    $('area').setAttribute('data-district', me.district || '');

    var provinceField = $('province-field');
    var district = $('filter-district');
    var groupBy = $('filter-group-by');
    provinceField.hidden = me.scope !== 'NATIONAL';
    groupBy.querySelector('option[value="province"]').hidden = me.scope !== 'NATIONAL';
    if (me.scope === 'DISTRICT') {
      district.value = me.district || '';
      district.disabled = true;
      district.title = 'You see your own district only';
      groupBy.querySelector('option[value="district"]').hidden = true;
    }
    if (me.scope !== 'NATIONAL' && groupBy.value === 'province') {
      groupBy.value = 'none';
    }
  }

  // ---------------------------------------------------------------------------------------
  // At risk now, and breached still open

  function clockRow(clock, when) {
    var due = parseInstant(clock.dueAt);
    var now = Date.now();
    var relative;
    if (!due) {
      relative = el('span', { className: 'hint', text: '—' });
    } else if (when === 'left') {
      relative = el('span', { className: 'soon', text: due.getTime() >= now
        ? formatDuration(due.getTime() - now) : 'due now' });
    } else {
      relative = el('span', { className: 'late', text: formatDuration(now - due.getTime()) });
    }
    return el('tr', { 'data-case-number': clock.caseNumber, 'data-rule': clock.rule }, [
      el('td', { className: 'case-number' }, [caseLink(clock.caseNumber)]),
      el('td', { className: 'nowrap' }, [el('abbr', { title: clock.processDefinitionKey ? 'Model: '
        + clock.processDefinitionKey + (clock.element ? ' / ' + clock.element : '') : null,
        text: clock.rule })]),
      el('td', null, [kindBadge(clock.kind)]),
      el('td', { text: clock.district || (clock.province ? provinceName(clock.province) : '—') }),
      el('td', null, [timeElement(clock.dueAt)]),
      el('td', null, [relative])
    ]);
  }

  function fillClockPanel(panel, table, countNode, clocks, shownTotal, when, moreNote) {
    var body = table.querySelector('tbody');
    clear(body);
    clocks.forEach(function (clock) {
      body.appendChild(clockRow(clock, when));
    });
    countNode.textContent = String(shownTotal);
    var old = panel.querySelector(':scope > .more-note');
    if (old) {
      old.remove();
    }
    if (moreNote) {
      panel.appendChild(el('p', { className: 'hint more-note', text: moreNote }));
    }
    setPanelState(panel, clocks.length ? 'ready' : 'empty');
  }

  function loadAtRisk(filters, generation) {
    var panel = $('at-risk-section');
    setPanelState(panel, 'loading');
    return api('/api/sla/clocks', withArea(filters, { status: 'AT_RISK', limit: LIST_LIMIT }))
      .then(function (answer) {
        if (generation !== state.generation) {
          return;
        }
        var clocks = answer.clocks || [];
        noteDistricts(clocks);
        var total = typeof answer.total === 'number' ? answer.total : clocks.length;
        fillClockPanel(panel, $('at-risk-table'), $('at-risk-count'), clocks, total, 'left',
          total > clocks.length ? 'Showing the ' + clocks.length + ' soonest due of ' + total + '.' : null);
      })
      .catch(function (error) {
        if (generation === state.generation) {
          $('at-risk-count').textContent = '';
          panelError(panel, error);
        }
      });
  }

  function loadBreachedOpen(filters, generation) {
    var panel = $('breached-section');
    setPanelState(panel, 'loading');
    return api('/api/sla/clocks', withArea(filters, { status: 'BREACHED', limit: LIST_LIMIT }))
      .then(function (answer) {
        if (generation !== state.generation) {
          return;
        }
        var all = answer.clocks || [];
        var open = all.filter(function (clock) {
          return !clock.stoppedAt;
        });
        noteDistricts(open);
        var total = typeof answer.total === 'number' ? answer.total : all.length;
        fillClockPanel(panel, $('breached-table'), $('breached-count'), open, open.length, 'over',
          total > all.length ? 'Of ' + total + ' breached deadlines, the ' + all.length
            + ' longest overdue were read; ' + open.length + ' of them are still open.' : null);
      })
      .catch(function (error) {
        if (generation === state.generation) {
          $('breached-count').textContent = '';
          panelError(panel, error);
        }
      });
  }

  // ---------------------------------------------------------------------------------------
  // Charts

  function chartsAvailable() {
    return typeof window.Chart === 'function';
  }

  function replaceChart(name, canvas, config) {
    if (state.charts[name]) {
      state.charts[name].destroy();
      delete state.charts[name];
    }
    var box = canvas.parentNode;
    var notice = box.querySelector('.chart-unavailable');
    if (!chartsAvailable()) {
      canvas.hidden = true;
      if (!notice) {
        box.appendChild(el('p', { className: 'chart-unavailable',
          text: 'The chart could not be drawn (Chart.js did not load); the figures are in the table.' }));
      }
      return null;
    }
    if (notice) {
      notice.remove();
    }
    canvas.hidden = false;
    config.options = Object.assign({
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {}
    }, config.options || {});
    var chart = new window.Chart(canvas, config);
    state.charts[name] = chart;
    canvas.setAttribute('data-rendered', 'true');
    return chart;
  }

  function axis(title, extra) {
    return Object.assign({
      beginAtZero: true,
      grid: { color: COLORS.grid },
      ticks: { color: COLORS.text, precision: 0 },
      title: title ? { display: true, text: title, color: COLORS.text } : { display: false }
    }, extra || {});
  }

  function pointerOverBars(event, elements) {
    if (event && event.native && event.native.target) {
      event.native.target.style.cursor = elements && elements.length ? 'pointer' : 'default';
    }
  }

  function shorten(text, max) {
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
  }

  // ---------------------------------------------------------------------------------------
  // Breaches over time

  function rangeText(answer, fallback) {
    var from = parseInstant(answer.from);
    var to = parseInstant(answer.to);
    if (!from || !to) {
      return fallback;
    }
    // "to" is exclusive when it is a midnight: show the last day it covers.
    var last = new Date(to.getTime() - 1);
    return 'From ' + longDayFormat.format(from) + ' to ' + longDayFormat.format(last) + ' (Pakistan time).';
  }

  function loadBreaches(filters, generation) {
    var panel = $('breaches-section');
    setPanelState(panel, 'loading');
    return api('/api/sla/breaches', withAreaAndRange(filters))
      .then(function (answer) {
        if (generation !== state.generation) {
          return;
        }
        var byDay = answer.byDay || [];
        var byRule = (answer.byRule || []).slice().sort(function (a, b) {
          return b.count - a.count;
        });
        var total = typeof answer.total === 'number' ? answer.total
          : byRule.reduce(function (sum, item) { return sum + item.count; }, 0);
        noteDistricts(answer.breaches);
        state.rules = byRule;
        $('breaches-total').textContent = String(total);
        $('breaches-range').textContent = rangeText(answer, 'The last 90 days.');

        var dayBody = $('breaches-by-day-table').querySelector('tbody');
        clear(dayBody);
        byDay.forEach(function (item) {
          dayBody.appendChild(el('tr', null, [
            el('td', null, [el('time', { datetime: item.day, text: item.day })]),
            el('td', { className: 'num', text: String(item.count) })
          ]));
        });
        var ruleBody = $('breaches-by-rule-table').querySelector('tbody');
        clear(ruleBody);
        byRule.forEach(function (item) {
          ruleBody.appendChild(el('tr', { 'data-rule': item.rule }, [
            el('td', null, [el('button', {
              type: 'button', className: 'drill', 'data-rule': item.rule,
              'data-testid': 'rule-drilldown', 'aria-pressed': 'false',
              'aria-label': 'List the cases that breached ' + item.rule,
              text: item.rule
            })]),
            el('td', { className: 'num', text: String(item.count) })
          ]));
        });

        if (total === 0) {
          setPanelState(panel, 'empty');
          destroyChart('breaches');
          destroyChart('rules');
          return;
        }
        setPanelState(panel, 'ready');
        var busiest = byDay.reduce(function (best, item) {
          return !best || item.count > best.count ? item : best;
        }, null);
        $('breaches-chart-summary').textContent = total + ' breaches over ' + byDay.length + ' days'
          + (busiest && busiest.count ? '; most on ' + busiest.day + ' (' + busiest.count + ').' : '.');
        replaceChart('breaches', $('breaches-chart'), {
          type: 'bar',
          data: {
            labels: byDay.map(function (item) { return formatDay(item.day); }),
            datasets: [{
              label: 'Breaches',
              data: byDay.map(function (item) { return item.count; }),
              backgroundColor: COLORS.breachFill,
              borderColor: COLORS.breach,
              borderWidth: 1,
              maxBarThickness: 28
            }]
          },
          options: {
            plugins: {
              legend: { display: false },
              tooltip: { callbacks: { title: function (items) { return byDay[items[0].dataIndex].day; } } }
            },
            scales: { x: axis(null, { beginAtZero: false, grid: { display: false },
              ticks: { color: COLORS.text, autoSkip: true, maxRotation: 0 } }),
              y: axis('Breaches') }
          }
        });
        replaceChart('rules', $('breaches-by-rule-chart'), {
          type: 'bar',
          data: {
            labels: byRule.map(function (item) { return item.rule; }),
            datasets: [{
              label: 'Breaches',
              data: byRule.map(function (item) { return item.count; }),
              backgroundColor: COLORS.rule,
              borderColor: COLORS.ruleBorder,
              borderWidth: 1,
              maxBarThickness: 48
            }]
          },
          options: {
            plugins: { legend: { display: false } },
            scales: { x: axis(null, { grid: { display: false } }), y: axis('Breaches') },
            onClick: function (event, elements) {
              if (elements && elements.length) {
                drillRule(byRule[elements[0].index].rule);
              }
            },
            onHover: pointerOverBars
          }
        });
        $('breaches-by-rule-chart').setAttribute('aria-label', 'Breaches by rule: '
          + byRule.map(function (item) { return item.rule + ' ' + item.count; }).join(', '));
      })
      .catch(function (error) {
        if (generation === state.generation) {
          $('breaches-total').textContent = '';
          $('breaches-range').textContent = '';
          destroyChart('breaches');
          destroyChart('rules');
          panelError(panel, error);
        }
      });
  }

  function destroyChart(name) {
    if (state.charts[name]) {
      state.charts[name].destroy();
      delete state.charts[name];
    }
  }

  // ---------------------------------------------------------------------------------------
  // Bottlenecks

  function activityArea(activity) {
    var parts = [];
    if (activity.district) {
      parts.push(activity.district);
    }
    if (activity.province) {
      parts.push(activity.province);
    }
    if (activity.agency) {
      parts.push(activity.agency);
    }
    return parts.join(', ');
  }

  function activityLabel(activity) {
    var name = activity.activityName || activity.activityId || '?';
    var area = activityArea(activity);
    return area ? name + ' (' + area + ')' : name;
  }

  function numberCell(text, className) {
    return el('td', { className: 'num' + (className ? ' ' + className : ''), text: text });
  }

  function loadBottlenecks(filters, generation) {
    var panel = $('bottlenecks-section');
    setPanelState(panel, 'loading');
    return api('/api/bottlenecks', withAreaAndRange(filters, { groupBy: filters.groupBy }))
      .then(function (answer) {
        if (generation !== state.generation) {
          return;
        }
        var activities = answer.activities || [];
        state.activities = activities;
        noteDistricts(activities);
        var days = Number(answer.days);
        $('bottlenecks-range').textContent = rangeText(answer, 'The last 30 days.')
          .replace(/\.$/, '') + (days > 0 ? ', ' + Math.round(days * 10) / 10 + ' days.' : '.');

        var grouped = !!filters.groupBy;
        var table = $('bottlenecks-table');
        table.querySelector('th[data-col="area"]').hidden = !grouped;
        var body = table.querySelector('tbody');
        clear(body);
        activities.forEach(function (activity, index) {
          var waiting = activity.waitingSeconds || {};
          var handling = activity.handlingSeconds || {};
          var name = activity.activityName || activity.activityId;
          var row = el('tr', {
            'data-activity-id': activity.activityId,
            'data-process-key': activity.processDefinitionKey
          }, [
            el('th', { scope: 'row' }, [el('button', {
              type: 'button', className: 'drill', 'data-index': index,
              'data-activity-id': activity.activityId,
              'data-testid': 'activity-drilldown', 'aria-pressed': 'false',
              title: activity.processDefinitionKey + ' / ' + activity.activityId,
              'aria-label': 'List the oldest open cases at ' + activityLabel(activity),
              text: name
            })]),
            el('td', { hidden: !grouped, 'data-col': 'area', text: activityArea(activity) || '—' }),
            numberCell(String(activity.workInProgress != null ? activity.workInProgress : '—')),
            numberCell(String(activity.overdueOpen != null ? activity.overdueOpen : '—'),
              activity.overdueOpen > 0 ? 'late' : null),
            numberCell(formatNumber(activity.arrivalsPerDay, 1)),
            numberCell(formatNumber(activity.completionsPerDay, 1)),
            numberCell(formatHours(waiting.median)),
            numberCell(formatHours(waiting.p90)),
            numberCell(formatHours(handling.median)),
            numberCell(formatHours(handling.p90)),
            numberCell(formatShare(activity.breachRate), activity.breachRate > 0 ? 'late' : null)
          ]);
          body.appendChild(row);
        });

        if (!activities.length) {
          destroyChart('bottlenecks');
          setPanelState(panel, 'empty');
          return;
        }
        setPanelState(panel, 'ready');
        var worst = activities.slice(0, CHART_ACTIVITIES);
        $('bottlenecks-chart-box').style.height = Math.max(12, 3 + worst.length * 2.4) + 'rem';
        replaceChart('bottlenecks', $('bottlenecks-chart'), {
          type: 'bar',
          data: {
            labels: worst.map(function (activity) { return shorten(activityLabel(activity), 48); }),
            datasets: [{
              label: 'Open (work in progress)',
              data: worst.map(function (activity) { return activity.workInProgress || 0; }),
              backgroundColor: COLORS.open,
              borderColor: COLORS.openBorder,
              borderWidth: 1,
              maxBarThickness: 22
            }, {
              label: 'Overdue open',
              data: worst.map(function (activity) { return activity.overdueOpen || 0; }),
              backgroundColor: COLORS.overdue,
              borderColor: COLORS.overdueBorder,
              borderWidth: 1,
              maxBarThickness: 22
            }]
          },
          options: {
            indexAxis: 'y',
            plugins: {
              legend: { position: 'bottom', labels: { color: COLORS.text } },
              tooltip: { callbacks: { title: function (items) {
                return activityLabel(worst[items[0].dataIndex]);
              } } }
            },
            scales: { x: axis('Tasks'), y: axis(null, { grid: { display: false } }) },
            onClick: function (event, elements) {
              if (elements && elements.length) {
                drillActivity(elements[0].index);
              }
            },
            onHover: pointerOverBars
          }
        });
        $('bottlenecks-chart').setAttribute('aria-label', 'Open and overdue tasks, worst first: '
          + worst.map(function (activity) {
            return activityLabel(activity) + ' ' + (activity.workInProgress || 0) + ' open, '
              + (activity.overdueOpen || 0) + ' overdue';
          }).join('; '));
      })
      .catch(function (error) {
        if (generation === state.generation) {
          destroyChart('bottlenecks');
          $('bottlenecks-range').textContent = '';
          panelError(panel, error);
        }
      });
  }

  // ---------------------------------------------------------------------------------------
  // Drill-down: case numbers only

  function markPressed(selector, matches) {
    document.querySelectorAll('button.drill').forEach(function (button) {
      button.setAttribute('aria-pressed', 'false');
    });
    document.querySelectorAll(selector).forEach(function (button) {
      if (matches(button)) {
        button.setAttribute('aria-pressed', 'true');
      }
    });
  }

  function showCases(caseNumbers, note) {
    var panel = $('drilldown');
    var list = $('drilldown-cases');
    clear(list);
    caseNumbers.forEach(function (caseNumber) {
      list.appendChild(el('li', null, [caseLink(caseNumber)]));
    });
    list.setAttribute('data-count', String(caseNumbers.length));
    $('drilldown-note').textContent = note || '';
    setPanelState(panel, caseNumbers.length ? 'ready' : 'empty');
  }

  function focusDrilldown() {
    var panel = $('drilldown');
    panel.focus({ preventScroll: true });
    panel.scrollIntoView({ block: 'nearest' });
  }

  function drillRule(rule) {
    var filters = readFilters();
    if (!filters) {
      return;
    }
    var ticket = ++state.drill;
    var panel = $('drilldown');
    panel.setAttribute('data-kind', 'rule');
    panel.setAttribute('data-key', rule);
    markPressed('button.drill[data-rule]', function (button) {
      return button.getAttribute('data-rule') === rule;
    });
    $('drilldown-title').textContent = 'Cases whose ' + rule + ' deadline was breached in this period';
    $('drilldown-note').textContent = '';
    setPanelState(panel, 'loading');
    focusDrilldown();
    api('/api/sla/breaches', withAreaAndRange(filters, { rule: rule, limit: LIST_LIMIT }))
      .then(function (answer) {
        if (ticket !== state.drill) {
          return;
        }
        var breaches = answer.breaches || [];
        var caseNumbers = uniqueCaseNumbers(breaches);
        var total = typeof answer.total === 'number' ? answer.total : breaches.length;
        showCases(caseNumbers, total > breaches.length
          ? 'The ' + breaches.length + ' most recent of ' + total + ' breaches are listed.'
          : 'Most recent breach first.');
      })
      .catch(function (error) {
        if (ticket === state.drill) {
          panelError(panel, error);
        }
      });
  }

  function drillActivity(index) {
    var activity = state.activities[index];
    if (!activity) {
      return;
    }
    ++state.drill;
    var panel = $('drilldown');
    panel.setAttribute('data-kind', 'activity');
    panel.setAttribute('data-key', activity.processDefinitionKey + '/' + activity.activityId);
    markPressed('button.drill[data-index]', function (button) {
      return button.getAttribute('data-index') === String(index);
    });
    $('drilldown-title').textContent = 'Oldest open cases at “' + activityLabel(activity) + '”';
    var caseNumbers = uniqueCaseNumbers(activity.oldestOpen);
    var open = activity.workInProgress || 0;
    showCases(caseNumbers, open > caseNumbers.length
      ? open + ' open in all; the ' + caseNumbers.length + ' oldest are listed, oldest first.'
      : 'Oldest first.');
    focusDrilldown();
  }

  // ---------------------------------------------------------------------------------------
  // Loading everything

  function loadPanels() {
    var filters = readFilters();
    if (!filters) {
      return Promise.resolve();
    }
    saveFiltersInAddress();
    var generation = ++state.generation;
    document.body.setAttribute('data-state', 'loading');
    return Promise.all([
      loadAtRisk(filters, generation),
      loadBreachedOpen(filters, generation),
      loadBreaches(filters, generation),
      loadBottlenecks(filters, generation)
    ]).then(function () {
      if (generation === state.generation) {
        var now = new Date();
        var stamp = $('refreshed-at');
        stamp.textContent = dateTimeFormat.format(now) + ' PKT';
        stamp.setAttribute('datetime', now.toISOString());
        document.body.setAttribute('data-state', 'ready');
      }
    });
  }

  function resetDrilldown() {
    var panel = $('drilldown');
    ++state.drill;
    panel.removeAttribute('data-kind');
    panel.removeAttribute('data-key');
    $('drilldown-title').textContent = 'Select a rule under “Breaches by rule” or an activity under '
      + '“Worst bottlenecks” to list the case numbers involved.';
    $('drilldown-note').textContent = '';
    clear($('drilldown-cases'));
    setPanelState(panel, 'idle');
  }

  function start() {
    restoreFiltersFromAddress();
    setPanelState($('drilldown'), 'idle');

    $('filters').addEventListener('submit', function (event) {
      event.preventDefault();
      resetDrilldown();
      loadPanels();
    });
    $('reset-filters').addEventListener('click', function () {
      $('filter-province').value = '';
      if (!state.me || state.me.scope !== 'DISTRICT') {
        $('filter-district').value = '';
      }
      $('filter-from').value = '';
      $('filter-to').value = '';
      $('filter-group-by').value = 'none';
      resetDrilldown();
      loadPanels();
    });
    $('refresh').addEventListener('click', function () {
      loadPanels();
    });
    $('sign-out').addEventListener('submit', function () {
      $('sign-out-token').value = xsrfToken();
    });
    document.addEventListener('click', function (event) {
      var button = event.target.closest && event.target.closest('button.drill');
      if (!button) {
        return;
      }
      if (button.hasAttribute('data-rule')) {
        drillRule(button.getAttribute('data-rule'));
      } else if (button.hasAttribute('data-index')) {
        drillActivity(Number(button.getAttribute('data-index')));
      }
    });
    setInterval(function () {
      if (document.visibilityState === 'visible') {
        loadPanels();
      }
    }, AUTO_REFRESH_MS);

    api('/api/me')
      .then(showMe)
      .catch(function (error) {
        $('user').textContent = '—';
        $('area').textContent = 'unknown';
        showError($('global-error'), error);
      })
      .then(loadPanels);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
