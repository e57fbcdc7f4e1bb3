'use strict';
// The performance dashboard as a PMO user, in English (?lang=en) and in Simplified Chinese (the browser's
// Accept-Language, zh-CN): every chart must show data and the page must log no console error; screenshots of both.
// Then the project manager submits a status report through its Tasklist form. Environment: PMO_USER, MANAGER,
// REPORT_TASK (the id of the report task to submit), SCREENSHOT (a name prefix).
const lib = require('./lib');

const CHARTS = ['chart-rag', 'chart-scurve', 'chart-trend', 'chart-portfolio-trend', 'chart-forecast', 'chart-heatmap',
  'chart-escalations', 'chart-change', 'chart-missing'];

async function dashboard(browser, locale, query, expectTitle, shot) {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 2200 }, locale,
    httpCredentials: { username: process.env.PMO_USER || 'olga', password: lib.PASSWORD },
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${lib.BASE_URL}/dashboard/${query}`);
  await page.locator('body[data-loaded="true"]').waitFor({ timeout: 60000 });
  const empty = [];
  for (const id of CHARTS) {
    if ((await page.locator(`#${id}`).getAttribute('data-filled')) !== 'true') {
      empty.push(`${id}: ${await page.locator(`#${id}`).innerText()}`);
    }
  }
  if (empty.length > 0) {
    await lib.screenshot(page, `${shot}-failure`);
    throw new Error(`charts without data (${locale}): ${empty.join('; ')}`);
  }
  const title = await page.locator('h1').innerText();
  if (!title.includes(expectTitle)) {
    throw new Error(`title '${title}' is not in the expected language (${expectTitle})`);
  }
  if ((await page.locator('#ranked tbody tr').count()) === 0) {
    throw new Error('the ranked table is empty');
  }
  await page.waitForTimeout(500);
  await lib.screenshot(page, shot);
  if (errors.length > 0) {
    throw new Error(`console errors (${locale}): ${errors.join(' | ')}`);
  }
  await context.close();
}

lib.run('performance-dashboard', async (browser) => {
  const prefix = process.env.SCREENSHOT || 'performance-dashboard';
  await dashboard(browser, 'en-GB', '?lang=en', 'Performance', `${prefix}-en`);
  await dashboard(browser, 'zh-CN', '', '绩效', `${prefix}-zh-CN`);

  const manager = await lib.tasklist(browser, process.env.MANAGER);
  await lib.openTaskById(manager, process.env.REPORT_TASK);
  for (const key of ['ragSchedule', 'ragCost', 'ragScope', 'ragQuality', 'ragOverall']) {
    await lib.choose(manager, key, 'Green');
  }
  await lib.fillAll(manager, { earnedValue: '50000', actualCost: '49000', narrative: 'Submitted in Tasklist',
    nextSteps: 'Keep going' });
  await lib.screenshot(manager, `${prefix}-status-report-form`);
  await lib.submit(manager, 'Complete');
  await lib.completed(manager);
});
