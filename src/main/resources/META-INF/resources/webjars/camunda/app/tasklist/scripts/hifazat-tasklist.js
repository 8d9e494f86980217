/*
 * Hifazat's additions to Camunda Tasklist, loaded through scripts/config.js (requireJsConfig):
 * - the officer's language: the browser's, or the one chosen with the button in the header
 *   (kept in this browser); Urdu text runs right to left;
 * - a case number typed into the search finds the case's tasks (the search's first type is the
 *   business key, which every process of a case carries, matched in part and in any case);
 * - the list opens soonest due first;
 * - overdue and nearly due tasks say so in words as well as colour.
 */
define('hifazat-tasklist', [], function () {
  'use strict';

  var angular = window.angular;
  var STORED_LANGUAGE = 'hifazat.language';
  var chosen = null;
  try {
    chosen = window.localStorage.getItem(STORED_LANGUAGE);
  } catch (e) {
    chosen = null;
  }
  if (chosen === 'ur' || chosen === 'en') {
    // Tasklist picks its locale from the browser's first language.
    Object.defineProperty(window.navigator, 'languages', {get: function () { return [chosen]; }});
    Object.defineProperty(window.navigator, 'language', {get: function () { return chosen; }});
  }
  var browserLanguage = (window.navigator.languages && window.navigator.languages[0])
      || window.navigator.language || 'en';
  var language = browserLanguage.toLowerCase().indexOf('ur') === 0 ? 'ur' : 'en';
  // Urdu text runs right to left inside Tasklist's columns; the columns themselves stay where
  // Tasklist's layout puts them (styles/user-styles.css).
  document.documentElement.setAttribute('lang', language);

  var WORDS = {
    en: {overdue: 'Overdue', soon: 'Due soon', other: 'اردو', otherLanguage: 'ur',
      otherTitle: 'Tasklist in Urdu', report: 'Register a report'},
    ur: {overdue: 'وقت گزر گیا', soon: 'وقت ختم ہونے کو ہے', other: 'English',
      otherLanguage: 'en', otherTitle: 'Tasklist in English', report: 'رپورٹ درج کریں'}
  }[language];

  /** A task is nearly due in its last quarter, and always in its last two hours. */
  function clockOf(task, now) {
    if (!task || !task.due) {
      return null;
    }
    var due = new Date(task.due).getTime();
    if (due < now) {
      return 'overdue';
    }
    var created = task.created ? new Date(task.created).getTime() : now;
    var left = due - now;
    return left < Math.max((due - created) / 4, 2 * 3600 * 1000) ? 'soon' : null;
  }

  var module = angular.module('hifazat.tasklist', []);

  module.config(['$provide', function ($provide) {
    $provide.decorator('camWidgetSearchDirective', ['$delegate', function ($delegate) {
      var directive = $delegate[0];
      var compile = directive.compile;
      directive.compile = function () {
        var link = compile.apply(this, arguments);
        var post = typeof link === 'function' ? link : link && link.post;
        var searchByCaseNumber = function (scope) {
          (scope.types || []).forEach(function (type) {
            type['default'] = type.id && type.id.key === 'processInstanceBusinessKey';
          });
          // Case numbers are written in capitals (PB-2026-000001); any spelling finds them.
          scope.$watch('searches', function (searches) {
            (searches || []).forEach(function (search) {
              if (search.type && search.type.value && search.type.value.key
                  === 'processInstanceBusinessKey' && typeof search.value.value === 'string'
                  && search.value.value !== search.value.value.toUpperCase()) {
                search.value.value = search.value.value.toUpperCase();
              }
            });
          }, true);
        };
        var wrapped = function (scope) {
          searchByCaseNumber(scope);
          return post && post.apply(this, arguments);
        };
        return typeof link === 'function' ? wrapped : {pre: link && link.pre, post: wrapped};
      };
      return $delegate;
    }]);
  }]);

  // The due date on a card and in a task's header: its clock in words beside the colour.
  module.directive('dueDate', ['$interval', function ($interval) {
    return {
      restrict: 'C',
      link: function (scope, element) {
        var label = angular.element('<strong class="hifazat-clock"></strong>');
        element.prepend(label);
        var show = function () {
          var clock = clockOf(scope.task, Date.now());
          element.toggleClass('hifazat-overdue', clock === 'overdue');
          element.toggleClass('hifazat-due-soon', clock === 'soon');
          label.text(clock ? WORDS[clock] : '');
        };
        scope.$watch('task.due', show);
        var timer = $interval(show, 60 * 1000);
        scope.$on('$destroy', function () {
          $interval.cancel(timer);
        });
      }
    };
  }]);

  module.run(['$rootScope', '$location', function ($rootScope, $location) {
    $rootScope.$on('$locationChangeSuccess', function () {
      if (!$location.search().sorting) {
        $location.search('sorting', JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));
        $location.replace();
      }
    });
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'hifazat-language btn btn-default btn-sm';
    button.textContent = WORDS.other;
    button.title = WORDS.otherTitle;
    button.setAttribute('lang', WORDS.otherLanguage);
    button.addEventListener('click', function () {
      try {
        window.localStorage.setItem(STORED_LANGUAGE, WORDS.otherLanguage);
      } catch (e) {
        // A browser that keeps nothing follows its own language.
      }
      window.location.reload();
    });
    document.body.appendChild(button);
    // Officers register a report on Hifazat's own form (same validation as POST /api/cases).
    var report = document.createElement('a');
    report.className = 'hifazat-report btn btn-default btn-sm';
    report.href = '/report/';
    report.textContent = WORDS.report;
    document.body.appendChild(report);
  }]);

  return {clockOf: clockOf};
});
