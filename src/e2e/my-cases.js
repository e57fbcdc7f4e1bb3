'use strict';
// A reference and a place for my cases (issue 10, point 5). A requester raises a change request through the Tasklist
// start form, then opens "My cases" (/my-cases/, signed in with the same user and password as Tasklist) and finds the
// request by its title: its reference (CR-n, the process's business key, the one her confirmation names), and where it
// waits: "CR-n Assess impact", for the project's manager. The JUnit side (pmo.e2e.MyCasesIT) checks the reference
// against the row and the confirmation notice. On the page she chooses 简体中文 for her notices.
// Environment: TITLE, PROJECT_CODE, REQUESTER, MANAGER.
const lib = require('./lib');

const title = process.env.TITLE;
const requesterId = process.env.REQUESTER || 'rita';
const managerId = process.env.MANAGER;

lib.run('my-cases', async (browser) => {
  const requester = await lib.tasklist(browser, requesterId);
  await lib.openStartForm(requester, 'Change request');
  await lib.choose(requester, 'changeType', 'Normal: assessed and routed for approval');
  await lib.choose(requester, 'qualityImpact', 'Minor');
  await lib.pick(requester, 'projectId', process.env.PROJECT_CODE);
  await lib.fillAll(requester, {
    title,
    description: 'Raised in Chromium to be found in My cases',
    reason: 'The regions need their own reports',
    costDelta: '1500',
    scheduleDeltaDays: '1',
    scopeChange: 'Regional reports',
    riskNotes: 'None known',
  });
  await lib.submit(requester, 'Start');
  await requester.locator('.modal-dialog').waitFor({ state: 'detached' });

  // "My cases" in the same browser: signed in to Tasklist, she is signed in on the page (the webapps' session)
  const page = await requester.context().newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${lib.BASE_URL}/my-cases/`);
  await page.locator('#who', { hasText: requesterId }).waitFor({ timeout: 30000 });
  const row = page.locator('#cases tbody tr', { hasText: title });
  await row.waitFor({ timeout: 30000 });
  const cells = (await row.locator('td').allTextContents()).map((t) => t.trim());
  const [reference, kind, shownTitle, project, status, waitsAt, forWhom, since] = cells;
  if (!/^CR-\d+$/.test(reference)) throw new Error(`reference '${reference}' is no CR-n`);
  if (kind !== 'change request' || shownTitle !== title) throw new Error(`row shows ${cells.join(' | ')}`);
  if (!project.startsWith('PRJ-')) throw new Error(`project '${project}'`);
  if (status !== 'SUBMITTED') throw new Error(`status '${status}'`);
  if (waitsAt !== `${reference} Assess impact`) throw new Error(`waits at '${waitsAt}'`);
  if (forWhom !== managerId) throw new Error(`for whom '${forWhom}', expected ${managerId}`);
  // the time in the reader's locale (the browser's English here), not the ISO text of the answer
  if (/T\d\d:/.test(since) || !/\b20\d\d\b/.test(since)) throw new Error(`since '${since}'`);
  await row.scrollIntoViewIfNeeded();
  await lib.screenshot(page, 'my-cases-1-list');
  // she chooses to read her notices in Simplified Chinese (PUT /api/me/language with the page's session and token)
  await page.locator('#language').waitFor({ timeout: 30000 });
  await page.selectOption('#language', 'zh-CN');
  await page.locator('#language-saved', { hasText: /^saved$/ }).waitFor({ timeout: 30000 }).catch(async () => {
    throw new Error(`the language was not saved: '${await page.locator('#language-saved').innerText()}'`);
  });
  console.log(`REFERENCE=${reference}`);
  console.log(`my-cases: ${reference} waits at '${waitsAt}' for ${forWhom} since ${since}`);

  // the project manager's Tasklist card starts with the reference: four "Assess impact" cards differ in their first word
  const manager = await lib.tasklist(browser, managerId);
  await manager.getByText(`${reference} Assess impact`, { exact: true }).first().waitFor({ timeout: 30000 });
  await lib.screenshot(manager, 'my-cases-2-manager-card');

});
