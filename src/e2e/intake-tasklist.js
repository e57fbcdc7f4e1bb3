'use strict';
// A requester proposes a project through the Tasklist start form; a PMO analyst claims the screening task and
// completes it through its Camunda Form. The JUnit side (pmo.e2e.BrowserScenariosTest) checks the rows written.
const lib = require('./lib');

const title = process.env.TITLE || `Browser proposal ${Date.now()}`;

lib.run('intake-tasklist', async (browser) => {
  const requester = await lib.tasklist(browser, process.env.REQUESTER || 'rita');
  await lib.openStartForm(requester, 'Project intake');
  await lib.choose(requester, 'category', 'Research');
  // the sponsor from the steering committee's picker, by the user id in the label "Full Name (id)"
  const sponsor = process.env.SPONSOR || 'sam';
  await lib.pick(requester, 'sponsor', sponsor, `(${sponsor})`);
  // fillAll types again what form-js dropped on a busy machine
  await lib.fillAll(requester, {
    title,
    businessCase: 'Typed into the start form in Chromium',
    estimatedBudget: '12345.5',
    estimatedMonths: '4',
    strategicObjective: 'Learning organisation',
    expectedBenefits: 'Knowledge <b>shared</b>',
  });
  await lib.screenshot(requester, 'intake-1-start-form');
  await lib.submit(requester, 'Start');
  await requester.locator('.modal-dialog').waitFor({ state: 'detached' });

  const screener = await lib.tasklist(browser, process.env.SCREENER || 'olga');
  await lib.showFilter(screener, 'Project management office');
  await lib.openTask(screener, 'Screen proposal', `Proposal: ${title}`);
  // the criteria's levels come with the form (filled in by the server when Tasklist fetches it)
  await lib.pick(screener, 'score_strategicFit', '5 –', '5 – Essential to several objectives', 'intake-2-score-levels');
  for (const [key, level] of [['score_financialReturn', '4'], ['score_customerImpact', '3'], ['score_deliveryRisk', '2'],
    ['score_cost', '2']]) {
    await lib.pick(screener, key, `${level} –`);
  }
  await lib.tick(screener, 'Complete: send to the sponsor');
  await lib.screenshot(screener, 'intake-2-screening-form');
  await lib.submit(screener, 'Complete');
  await lib.completed(screener);
  await lib.screenshot(screener, 'intake-3-after-screening');
});
