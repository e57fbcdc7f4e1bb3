// PMO Governance: shows Tasklist's "Create task" only to users the engine lets create tasks (CREATE on the TASK
// resource: in this application the administrators). user-styles.css hides it until this script has asked.
// Loaded by config.js (customScripts) as a module; it has no exports, it only watches the page.
const base = document.querySelector('base');
const engineApi = base.getAttribute('engine-api') || (base.getAttribute('app-root') + '/api/engine/');
const engine = (window.location.pathname.match(/\/app\/tasklist\/([^/]+)\//) || [null, 'default'])[1];
const TASK = 7; // Resources.TASK

let asked = null;

function ask() {
  if (asked) {
    return asked;
  }
  const url = `${engineApi}engine/${encodeURIComponent(engine)}/authorization/check`
    + `?permissionName=CREATE&resourceName=Task&resourceType=${TASK}`;
  asked = fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : { authorized: false }))
    .then((answer) => answer.authorized === true)
    .catch(() => false);
  return asked;
}

// The navbar action appears once a user has signed in and goes with the sign-out: ask again for the next user.
new MutationObserver(() => {
  if (document.querySelector('.create-task-action')) {
    ask().then((authorized) => document.documentElement.classList.toggle('pmo-may-create-task', authorized));
  } else {
    asked = null;
    document.documentElement.classList.remove('pmo-may-create-task');
  }
}).observe(document.body, { childList: true, subtree: true });
