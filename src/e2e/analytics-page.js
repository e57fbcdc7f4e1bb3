'use strict';
// A process owner opens the analytics page for one process: the diagram must be drawn (bpmn-js from the jar, no
// CDN), every step that ran must carry its figures and heat colour, every flow taken its count, the tables beside it
// must be filled, and the browser must log no error. Environment: PROCESS, USER_ID, EXPECT_STEPS (a JSON array of
// element ids that must carry figures), EXPECT_FLOWS (ids of flows that must carry a count), SCREENSHOT.
const lib = require('./lib');

const processKey = process.env.PROCESS;
const steps = JSON.parse(process.env.EXPECT_STEPS || '[]');
const flows = JSON.parse(process.env.EXPECT_FLOWS || '[]');

lib.run('analytics-page', async (browser) => {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1200 },
    httpCredentials: { username: process.env.USER_ID || 'owen', password: lib.PASSWORD },
  });
  const page = await context.newPage();
  const errors = [];
  const outside = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      errors.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(lib.BASE_URL) && !request.url().startsWith('data:')) {
      outside.push(request.url());
    }
  });
  await page.goto(`${lib.BASE_URL}/analytics/?process=${encodeURIComponent(processKey)}`);
  await page.locator('#canvas .djs-container svg').first().waitFor({ timeout: 30000 });
  await page.locator('#canvas .djs-overlay .figure').first().waitFor({ timeout: 30000 });
  for (const id of steps) {
    const figure = page.locator(`#canvas .djs-overlays[data-container-id="${id}"] .figure`);
    if ((await figure.count()) === 0) {
      throw new Error(`step ${id} shows no figures`);
    }
    const text = await figure.first().innerText();
    if (!/\d+×/.test(text)) {
      throw new Error(`step ${id} shows no run count: ${text}`);
    }
    const heat = await page.locator(`#canvas g.djs-element[data-element-id="${id}"]`).first().getAttribute('class');
    if (!/heat-\d/.test(heat || '')) {
      throw new Error(`step ${id} has no heat colour: ${heat}`);
    }
  }
  for (const id of flows) {
    const count = page.locator(`#canvas .djs-overlays[data-container-id="${id}"] .flow-count`);
    if ((await count.count()) === 0 || !/^\d+$/.test((await count.first().innerText()).trim())) {
      throw new Error(`flow ${id} shows no count`);
    }
  }
  for (const table of ['#nodes', '#flows', '#periods']) {
    if ((await page.locator(`${table} tbody tr`).count()) === 0) {
      throw new Error(`the table ${table} is empty`);
    }
  }
  if (await page.locator('#problem').isVisible()) {
    throw new Error(`the page shows a problem: ${await page.locator('#problem').innerText()}`);
  }
  const csv = await page.locator('#export').getAttribute('href');
  if (!csv || !csv.includes('/api/analytics/export')) {
    throw new Error(`no CSV export link: ${csv}`);
  }
  if (outside.length > 0) {
    throw new Error(`the page loaded from outside the application: ${outside.join(', ')}`);
  }
  if (errors.length > 0) {
    throw new Error(`the browser logged errors: ${errors.join(' | ')}`);
  }
  await lib.screenshot(page, process.env.SCREENSHOT || 'analytics-page');
});
