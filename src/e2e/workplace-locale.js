'use strict';
// A quiet, translated workplace: Tasklist, Cockpit and Admin in English (browser locale en-GB) and in Simplified
// Chinese (zh-CN), through the webapps' own locale files. On every page: no Camunda 8 banner, no page error, no console
// error and no failed request to the application; "Create task" hidden from a requester and shown to an administrator.
// Then the auditor's page and the analytics page in Simplified Chinese. One screenshot per app and language.
// Environment: REQUESTER, ADMIN, AUDITOR (user ids), PASSWORD, PROJECT_ID (for the auditor's page), SCREENSHOT.
const lib = require('./lib');

const LANGUAGES = {
  'en-GB': { startProcess: 'Start process', cockpit: 'Running Process Instances', admin: 'Authorizations' },
  'zh-CN': { startProcess: '启动流程', cockpit: '运行中的流程实例', admin: '授权' },
};

/** A browser context in `locale` whose pages record every error and every failed request to the application. */
async function context(browser, locale, problems, extra) {
  const ctx = await browser.newContext(Object.assign({ viewport: { width: 1400, height: 900 }, locale }, extra));
  ctx.on('page', (page) => watch(page, locale, problems));
  return ctx;
}

function watch(page, locale, problems) {
  page.on('pageerror', (error) => problems.push(`${locale} page error: ${error}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${locale} console: ${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().startsWith(lib.BASE_URL)) {
      problems.push(`${locale} ${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
}

async function login(page, user) {
  await page.goto(`${lib.BASE_URL}/camunda/app/tasklist/default/`);
  const username = page.locator('input[ng-model="username"]');
  const password = page.locator('input[ng-model="password"]');
  await username.waitFor();
  for (let i = 0; i < 5 && ((await username.inputValue()) !== user || (await password.inputValue()) !== lib.PASSWORD);
    i++) {
    await username.fill(user);
    await password.fill(lib.PASSWORD);
  }
  // the Create task check (scripts/pmo-create-task.js) asks the engine once the navigation bar is drawn
  const asked = page.waitForResponse((r) => r.url().includes('/authorization/check'), { timeout: 30000 });
  await page.click('button[type="submit"]');
  await page.locator('.start-process-action').waitFor({ timeout: 30000 });
  await asked;
  await page.waitForLoadState('networkidle');
}

async function expectQuiet(page, where) {
  const banners = page.locator('.ce-eol-banner');
  for (let i = 0; i < await banners.count(); i++) {
    if (await banners.nth(i).isVisible()) {
      throw new Error(`${where}: the Camunda 8 banner is visible`);
    }
  }
}

/** Waits for a text of the page; a page still loading after a minute fails with what the pages reported so far. */
async function expectText(page, text, where, problems) {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout: 60000 })
    .catch(() => { throw new Error(`${where}: '${text}' is not shown; so far: ${problems.join(' | ') || 'no errors'}`); });
}

async function webapps(browser, locale, prefix, problems) {
  const words = LANGUAGES[locale];

  const requesterContext = await context(browser, locale, problems);
  const requester = await requesterContext.newPage();
  await login(requester, process.env.REQUESTER);
  const start = (await requester.locator('.start-process-action').innerText()).trim();
  if (start !== words.startProcess) {
    throw new Error(`Tasklist (${locale}) shows '${start}', expected '${words.startProcess}'`);
  }
  await expectQuiet(requester, `Tasklist (${locale})`);
  if (await requester.locator('.create-task-action').isVisible()) {
    throw new Error(`Tasklist (${locale}): "Create task" is offered to ${process.env.REQUESTER}`);
  }
  await lib.screenshot(requester, `${prefix}-tasklist-${locale}`);
  await requesterContext.close();

  const adminContext = await context(browser, locale, problems);
  const admin = await adminContext.newPage();
  await login(admin, process.env.ADMIN);
  await admin.locator('.create-task-action').waitFor({ state: 'visible', timeout: 10000 })
    .catch(() => { throw new Error(`Tasklist (${locale}): "Create task" is hidden from the administrator`); });

  await admin.goto(`${lib.BASE_URL}/camunda/app/cockpit/default/`);
  await expectText(admin, words.cockpit, `Cockpit (${locale})`, problems);
  await admin.waitForLoadState('networkidle');
  await expectQuiet(admin, `Cockpit (${locale})`);
  await lib.screenshot(admin, `${prefix}-cockpit-${locale}`);

  await admin.goto(`${lib.BASE_URL}/camunda/app/admin/default/`);
  await expectText(admin, words.admin, `Admin (${locale})`, problems);
  await admin.waitForLoadState('networkidle');
  await expectQuiet(admin, `Admin (${locale})`);
  await lib.screenshot(admin, `${prefix}-admin-${locale}`);
  await adminContext.close();
}

async function auditorPage(browser, prefix, problems) {
  const ctx = await context(browser, 'zh-CN', problems, {
    viewport: { width: 1600, height: 1000 },
    // HTTP Basic on every request (the auditor's scenario shows the page's own sign-in)
    extraHTTPHeaders: {
      Authorization: `Basic ${Buffer.from(`${process.env.AUDITOR}:${lib.PASSWORD}`).toString('base64')}`,
    },
  });
  const page = await ctx.newPage();
  await page.goto(`${lib.BASE_URL}/audit/${process.env.PROJECT_ID ? `?project=${process.env.PROJECT_ID}` : ''}`);
  await page.locator('#chain.intact').waitFor({ timeout: 30000 });
  await page.locator('#timeline tbody tr').first().waitFor({ timeout: 30000 });
  const title = await page.locator('h1').innerText();
  const chain = await page.locator('#chain').innerText();
  const kind = await page.locator('#timeline tbody td.kind').first().innerText();
  if (!title.includes('审计') || !chain.includes('审计记录') || !['流程', '任务', '决策', '记录变更'].includes(kind)) {
    throw new Error(`the auditor's page is not in Simplified Chinese: '${title}', '${chain}', '${kind}'`);
  }
  const when = await page.locator('#timeline tbody td').first().innerText();
  if (/\d{4}-\d{2}-\d{2}T/.test(when) || !/年|\//.test(when)) {
    throw new Error(`the auditor's page shows '${when}', not a date in the reader's locale`);
  }
  await lib.screenshot(page, `${prefix}-audit-zh-CN`);

  await page.goto(`${lib.BASE_URL}/analytics/?process=project-intake`);
  await page.locator('#summary', { hasText: '已启动' }).waitFor({ timeout: 30000 })
    .catch(async () => {
      throw new Error(`the analytics page is not in Simplified Chinese: ${await page.locator('#summary').innerText()}`);
    });
  const heading = await page.locator('h1').innerText();
  if (!heading.includes('流程分析')) {
    throw new Error(`the analytics page's title is '${heading}'`);
  }
  await lib.screenshot(page, `${prefix}-analytics-zh-CN`);

  // "My cases" in Simplified Chinese too (whoever is signed in: the auditor has raised none)
  await page.goto(`${lib.BASE_URL}/my-cases/`);
  await page.locator('#summary', { hasText: '您尚未提出任何案例' }).or(page.locator('#summary', { hasText: '按时间倒序' }))
    .waitFor({ timeout: 30000 }).catch(async () => {
      throw new Error(`"my cases" is not in Simplified Chinese: ${await page.locator('#summary').innerText()}`);
    });
  const cases = await page.locator('h1').innerText();
  const header = await page.locator('#cases th').first().innerText();
  if (!cases.includes('我的案例') || header !== '编号') {
    throw new Error(`"my cases" shows '${cases}' and '${header}'`);
  }
  await lib.screenshot(page, `${prefix}-my-cases-zh-CN`);
  await ctx.close();
}

lib.run('workplace-locale', async (browser) => {
  const prefix = process.env.SCREENSHOT || 'workplace';
  const problems = [];
  for (const locale of Object.keys(LANGUAGES)) {
    await webapps(browser, locale, prefix, problems);
  }
  await auditorPage(browser, prefix, problems);
  if (problems.length > 0) {
    throw new Error(`errors in the pages:\n${problems.join('\n')}`);
  }
});
