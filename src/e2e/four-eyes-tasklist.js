'use strict';
// Four-eyes before the click (issue 10, point 2). A PMO member who raised a change request signs into Tasklist: the PMO
// approval of her own request is in none of her filters (a colleague's approval is, so the lists did load), and a
// claim or completion she forges through Tasklist's own engine API (the page's session and CSRF token) answers 403
// with the engine's readable message, never 500. Another PMO member finds the approval under the same filters, claims
// it and approves it through its Camunda Form. No response of either session may be a 5xx. The JUnit side
// (pmo.e2e.FourEyesInTasklistIT) raises the requests and checks the rows written.
// Environment: REQUESTER, OTHER_PMO, OWN_TASK, OWN_PROCESS, OWN_SUBJECT (her request's approval), OTHER_TASK,
// OTHER_SUBJECT (the colleague's request's approval).
const lib = require('./lib');

const env = (name) => {
  if (!process.env[name]) throw new Error(`${name} is not set`);
  return process.env[name];
};
const requesterId = env('REQUESTER');
const otherPmoId = env('OTHER_PMO');
const ownTask = env('OWN_TASK');
const ownProcess = env('OWN_PROCESS');
const ownSubject = env('OWN_SUBJECT');
const otherTask = env('OTHER_TASK');
const otherSubject = env('OTHER_SUBJECT');
const TASK_NAME = 'Approve change (PMO)';
// the filters of the demo set up (pmo.platform.identity.IdentityBootstrap) that list tasks a PMO member can claim
const CANDIDATE_FILTERS = ['Tasks I can claim', 'Project management office'];

/** Fails the scenario later if any response of the page is a server error. */
function watch(page, who, serverErrors) {
  page.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${who}: ${response.status()} ${response.url()}`);
  });
}

/**
 * Calls Tasklist's own engine API from the page, as Tasklist does: the session cookie, and the CSRF token the webapps
 * keep in the XSRF-TOKEN cookie sent back as the X-XSRF-TOKEN header (without it every change is refused 403 by the
 * CSRF filter, before the engine).
 */
async function engineApi(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    if (match) headers['X-XSRF-TOKEN'] = decodeURIComponent(match[1]);
    const response = await fetch(`/camunda/api/engine/engine/default/${path}`, {
      method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try { json = JSON.parse(text); } catch (e) { /* not JSON: reported below */ }
    return { status: response.status, contentType: response.headers.get('content-type'), text, json,
      csrfSent: Boolean(match) };
  }, { method, path, body });
}

/** The ids of the tasks each of the user's Tasklist filters lists for one process instance. */
async function filterTasks(page) {
  const filters = await engineApi(page, 'GET', 'filter?resourceType=Task&firstResult=0&maxResults=100');
  if (filters.status !== 200) throw new Error(`filters: ${filters.status} ${filters.text}`);
  const listed = {};
  for (const filter of filters.json) {
    const list = await engineApi(page, 'POST', `filter/${filter.id}/list?firstResult=0&maxResults=50`,
      { processInstanceId: ownProcess });
    if (list.status !== 200) throw new Error(`filter ${filter.name}: ${list.status} ${list.text}`);
    listed[filter.name] = list.json.map((task) => task.id);
  }
  return listed;
}

function card(page, subject) {
  return page.locator('.tasks-list li').filter({ hasText: TASK_NAME })
    .filter({ has: page.locator(`[uib-tooltip=${JSON.stringify(subject)}]`) });
}

lib.run('four-eyes-tasklist', async (browser) => {
  const serverErrors = [];

  // --- the requester: her own request's approval is offered nowhere
  const requester = await lib.tasklist(browser, requesterId);
  watch(requester, requesterId, serverErrors);
  const hers = await filterTasks(requester);
  for (const name of CANDIDATE_FILTERS) {
    if (!(name in hers)) throw new Error(`${requesterId} has no filter '${name}' (${Object.keys(hers)})`);
  }
  for (const [name, ids] of Object.entries(hers)) {
    if (ids.includes(ownTask)) throw new Error(`filter '${name}' lists ${requesterId}'s own approval to her`);
  }
  let shot = 1;
  for (const name of CANDIDATE_FILTERS) {
    await lib.showFilter(requester, name);
    // the colleague's approval is listed: the filter has loaded, and it is the filter that would list hers
    await card(requester, otherSubject).first().waitFor({ timeout: 30000 });
    const own = await card(requester, ownSubject).count();
    const cards = await requester.locator('.tasks-list').getByRole('link', { name: lib.taskNamed(TASK_NAME) }).count();
    console.log(`${requesterId}, filter '${name}': ${cards} '${TASK_NAME}' cards, the colleague's (${otherSubject}) `
      + `listed, her own (${ownSubject}) ${own ? 'LISTED' : 'not listed'}`);
    if (own !== 0) throw new Error(`filter '${name}' shows ${requesterId} the approval of her own request`);
    await lib.screenshot(requester, `four-eyes-${shot++}-requester-${name.replace(/\W+/g, '-').toLowerCase()}`);
  }

  // a claim and a completion forged through Tasklist's engine API: the engine's authorization refuses both, readably
  const forged = {
    claim: await engineApi(requester, 'POST', `task/${ownTask}/claim`, { userId: requesterId }),
    complete: await engineApi(requester, 'POST', `task/${ownTask}/submit-form`,
      { variables: { pmoDecision: { value: 'approve' } } }),
  };
  for (const [what, answer] of Object.entries(forged)) {
    console.log(`forged ${what} by ${requesterId}: ${answer.status} ${answer.text}`);
    if (!answer.csrfSent) throw new Error('the page has no XSRF-TOKEN cookie to send');
    if (answer.status !== 403) throw new Error(`forged ${what}: expected 403, got ${answer.status} ${answer.text}`);
    const message = answer.json && answer.json.message;
    if (!message || !message.includes(`'${requesterId}'`) || !message.includes(ownTask)
      || !/permission/i.test(message)) {
      throw new Error(`forged ${what}: 403 without a readable message naming user, task and permission: ${answer.text}`);
    }
    if (/ENGINE-\d+|Exception|\bat [a-z]+\.[a-z]/.test(message)) {
      throw new Error(`forged ${what}: the message shows internals: ${message}`);
    }
  }

  // the task's own link, as a forwarded URL would open it: no form, no Claim, and no server error
  const taskLoaded = requester.waitForResponse((response) => response.request().method() === 'GET'
    && new URL(response.url()).pathname.endsWith(`/task/${ownTask}`), { timeout: 30000 });
  await requester.goto(`${lib.BASE_URL}/camunda/app/tasklist/default/#/?task=${ownTask}`);
  console.log(`Tasklist loading her own approval: ${(await taskLoaded).status()}`);
  await requester.locator('.notifications .alert-danger').getByText(ownTask).first()
    .waitFor({ timeout: 30000 });
  if (await requester.locator('.fjs-container').count() > 0) {
    throw new Error(`the link to her own approval shows ${requesterId} its form`);
  }
  if (await requester.getByText('Claim', { exact: true }).isVisible().catch(() => false)) {
    throw new Error(`the link to her own approval offers ${requesterId} a Claim`);
  }
  const notice = (await requester.locator('.notifications .alert-danger').allInnerTexts())
    .join(' ').replace(/\s+/g, ' ').trim();
  console.log(`${requesterId} opening her own approval's link: '${notice}'`);
  // she may not read the task, so to her it does not exist: Tasklist says so (the engine's 404), naming the task
  if (!notice.includes(ownTask)) {
    throw new Error(`the link to her own approval shows ${requesterId} no notice naming the task: '${notice}'`);
  }
  await lib.screenshot(requester, `four-eyes-${shot++}-requester-task-link`);

  // --- another PMO member: the approval is offered under the same filters; claim and approve through the form
  const approver = await lib.tasklist(browser, otherPmoId);
  watch(approver, otherPmoId, serverErrors);
  const his = await filterTasks(approver);
  for (const name of CANDIDATE_FILTERS) {
    if (!(his[name] || []).includes(ownTask)) {
      throw new Error(`filter '${name}' does not list the approval to ${otherPmoId}: ${JSON.stringify(his)}`);
    }
  }
  await lib.showFilter(approver, 'Tasks I can claim');
  await card(approver, ownSubject).first().waitFor({ timeout: 30000 });
  await lib.screenshot(approver, `four-eyes-${shot++}-other-pmo-member-tasks-i-can-claim`);
  await lib.openTask(approver, TASK_NAME, ownSubject);
  await lib.tick(approver, 'Approve');
  await lib.fillAll(approver, { pmoComment: 'Approved by another PMO member in the browser' });
  await lib.screenshot(approver, `four-eyes-${shot++}-other-pmo-member-approval-form`);
  // the card left 'Tasks I can claim' with the claim: the completion is known by Tasklist's answer to it
  const completed = approver.waitForResponse((response) => response.request().method() === 'POST'
    && response.url().includes(`/task/${ownTask}/submit-form`), { timeout: 30000 });
  await lib.submit(approver, 'Complete');
  const completion = await completed;
  if (completion.status() !== 204) {
    throw new Error(`completing the approval: ${completion.status()} ${await completion.text()}`);
  }
  await lib.completed(approver);
  await lib.screenshot(approver, `four-eyes-${shot++}-after-approval`);

  if (serverErrors.length) throw new Error(`server errors: ${serverErrors.join(' | ')}`);
});
