// PMO Governance: Tasklist settings (the webapps' own configuration file; the Camunda jar is not changed).
// Languages: the browser's first language picks the file locales/<language>.json (zh-CN -> zh); others get English.
// The login page does not probe /camunda-welcome (we do not ship the welcome app: the probe was a console 404).
// "Create task" is shown only to users the engine lets create tasks (scripts/pmo-create-task.js).
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true,
  customScripts: ['scripts/pmo-create-task'],

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
