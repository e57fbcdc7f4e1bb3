'use strict';
// A requester raises a change request through the Tasklist start form; the project manager assesses its impact and a
// PMO analyst approves it, each through the task's Camunda Form. The JUnit side (pmo.e2e.ChangeRequestInTasklistIT)
// checks the rows written.
const lib = require('./lib');

const title = process.env.TITLE || `Browser change ${Date.now()}`;
const projectCode = process.env.PROJECT_CODE;

lib.run('change-request-tasklist', async (browser) => {
  const requester = await lib.tasklist(browser, process.env.REQUESTER || 'rita');
  await lib.openStartForm(requester, 'Change request');
  // the selects first: a text typed just before a select is picked can be lost while form-js re-renders
  await lib.choose(requester, 'changeType', 'Normal: assessed and routed for approval');
  await lib.choose(requester, 'qualityImpact', 'Minor');
  // the project from its picker, by its code (label "PRJ-00001 Name")
  await lib.pick(requester, 'projectId', projectCode, projectCode, 'change-0-project-picker');
  await lib.fillAll(requester, {
    title,
    description: 'Typed into the start form in Chromium',
    reason: 'The regions need their own reports',
    costDelta: '2500',
    scheduleDeltaDays: '2',
    scopeChange: 'Regional <b>sales</b> reports',
    riskNotes: 'Regional feeds may be late',
  });
  await lib.screenshot(requester, 'change-1-start-form');
  await lib.submit(requester, 'Start');
  await requester.locator('.modal-dialog').waitFor({ state: 'detached' });

  const manager = await lib.tasklist(browser, process.env.MANAGER || 'paula');
  const byTitle = `processVariables=title_eq_${encodeURIComponent(title)}`;
  await lib.openTaskById(manager, await lib.findTaskId(manager, process.env.MANAGER || 'paula',
    `taskDefinitionKey=Task_AssessImpact&${byTitle}`));
  await lib.fillAll(manager, { assessmentComment: 'Estimate confirmed' });
  await lib.screenshot(manager, 'change-2-assessment-form');
  await lib.submit(manager, 'Complete');
  await lib.completed(manager);

  const approver = await lib.tasklist(browser, process.env.APPROVER || 'olga');
  await lib.openTaskById(approver, await lib.findTaskId(approver, process.env.APPROVER || 'olga',
    `taskDefinitionKey=Task_PmoApproval&${byTitle}`));
  await lib.tick(approver, 'Approve');
  await lib.fillAll(approver, { pmoComment: 'Approved in the browser' });
  await lib.screenshot(approver, 'change-3-pmo-approval-form');
  await lib.submit(approver, 'Complete');
  await lib.completed(approver);
  await lib.screenshot(approver, 'change-4-after-approval');
});
