'use strict';
// Shared helpers of the browser scenarios: headless Debian Chromium driven by playwright-core, Tasklist login,
// Camunda Forms (form-js) input. Scenarios get BASE_URL, PASSWORD and SCREENSHOTS from the environment.
const { chromium } = require('playwright-core');
const path = require('path');

const BASE_URL = process.env.BASE_URL || 'http://localhost:8080';
const PASSWORD = process.env.PASSWORD || 'demo';
const SCREENSHOTS = process.env.SCREENSHOTS || path.join(__dirname, '..', '..', 'target', 'e2e');

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** Shows a Tasklist filter (left column) by its name. */
async function showFilter(page, filterName) {
  // the filter's link holds its name and, once counted, its number of tasks: match the name at its start
  const escaped = filterName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.locator('h4.name a', { hasText: new RegExp(`^\\s*${escaped}\\s*(\\d+|\\(\\d+\\))?\\s*$`) }).first().click();
}

/** A fresh browser context logged in to Tasklist as `user`. */
async function tasklist(browser, user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/camunda/app/tasklist/default/`);
  const username = page.locator('input[ng-model="username"]');
  const password = page.locator('input[ng-model="password"]');
  // Tasklist's first page of a run can take long on a loaded machine (its scripts are compiled and cached then)
  await username.waitFor({ timeout: 90000 });
  // on a busy machine the login form may still be settling while we type: type again until both fields hold
  for (let i = 0; i < 5 && ((await username.inputValue()) !== user || (await password.inputValue()) !== PASSWORD);
    i++) {
    await username.fill(user);
    await password.fill(PASSWORD);
  }
  await page.click('button[type="submit"]');
  await page.getByText('Start process').first().waitFor({ timeout: 30000 });
  // Tasklist is still settling the new session right after the login: a navigation now can land on the login page
  await page.waitForLoadState('networkidle');
  return page;
}

/** Opens "Start process", picks the process by its name and waits for its Camunda Form. */
async function openStartForm(page, processName) {
  await page.getByText('Start process', { exact: true }).first().click();
  await page.locator('.modal-dialog').getByText(processName, { exact: true }).click();
  await page.waitForSelector('.fjs-container');
}

/**
 * A task's name as Tasklist shows it: the step's name after the reference of its case ("CR-3 Assess impact"; README,
 * "My cases and references"), or the bare name of a case without one.
 */
function taskNamed(taskName) {
  return new RegExp(`^\\s*([A-Z]+-\\d+ )?${taskName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/**
 * Opens a task of the current filter, claims it if needed and waits for its form. With `subject`, picks the card
 * whose Subject variable has exactly that value (the card shows it cut short, the tooltip in full).
 */
async function openTask(page, taskName, subject) {
  let card = page.locator('.tasks-list li').filter({ hasText: taskName });
  if (subject) {
    card = card.filter({ has: page.locator(`[uib-tooltip=${JSON.stringify(subject)}]`) });
  }
  await card.first().waitFor({ timeout: 30000 });
  await card.first().getByRole('link', { name: taskNamed(taskName) }).click();
  await page.waitForSelector('.fjs-container');
  const claim = page.getByText('Claim', { exact: true });
  if (await claim.isVisible().catch(() => false)) {
    await claim.click();
    await claim.waitFor({ state: 'hidden' });
  }
}

// Our forms give every field the id Field_<key>; form-js renders it as <form-instance>-Field_<key>.
function field(page, key) {
  return page.locator(`.fjs-container [id$="-Field_${key}"]`).first();
}

/**
 * Types into a text, text area or number field and leaves it. form-js takes a typed value debounced (300 ms, at once
 * when the field loses focus), and a re-render of the form in between puts the field back to the form's older value;
 * so the value is checked after the debounce time and typed again if it did not stick.
 */
async function fillText(page, key, value) {
  const input = field(page, key);
  const wanted = String(value);
  for (let attempt = 1; attempt <= 3; attempt++) {
    await input.fill(wanted);
    await input.blur();
    await page.waitForTimeout(400);
    const shown = await input.inputValue();
    if (shown === wanted || (shown !== '' && Number(shown) === Number(wanted))) {
      return;
    }
  }
  throw new Error(`the form does not keep '${wanted}' in field ${key}`);
}

/** A form-js select: open its dropdown and pick the option by its label. */
async function choose(page, key, optionLabel) {
  await page.locator(`.fjs-container [id$="-Field_${key}-display"]`).click();
  await page.locator('.fjs-dropdownlist-item', { hasText: optionLabel }).first().click();
}

/**
 * A picker (a searchable form-js select whose options the server fills in: projects, people; README, "Pickers instead
 * of ids"): types `search` into it, picks the option whose label contains `label` (by default the search text) and
 * checks the field shows that option. Tried again if a re-render of the form swallowed the choice. With `shot`, a
 * screenshot of the open list, filtered by the search, is taken under that name.
 */
async function pick(page, key, search, label = search, shot = null) {
  const input = field(page, key);
  for (let attempt = 1; attempt <= 3; attempt++) {
    await input.click();
    await input.fill(search);
    const option = page.locator('.fjs-container .fjs-dropdownlist-item', { hasText: label }).first();
    await option.waitFor({ timeout: 15000 });
    if (shot && attempt === 1) {
      await screenshot(page, shot);
    }
    await option.click();
    await page.waitForTimeout(400);
    const shown = await input.inputValue();
    if (shown.includes(label)) {
      return shown;
    }
  }
  throw new Error(`picker ${key} does not keep the option '${label}' (searched for '${search}')`);
}

/** A form-js radio group: tick the option by its label. */
async function tick(page, optionLabel) {
  await page.locator('.fjs-container').getByLabel(optionLabel, { exact: true }).check();
}

/**
 * A form-js date field (flatpickr input): types the ISO date `yyyy-MM-dd` as the field takes it (mm/dd/yyyy: typed as
 * ISO, flatpickr reads 2027-02-01 as a date in August) and checks the field shows that date.
 */
async function fillDate(page, key, isoDate) {
  const input = page.locator(`.fjs-container [id*="-Field_${key}"]`).first();
  const [year, month, day] = isoDate.split('-');
  await input.fill(`${month}/${day}/${year}`);
  await input.press('Enter');
  await input.blur();
  const shown = (await input.inputValue()).split('/').map(Number);
  if (shown.length !== 3 || shown[0] !== Number(month) || shown[1] !== Number(day) || shown[2] !== Number(year)) {
    throw new Error(`date field ${key} shows '${shown.join('/')}' after typing ${isoDate}`);
  }
}

async function submit(page, buttonText) {
  await page.getByRole('button', { name: buttonText, exact: true }).click();
}

/**
 * Waits until Tasklist has taken the completed task's form away ("Select a task in the list."): the completion went
 * through. A completion the server refused keeps the form and fails here at once, with Tasklist's message. (Waiting
 * for the task's name to leave the page waited its whole timeout whenever the list held another task of that name.)
 */
async function completed(page) {
  const refused = page.locator('.notifications .alert-danger').first();
  const outcome = await Promise.race([
    page.locator('.fjs-container').waitFor({ state: 'detached', timeout: 30000 }).then(() => 'done', () => 'open'),
    refused.waitFor({ timeout: 30000 }).then(() => 'refused', () => 'open')]);
  if (outcome === 'refused') {
    throw new Error(`Tasklist refused the completion: ${await refused.innerText()}`);
  }
  if (outcome === 'open') {
    throw new Error('the task form is still open 30 s after Complete');
  }
}

async function screenshot(page, name) {
  require('fs').mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name + '.png'), fullPage: true });
}

/**
 * The last requests of every page, kept to be printed when a scenario fails: method, address, status and whether the
 * answer set a cookie (a session that changed under a page shows there).
 */
const traffic = [];

function watch(context) {
  context.on('response', (response) => {
    const request = response.request();
    response.headerValue('set-cookie').catch(() => null).then((cookie) => {
      traffic.push(`${new Date().toISOString().substring(11, 23)} ${request.method()} ${response.status()} `
        + `${request.url().replace(BASE_URL, '')}${cookie ? ` [set-cookie ${cookie.split(';')[0].split('=')[0]}]` : ''}`);
      if (traffic.length > 80) {
        traffic.shift();
      }
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error') {
      traffic.push(`console: ${message.text().substring(0, 300)}`);
    }
  });
  return context;
}

async function reportFailure(name, browser, error) {
  console.error(`${name}: FAILED: ${error.stack || error}`);
  console.error(`${name}: the last requests:\n  ${traffic.join('\n  ')}`);
  let i = 0;
  for (const context of browser.contexts()) {
    for (const page of context.pages()) {
      await screenshot(page, `${name}-failure-${i++}`).catch(() => {});
    }
  }
}

/**
 * Runs a scenario; on failure prints the pages' last requests, saves a screenshot of every open page and exits
 * non-zero. A scenario still running after SCENARIO_TIMEOUT_SECONDS fails the same way (a step without its own
 * timeout, a page waiting on the server).
 */
async function run(name, scenario) {
  const browser = await launch();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watch(await newContext(options));
  const limit = Number(process.env.SCENARIO_TIMEOUT_SECONDS || 420) * 1000;
  let timer;
  const timedOut = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not finish in ${limit / 1000} s`)), limit);
  });
  try {
    await Promise.race([scenario(browser), timedOut]);
    console.log(`${name}: passed`);
  } catch (e) {
    await reportFailure(name, browser, e);
    process.exitCode = 1;
  } finally {
    clearTimeout(timer);
    // at most 10 s for the browser to close; the timer is cleared, else it kept Node.js (and the test) waiting 10 s
    let closing;
    await Promise.race([browser.close(), new Promise((resolve) => { closing = setTimeout(resolve, 10000); })]);
    clearTimeout(closing);
  }
  if (process.exitCode) {
    process.exit(); // a scenario cut short may leave work pending that would keep Node.js running
  }
}

/**
 * Types several form fields and makes sure every value stuck: form-js takes typed text in after a short delay, and on
 * a busy machine a re-render can drop a value typed meanwhile (the field shows empty again), so lost values are typed
 * again until all hold.
 */
async function fillAll(page, values) {
  for (const [key, value] of Object.entries(values)) {
    await fillText(page, key, value);
  }
  for (let round = 0; round < 5; round++) {
    await page.waitForTimeout(500);
    let lost = 0;
    for (const [key, value] of Object.entries(values)) {
      if ((await field(page, key).inputValue()) !== String(value)) {
        lost++;
        await fillText(page, key, value);
      }
    }
    if (lost === 0) {
      return;
    }
  }
  throw new Error(`form fields keep losing their values: ${Object.keys(values)}`);
}

module.exports = { taskNamed, BASE_URL, PASSWORD, SCREENSHOTS, launch, tasklist, showFilter, openStartForm, openTask, field, fillText, choose, pick, tick,
  fillDate, submit, completed, screenshot, run, fillAll };

/**
 * The id of the one task `user` finds through the engine REST API with these query parameters (for example
 * `taskDefinitionKey=Task_AssessRisk&processVariables=title_eq_...`): for cases whose Tasklist card shows nothing the
 * scenario knows.
 */
async function findTaskId(page, user, query) {
  const auth = 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64');
  let tasks = [];
  // the task may still be on its way (an asynchronous step before it): look again for up to 30 s
  for (const deadline = Date.now() + 30000; Date.now() < deadline; await page.waitForTimeout(500)) {
    const response = await page.request.get(`${BASE_URL}/engine-rest/task?maxResults=10&${query}`,
      { headers: { Authorization: auth } });
    tasks = await response.json();
    if (tasks.length === 1) {
      return tasks[0].id;
    }
  }
  throw new Error(`expected one task for ${user} with ${query}, found ${tasks.length}`);
}

/** Opens a task by its id (Tasklist's deep link), claims it if needed and waits for its form. */
async function openTaskById(page, taskId) {
  await page.goto(`${BASE_URL}/camunda/app/tasklist/default/#/?task=${taskId}`);
  await page.waitForSelector('.fjs-container');
  const claim = page.getByText('Claim', { exact: true });
  if (await claim.isVisible().catch(() => false)) {
    await claim.click();
    await claim.waitFor({ state: 'hidden' });
  }
}

module.exports.findTaskId = findTaskId;
module.exports.openTaskById = openTaskById;

/**
 * Signs in on one of our own pages (the auditor's page, the migration page, my cases) through its form, which uses the
 * webapps' login, and waits for the page's content (its data read with the new session). Refused, it fails with the
 * form's message.
 */
async function signInOnPage(page, user, password = PASSWORD) {
  await page.locator('#signin').waitFor({ timeout: 30000 });
  await page.fill('#signin-user', user);
  await page.fill('#signin-password', password);
  await page.click('#signin button[type=submit]');
  // the page either shows its content or the form again with a message that is not "Signing in…"
  const outcome = await page.waitForFunction(() => {
    if (!document.getElementById('content').hidden) {
      return 'in';
    }
    const form = document.getElementById('signin');
    const message = document.getElementById('signin-message').textContent;
    return !form.hidden && message && !message.startsWith('Signing in') ? 'refused' : false;
  }, null, { timeout: 60000 });
  if (await outcome.jsonValue() !== 'in') {
    throw new Error(`${user} not signed in: ${await page.locator('#signin-message').innerText()}`);
  }
}

module.exports.signInOnPage = signInOnPage;

/** GETs an /api or /engine-rest address as `user` (HTTP Basic, the APIs' stateless door) and returns its JSON. */
async function apiGet(page, user, address) {
  const auth = 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64');
  const response = await page.request.get(`${BASE_URL}${address}`, { headers: { Authorization: auth } });
  if (!response.ok()) {
    throw new Error(`GET ${address} as ${user} answered ${response.status()}: ${(await response.text()).substring(0, 300)}`);
  }
  return response.json();
}

/**
 * The reference of the case `user` has just started from a Tasklist start form (its Start clicked): the one Tasklist's
 * notice names if it names one (`prefix` and a number, such as CR-3), else the one "my cases" (/api/my/cases, the
 * requester's own) gives the case with that title, looked up page by page. Returns { reference, source }.
 */
async function startedReference(page, user, title, prefix) {
  const pattern = new RegExp(`\\b${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d+\\b`);
  const notice = page.locator('.notifications .alert');
  await notice.first().waitFor({ timeout: 5000 }).catch(() => {});
  const shown = (await notice.allInnerTexts().catch(() => [])).join(' ');
  const named = shown.match(pattern);
  if (named) {
    return { reference: named[0], source: `Tasklist's notice '${shown.trim()}'` };
  }
  for (let index = 0; ; index++) {
    const result = await apiGet(page, user, `/api/my/cases?size=200&page=${index}`);
    const mine = result.items.find((c) => c.title === title);
    if (mine) {
      if (!pattern.test(mine.reference)) {
        throw new Error(`my cases gives '${title}' the reference ${mine.reference}, expected ${prefix}n`);
      }
      return { reference: mine.reference, source: `my cases (Tasklist's notice: '${shown.trim()}')` };
    }
    if (result.items.length === 0 || (index + 1) * result.size >= result.total) {
      throw new Error(`${user}'s cases hold none titled '${title}' (Tasklist's notice: '${shown.trim()}')`);
    }
  }
}

/**
 * The rows of the auditor's page timeline (#timeline) as objects of their cells, after "Load more" was clicked until
 * the page has loaded the whole timeline (so what is found does not depend on the page size).
 */
async function timelineRows(page) {
  const more = page.locator('#more');
  for (let i = 0; i < 50 && await more.isVisible(); i++) {
    // the summary ("n entries for this project; m loaded, k shown") changes once the next page is in
    const before = await page.locator('#summary').textContent();
    await more.click();
    await page.waitForFunction((text) => document.getElementById('summary').textContent !== text, before,
      { timeout: 30000 });
  }
  return page.$$eval('#timeline tbody tr', (rows) => rows.map((row) => {
    const [when, kind, what, who, caseReference, process] = [...row.cells].map((c) => c.textContent.trim());
    return { when, kind, what, who, caseReference, process, className: row.className };
  }));
}

module.exports.apiGet = apiGet;
module.exports.startedReference = startedReference;
module.exports.timelineRows = timelineRows;

/**
 * Waits until the start form's modal has closed after Start: the process started. A start the server refused keeps the
 * modal open with Tasklist's message in it; that fails at once, with the message.
 */
async function startAccepted(page, processName) {
  const modal = page.locator('.modal-dialog');
  const refusal = modal.locator('.alert-danger');
  // whichever comes first; the other wait ends on its own (its failure is of no interest)
  await Promise.race([modal.waitFor({ state: 'detached', timeout: 30000 }).catch(() => {}),
    refusal.first().waitFor({ timeout: 30000 }).catch(() => {})]);
  if (await modal.count() > 0) {
    const message = await refusal.count() > 0 ? (await refusal.first().innerText()).trim() : 'no message in 30 s';
    throw new Error(`the start of '${processName}' did not go through: ${message}`);
  }
}

module.exports.startAccepted = startAccepted;

/** Closes Tasklist's notices (their ×) rather than waiting the seconds they take to fade. */
async function dismissNotices(page) {
  const notices = page.locator('.notifications .alert');
  for (let i = 0; i < 10 && await notices.count() > 0; i++) {
    await notices.first().locator('.close').click({ timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(100);
  }
  await notices.first().waitFor({ state: 'detached', timeout: 15000 });
}

module.exports.dismissNotices = dismissNotices;
