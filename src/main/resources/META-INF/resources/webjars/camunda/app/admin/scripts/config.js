// PMO Governance: Admin settings (the webapps' own configuration file; the Camunda jar is not changed).
// Languages: the browser's first language picks the file locales/<language>.json (zh-CN -> zh); others get English.
// The login page does not probe /camunda-welcome (we do not ship the welcome app: the probe was a console 404).
export default {
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true
};
