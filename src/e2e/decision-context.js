'use strict';
// Issue 10 point 4, context in every decision form: a change request waits for its impact assessment; the project
// manager opens the assessment form and sees the project and its baseline, assesses it, and the PMO analyst's
// approval form shows the project (code, name, manager), the current baseline with its currency, the figures with
// their percentages and % signs, the route in words and the manager's assessment comment. The JUnit side
// (pmo.e2e.DecisionContextIT) raises the request and checks the rows. Then a risk's owner sees the risk's level,
// score and money in the response form.
const lib = require('./lib');

const env = process.env;
const byTitle = `processVariables=title_eq_${encodeURIComponent(env.TITLE)}`;

/** The text a form shows (its rendered Markdown and labels), for the checks below. */
async function formText(page) {
  const context = page.locator('.fjs-container .fjs-form-field-text', { hasText: env.PROJECT_NAME });
  await context.first().waitFor({ timeout: 30000 });
  return page.locator('.fjs-container').innerText();
}

function expectAll(text, where, expected) {
  const missing = expected.filter((part) => !text.includes(part));
  if (missing.length > 0) {
    throw new Error(`${where} lacks ${JSON.stringify(missing)}; it shows:\n${text}`);
  }
}

lib.run('decision-context', async (browser) => {
  const manager = await lib.tasklist(browser, env.MANAGER);
  await lib.openTaskById(manager, await lib.findTaskId(manager, env.MANAGER,
    `taskDefinitionKey=Task_AssessImpact&${byTitle}`));
  const assessment = await formText(manager);
  expectAll(assessment, 'the assessment form', [`${env.PROJECT_CODE} · ${env.PROJECT_NAME}`,
    `Project manager: ${env.MANAGER}`, 'budget 100,000.00 EUR, planned 2026-01-01 to 2026-04-10 (100 days)',
    "+3,000.00 EUR (+3.00 % of the budget of 100,000.00 EUR; requester's estimate)",
    '+5 days (+5.00 % of the planned duration of 100 days)', 'Route: not decided yet']);
  await lib.screenshot(manager, 'decision-context-1-assessment');
  await lib.fillAll(manager, { assessmentComment: env.COMMENT });
  await lib.submit(manager, 'Complete');
  await lib.completed(manager);

  const approver = await lib.tasklist(browser, env.APPROVER);
  await lib.openTaskById(approver, await lib.findTaskId(approver, env.APPROVER,
    `taskDefinitionKey=Task_PmoApproval&${byTitle}`));
  const approval = await formText(approver);
  expectAll(approval, 'the PMO approval form', [`${env.PROJECT_CODE} · ${env.PROJECT_NAME}`,
    `Project manager: ${env.MANAGER}`, 'Current baseline: v1: budget 100,000.00 EUR',
    'planned 2026-01-01 to 2026-04-10 (100 days)',
    `Cost change: +3,000.00 EUR (+3.00 % of the budget of 100,000.00 EUR; assessed by ${env.MANAGER})`,
    'Schedule change: +5 days (+5.00 % of the planned duration of 100 days)', 'Route: PMO approval',
    `Impact assessment by ${env.MANAGER}: “${env.COMMENT}”`, 'Raised by rita']);
  if (/\bBOARD\b|costDeltaPct/.test(approval)) {
    throw new Error(`the PMO approval form shows raw values:\n${approval}`);
  }
  await lib.screenshot(approver, 'decision-context-2-pmo-approval');

  // a risk of the same project, assessed at raising: its owner's response form shows the level and the money
  const owner = await lib.tasklist(browser, env.RISK_OWNER);
  await lib.openTaskById(owner, await lib.findTaskId(owner, env.RISK_OWNER,
    `taskDefinitionKey=Task_PlanResponse&processVariables=title_eq_${encodeURIComponent(env.RISK_TITLE)}`));
  expectAll(await formText(owner), 'the risk response form', [`${env.PROJECT_CODE} · ${env.PROJECT_NAME}`,
    'Risk level: Critical (score 16 = probability 4 × impact 4, of 25)', 'Monetary impact: 250,000.00 EUR',
    'Exposure (probability × monetary impact): 175,000.00 EUR', `Owner: ${env.RISK_OWNER}`]);
  await lib.screenshot(owner, 'decision-context-3-risk-response');
});
