/*
 * Tasklist as Hifazat's caseworkers use it (this file replaces Camunda's own scripts/config.js):
 * English and Urdu, chosen by the browser's language or the officer's own choice, dates as
 * Pakistan writes them, and the script that finds a case by its number as typed and marks tasks
 * overdue or due soon in words as well as colour (scripts/hifazat-tasklist.js).
 */
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Hifazat'
  },
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd DD/MM/YYYY HH:mm',
    short: 'DD/MM/YYYY'
  },
  locales: {
    availableLocales: ['en', 'ur'],
    fallbackLocale: 'en'
  },
  // A "Case record" tab on every task.
  customScripts: ['scripts/hifazat-case-tab'],
  requireJsConfig: {
    // The officer's language, the search as typed and the clocks on the cards.
    ngDeps: ['hifazat.tasklist'],
    deps: ['hifazat-tasklist'],
    paths: {
      'hifazat-tasklist': 'scripts/hifazat-tasklist'
    }
  },
  disableWelcomeMessage: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
