'use strict';
// A requester raises a risk through the Tasklist start form; the project manager opens the assessment task (found by
// the risk's title through the engine REST API) and assesses the risk through its Camunda Form. The JUnit side
// (pmo.e2e.RiskInTasklistIT) checks the rows written.
const lib = require('./lib');

const title = process.env.TITLE || `Browser risk ${Date.now()}`;

lib.run('risk-tasklist', async (browser) => {
  const requester = await lib.tasklist(browser, process.env.REQUESTER || 'rita');
  await lib.openStartForm(requester, 'Risk escalation');
  await lib.choose(requester, 'category', 'Supplier');
  // project and owner from their pickers: the project by its code, the owner by the user id in the label
  await lib.pick(requester, 'projectId', process.env.PROJECT_CODE);
  const owner = process.env.OWNER || 'otto';
  await lib.pick(requester, 'owner', owner, `(${owner})`, 'risk-0-owner-picker');
  await lib.fillText(requester, 'title', title);
  await lib.fillText(requester, 'description', 'Typed into the start form in Chromium');
  await lib.fillText(requester, 'cause', 'One supplier only');
  await lib.fillText(requester, 'effect', 'No parts for months');
  await lib.screenshot(requester, 'risk-1-start-form');
  await lib.submit(requester, 'Start');
  await requester.locator('.modal-dialog').waitFor({ state: 'detached' });

  const manager = await lib.tasklist(browser, process.env.MANAGER || 'paula');
  await lib.showFilter(manager, 'My tasks');
  await manager.getByText(lib.taskNamed('Assess risk')).first().waitFor();
  const taskId = await lib.findTaskId(manager, process.env.MANAGER || 'paula',
    `taskDefinitionKey=Task_AssessRisk&processVariables=title_eq_${encodeURIComponent(title)}`);
  await lib.openTaskById(manager, taskId);
  await lib.fillText(manager, 'probability', '4');
  await lib.fillText(manager, 'impact', '5');
  await lib.fillText(manager, 'monetaryImpact', '250000');
  await lib.fillText(manager, 'assessmentComment', 'Assessed in Tasklist');
  await lib.screenshot(manager, 'risk-2-assessment-form');
  await lib.submit(manager, 'Complete');
  await lib.completed(manager);
  await lib.screenshot(manager, 'risk-3-after-assessment');
});
