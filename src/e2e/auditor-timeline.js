'use strict';
// An auditor opens the audit page for one project and reads its history: the page must show every expected text
// (process, tasks with who completed them, decisions, record changes), show typed-in HTML/script as text, and never
// run it. Environment: PROJECT_ID, AUDITOR, EXPECT (a JSON array of texts), SCREENSHOT (a name).
const lib = require('./lib');

const projectId = process.env.PROJECT_ID;
const expected = JSON.parse(process.env.EXPECT || '[]');

lib.run('auditor-timeline', async (browser) => {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1200 },
    httpCredentials: { username: process.env.AUDITOR || 'audrey', password: lib.PASSWORD },
  });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(`${lib.BASE_URL}/audit/?project=${encodeURIComponent(projectId)}`);
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
});
