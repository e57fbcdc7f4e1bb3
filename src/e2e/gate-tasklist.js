'use strict';
// A project manager submits a gate package through its Camunda Form in Tasklist (the deliverables checklist comes from
// the PMO's standard in config/), then a PMO analyst scores the should-meet criteria (labels from the standard) and
// decides Go. The JUnit side (pmo.e2e.GateReviewInTasklistIT) checks the rows written.
const lib = require('./lib');

const subject = process.env.SUBJECT;

lib.run('gate-tasklist', async (browser) => {
  const manager = await lib.tasklist(browser, process.env.MANAGER || 'paula');
  await lib.showFilter(manager, 'My tasks');
  await lib.openTask(manager, 'Submit gate package', subject);
  await manager.locator('.fjs-container').getByText('Project charter, approved by the sponsor', { exact: true })
    .waitFor();
  await lib.tick(manager, 'Project charter, approved by the sponsor');
  await lib.tick(manager, 'Business case');
  await lib.fillText(manager, 'summary', 'Charter signed, typed in Chromium');
  await lib.tick(manager, 'Amber: at risk');
  await lib.fillText(manager, 'links', 'https://wiki.example/charter\nhttps://wiki.example/business-case');
  await lib.screenshot(manager, 'gate-1-package-form');
  await lib.submit(manager, 'Complete');
  await lib.completed(manager);

  const board = await lib.tasklist(browser, process.env.BOARD || 'olga');
  await lib.showFilter(board, 'Project management office');
  await lib.openTask(board, 'Decide on the gate', subject);
  await board.locator('.fjs-container').getByText('Strategic fit (weight 40%)').waitFor();
  const mustMeet = await lib.field(board, 'mustMeetResults').inputValue();
  if (mustMeet !== 'met: Project charter approved by the sponsor') {
    throw new Error(`the board's form shows the must-meet results '${mustMeet}'`);
  }
  await lib.fillText(board, 'score1', '4');
  await lib.fillText(board, 'score2', '3');
  await lib.fillText(board, 'score3', '5');
  if (await lib.field(board, 'score4').count() > 0) {
    throw new Error('G1 has three should-meet criteria, but the form shows a fourth score');
  }
  await lib.tick(board, 'Go: the project moves to the next stage');
  await lib.screenshot(board, 'gate-2-decision-form');
  await lib.submit(board, 'Complete');
  await lib.completed(board);
  await lib.screenshot(board, 'gate-3-after-decision');
});
