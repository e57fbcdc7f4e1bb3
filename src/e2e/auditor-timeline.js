'use strict';
// An auditor opens the audit page for one project, signs in on the page (a wrong password is refused), and reads its
// history: the page must show every expected text
// (process, tasks with who completed them, decisions, record changes), show typed-in HTML/script as text, and never
// run it. Environment: PROJECT_ID, AUDITOR, EXPECT (a JSON array of texts), SCREENSHOT (a name).
const lib = require('./lib');

const projectId = process.env.PROJECT_ID;
const expected = JSON.parse(process.env.EXPECT || '[]');

lib.run('auditor-timeline', async (browser) => {
  // no credentials in the browser: the page asks for them in its own form (the webapps' login), not a password dialog
  const context = await browser.newContext({ viewport: { width: 1600, height: 1200 } });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const auditor = process.env.AUDITOR || 'audrey';
  await page.goto(`${lib.BASE_URL}/audit/?project=${encodeURIComponent(projectId)}`);
  await page.locator('#signin').waitFor({ timeout: 30000 });
  await page.fill('#signin-user', auditor);
  await page.fill('#signin-password', 'not-the-password');
  await page.click('#signin button[type=submit]');
  await page.locator('#signin-message', { hasText: 'Wrong user or password' }).waitFor({ timeout: 30000 });
  await lib.screenshot(page, `${process.env.SCREENSHOT || 'auditor-timeline'}-signin`);
  await lib.signInOnPage(page, auditor);
  await page.locator('#chain.intact').waitFor({ timeout: 30000 });
  await page.locator('#timeline tbody tr').first().waitFor({ timeout: 30000 });
  for (const text of expected) {
    const found = await page.locator('#timeline').getByText(text, { exact: false }).count();
    if (found === 0) {
      throw new Error(`the timeline does not show: ${text}`);
    }
  }
  const injected = await page.locator('#timeline script, #timeline img[onerror], #timeline b').count();
  if (injected > 0) {
    throw new Error(`typed-in markup became ${injected} element(s) in the page`);
  }
  if (dialogs.length > 0) {
    throw new Error(`typed-in script ran: ${dialogs.join(', ')}`);
  }
  await lib.screenshot(page, process.env.SCREENSHOT || 'auditor-timeline');

  // the CSV export is a plain download link: the session opens it too, and it starts with a byte order mark
  const csv = await page.evaluate(async () => {
    const response = await fetch(document.getElementById('export').href, { credentials: 'same-origin' });
    return { status: response.status, firstBytes: Array.from(new Uint8Array(await response.arrayBuffer()).slice(0, 3)) };
  });
  if (csv.status !== 200 || csv.firstBytes.join(',') !== '239,187,191') {
    throw new Error(`the CSV export answered ${csv.status} starting with bytes ${csv.firstBytes}`);
  }

  // signing out ends the session: the page asks again, and the API no longer answers to the cookie
  await page.click('#signout');
  await page.locator('#signin-message', { hasText: 'Signed out' }).waitFor({ timeout: 30000 });
  const after = await page.evaluate(async () => (await fetch('/api/audit/verify',
    { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } })).status);
  if (after !== 401) {
    throw new Error(`after signing out the API answered ${after}`);
  }
});
