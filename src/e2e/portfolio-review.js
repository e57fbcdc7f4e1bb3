'use strict';
// A PMO analyst starts a portfolio review from Tasklist (its start form asks for the occasion), proposes the decisions
// in the proposal form (a row per running project that needs a decision and per screened proposal: here a red project
// paused; a healthy project, which the form does not list, added with "Add new", picked by its code and stopped; one
// proposal approved with its manager and planned start, one rejected; every other row left as suggested), and a
// steering committee member (another person: four-eyes) approves them in the approval form. No page may log a console
// error. The JUnit side (pmo.e2e.PortfolioReviewIT) prepares the projects and proposals and checks the rows written.
// Environment: OCCASION, PMO_USER, STEERING_USER, PAUSE, STOP (project codes), APPROVE, REJECT (proposal references),
// MANAGER, PLANNED_START (yyyy-MM-dd).
const lib = require('./lib');

const occasion = process.env.OCCASION || `Browser review ${Date.now()}`;
const byOccasion = `processDefinitionKey=portfolio-review&processVariables=occasion_eq_${encodeURIComponent(occasion)}`;

/** Collects the console errors and uncaught exceptions of a page. */
/** The tasks this scenario completed: Tasklist may fetch a task once more after completing it, and gets a 404. */
const completed = new Set();

function watch(page, errors, who) {
  page.on('console', (message) => {
    const url = message.location().url || '';
    const refetch = message.text().includes('404') && completed.has(url.substring(url.lastIndexOf('/') + 1));
    if (message.type() === 'error' && !refetch) errors.push(`${who}: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => errors.push(`${who}: ${error}`));
}

/**
 * The index of the row of a dynamic list (`project` or `proposal`) whose read-only reference is `reference`. The rows'
 * references are read in one call to the page: one call per row took most of the scenario once the test database held
 * a few hundred running projects.
 */
async function references(page, list) {
  const inputs = page.locator(`.fjs-container input[id*="-Field_${list}_reference_"]`);
  await inputs.first().waitFor();
  return inputs.evaluateAll((all) => all.map((input) => [input.value, input.id]));
}

async function rowOf(page, list, reference) {
  const rows = await references(page, list);
  const row = rows.find(([value]) => value === reference);
  if (!row) {
    throw new Error(`the proposal form has no ${list} row for ${reference} (${rows.length} rows)`);
  }
  return Number(row[1].substring(row[1].lastIndexOf('_') + 1));
}

/** The value of a read-only text area once form-js has filled it in. */
async function filled(page, key) {
  for (const deadline = Date.now() + 30000; Date.now() < deadline; await page.waitForTimeout(250)) {
    const value = await lib.field(page, key).inputValue().catch(() => '');
    if (value !== '') {
      return value;
    }
  }
  throw new Error(`the form shows nothing in ${key}`);
}

/** Picks a select in a row and checks the form shows the choice. */
async function decide(page, key, label) {
  await lib.choose(page, key, label);
  const shown = await page.locator(`.fjs-container [id$="-Field_${key}-display"]`).innerText();
  if (!shown.includes(label)) {
    throw new Error(`field ${key} shows '${shown}' after choosing '${label}'`);
  }
}

/**
 * A screenshot of the whole form: Tasklist scrolls the task pane, so a page screenshot shows only the form's top; the
 * viewport is made as tall as the form for the picture.
 */
async function formShot(page, name) {
  const viewport = page.viewportSize();
  const height = await page.locator('.fjs-container').evaluate((form) => {
    for (let pane = form.parentElement; pane; pane = pane.parentElement) {
      pane.scrollTop = 0;
    }
    return form.getBoundingClientRect().top + form.scrollHeight;
  });
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.ceil(height) + 300, 12000) });
  await page.waitForTimeout(300);
  await lib.screenshot(page, name);
  await page.setViewportSize(viewport);
}

/**
 * Completes the open task and waits until Tasklist has closed its form; a refusal (Tasklist's error notice, e.g. the
 * server's check of the rows) fails the scenario with its text.
 */
async function complete(page) {
  completed.add(new URL(page.url().replace('#/?', '?')).searchParams.get('task'));
  await lib.submit(page, 'Complete');
  await lib.completed(page);
}

lib.run('portfolio-review', async (browser) => {
  const errors = [];
  const pmoUser = process.env.PMO_USER || 'olga';
  const office = await lib.tasklist(browser, pmoUser);
  // the proposal form lists only the projects that need a decision, so it stays short however many are running
  office.setDefaultTimeout(60000);
  watch(office, errors, pmoUser);
  await lib.openStartForm(office, 'Portfolio review');
  await lib.fillAll(office, { occasion });
  await lib.screenshot(office, 'portfolio-review-1-start-form');
  await lib.submit(office, 'Start');
  await office.locator('.modal-dialog').waitFor({ state: 'detached' });

  // the review's pack is compiled when it starts; then the proposal task waits for the PMO
  await lib.openTaskById(office, await lib.findTaskId(office, pmoUser,
    `taskDefinitionKey=Task_ProposeDecisions&${byOccasion}`));
  // the pack as text (cut short in a large portfolio: the rows below are what the PMO decides on)
  const pack = await filled(office, 'reviewPack');
  if (!pack.startsWith('Portfolio review ') || !pack.includes('Ranking:')) {
    throw new Error(`the form shows no review pack:\n${pack}`);
  }
  // the selects first: a text typed just before a select is picked can be lost while form-js re-renders
  const pause = await rowOf(office, 'project', process.env.PAUSE);
  const listed = await references(office, 'project');
  if (listed.some(([value]) => value === process.env.STOP)) {
    throw new Error(`the form lists ${process.env.STOP}, a healthy project that needs no decision`);
  }
  console.log(`the proposal form lists ${listed.length} running projects`);
  const approve = await rowOf(office, 'proposal', process.env.APPROVE);
  const reject = await rowOf(office, 'proposal', process.env.REJECT);
  await decide(office, `project_decision_${pause}`, 'Pause (put or keep on hold)');
  // the healthy project to stop: a row added below the listed ones, the project picked by its code
  await office.locator('.fjs-container .fjs-repeat-render-add').first().click();
  await lib.pick(office, 'other_project_0', process.env.STOP);
  await decide(office, 'other_decision_0', 'Stop (cancel)');
  await lib.screenshot(office, 'portfolio-review-2a-added-row');
  await decide(office, `proposal_decision_${approve}`, 'Approve (register the project)');
  await decide(office, `proposal_decision_${reject}`, 'Reject');
  const manager = process.env.MANAGER || 'paula';
  await lib.pick(office, `proposal_projectManager_${approve}`, manager, `(${manager})`);
  await lib.fillDate(office, `proposal_plannedStart_${approve}`, process.env.PLANNED_START);
  await lib.fillAll(office, {
    [`project_reason_${pause}`]: 'No architect free until spring',
    other_reason_0: 'Its market is gone',
    [`proposal_reason_${reject}`]: 'Duplicates a running project',
    proposalNote: 'Proposed in the browser',
  });
  await formShot(office, 'portfolio-review-2-proposal-form');
  // Tasklist 7.24 counts form-js's error entries of the rows of a dynamic list as errors even when they are empty, so
  // Complete stays disabled after any edit of a row; Save checks the whole form, which clears them (the form says so)
  await lib.submit(office, 'Save');
  await complete(office);

  const steeringUser = process.env.STEERING_USER || 'sam';
  const steering = await lib.tasklist(browser, steeringUser);
  steering.setDefaultTimeout(60000);
  watch(steering, errors, steeringUser);
  await lib.openTaskById(steering, await lib.findTaskId(steering, steeringUser,
    `taskDefinitionKey=Task_ApproveDecisions&${byOccasion}`));
  const summary = await filled(steering, 'decisionSummary');
  for (const line of [`${process.env.PAUSE} `, `${process.env.STOP} `, `${process.env.APPROVE} `,
    `${process.env.REJECT} `, `proposed by ${pmoUser}`]) {
    if (!summary.includes(line)) {
      throw new Error(`the approval form's summary lacks '${line}':\n${summary}`);
    }
  }
  await lib.tick(steering, 'Approve: apply the decisions');
  await lib.fillAll(steering, { steeringComment: 'Approved in the browser' });
  await formShot(steering, 'portfolio-review-3-approval-form');
  await complete(steering);
  await lib.screenshot(steering, 'portfolio-review-4-after-approval');

  if (errors.length > 0) {
    throw new Error(`console errors: ${errors.join(' | ')}`);
  }
});
