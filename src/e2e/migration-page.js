'use strict';
// A process owner migrates a waiting change request on the migration page: the generated mapping misses the renamed
// approval task (shown as a problem), an edited mapping validates, Execute submits the batch and the history shows it
// completed. A staff member on the same page is told that only process owners and administrators may migrate.
// Environment: OWNER, STAFF, SOURCE, TARGET (versions), FROM, TO (the activity ids of the renamed task), INSTANCE (the
// one instance to move), SCREENSHOT.
const lib = require('./lib');

const { OWNER, STAFF, SOURCE, TARGET, FROM, TO, INSTANCE } = process.env;

async function open(browser, user) {
  // HTTP Basic on every request (the auditor's scenario shows the page's own sign-in)
  const context = await browser.newContext({ viewport: { width: 1400, height: 1100 },
    extraHTTPHeaders: { Authorization: `Basic ${Buffer.from(`${user}:${lib.PASSWORD}`).toString('base64')}` } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${lib.BASE_URL}/migrations/?process=change-request`);
  return { page, errors };
}

lib.run('migration-page', async (browser) => {
  const { page, errors } = await open(browser, OWNER);
  await page.locator('#process option[value="change-request"]').waitFor({ state: 'attached', timeout: 30000 });
  await page.selectOption('#process', 'change-request');
  await page.selectOption('#source', SOURCE);
  await page.selectOption('#target', TARGET);
  await page.fill('#instances', INSTANCE);
  await page.click('#generate');
  await page.locator('#verdict.invalid').waitFor({ timeout: 30000 });
  if ((await page.locator('#problems').getByText(FROM, { exact: false }).count()) === 0) {
    throw new Error(`the generated mapping's problems do not name ${FROM}`);
  }
  if ((await page.locator(`#mapping input[name=from][value="${FROM}"]`).count()) !== 0) {
    throw new Error(`the generated mapping maps ${FROM}, which the target version lacks`);
  }
  await page.click('#add');
  await page.locator('#mapping tbody tr:last-child input[name=from]').fill(FROM);
  await page.locator('#mapping tbody tr:last-child input[name=to]').fill(TO);
  await page.click('#validate');
  await page.locator('#verdict.valid').waitFor({ timeout: 30000 });
  await lib.screenshot(page, `${process.env.SCREENSHOT || 'migration-page'}-validated`);
  await page.click('#execute');
  await page.getByText('submitted', { exact: false }).waitFor({ timeout: 30000 });
  // the batch runs on the job executor: reload until the history says it is done
  for (let i = 0; ; i++) {
    await page.reload();
    const done = page.locator('#history tbody tr').first().getByText(`COMPLETED (1 of 1 on v${TARGET})`);
    if (await done.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
      break;
    }
    if (i > 30) {
      throw new Error('the migration did not complete: ' + await page.locator('#history').innerText());
    }
  }
  await lib.screenshot(page, process.env.SCREENSHOT || 'migration-page');

  // the same page in Simplified Chinese (?lang=zh-CN; a browser set to Chinese gets it by itself), times in its locale
  await page.goto(`${lib.BASE_URL}/migrations/?process=change-request&lang=zh-CN`);
  await page.locator('#history tbody tr').first().getByText(`（1 个中已有 1 个在 v${TARGET} 上）`, { exact: false })
    .waitFor({ timeout: 30000 });
  const title = await page.locator('h1').innerText();
  const when = await page.locator('#history tbody tr td').nth(1).innerText();
  if (!title.includes('迁移运行中的实例') || !(await page.locator('#validate').innerText()).includes('校验')
    || !/年/.test(when)) {
    throw new Error(`the migration page is not in Simplified Chinese: '${title}', executed '${when}'`);
  }
  await lib.screenshot(page, `${process.env.SCREENSHOT || 'migration-page'}-zh-CN`);
  if (errors.length > 0) {
    throw new Error(`page errors: ${errors.join('; ')}`);
  }

  const staff = await open(browser, STAFF);
  await staff.page.locator('#status.error').getByText('Only process owners and administrators')
    .waitFor({ timeout: 30000 });
});
