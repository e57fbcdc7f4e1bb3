'use strict';
// The auditor's timeline is complete for processes started from Tasklist (issue 10, point 1). A requester starts,
// from her Tasklist start forms and each for the same project (picked by its code and name), a change request, a risk,
// an issue and an improvement proposal, and learns each one's reference (from Tasklist's notice if it names one, else
// from her cases on /api/my/cases, by the title she typed). An auditor then opens /audit/?project=<id>, signs in
// through the page's form, shows processes and tasks only (the Kind filter), loads the whole timeline ("Load more"
// until there is no more) and must find, for each of the four, a "Started: <process>" row with the requester as Who
// and the case's reference as Case, and the row of the case's first task naming the same case.
// Environment: PROJECT_ID, PROJECT_CODE, PROJECT_NAME, REQUESTER, OWNER, AUDITOR, SUFFIX (makes the titles unique).
const lib = require('./lib');

const projectId = process.env.PROJECT_ID;
const projectCode = process.env.PROJECT_CODE;
const projectName = process.env.PROJECT_NAME;
const requesterId = process.env.REQUESTER || 'rita';
const ownerId = process.env.OWNER || 'otto';
const auditorId = process.env.AUDITOR || 'audrey';
const suffix = process.env.SUFFIX || String(Date.now());

/** The project from the start form's picker: searched by its code, the option "PRJ-00001 Name" picked. */
async function pickProject(page, shot) {
  await lib.pick(page, 'projectId', projectCode, `${projectCode} ${projectName}`, shot);
}

/**
 * The four processes a requester starts from Tasklist: the process's name in Tasklist (and on the timeline), the
 * prefix of its cases' references, the name of its first task, and how its start form is filled.
 */
const processes = [
  {
    name: 'Change request', prefix: 'CR-', firstTask: 'Assess impact', shot: 'auditor-every-process-1-change-request',
    title: `Audited change ${suffix}`,
    async fill(page, title) {
      // the selects first: a text typed just before a select is picked can be lost while form-js re-renders
      await lib.choose(page, 'changeType', 'Normal: assessed and routed for approval');
      await lib.choose(page, 'qualityImpact', 'Minor');
      await pickProject(page, 'auditor-every-process-0-project-picker');
      await lib.fillAll(page, {
        title,
        description: 'Started from Tasklist to be found by the auditor',
        reason: 'The audit must see every process',
        costDelta: '1000',
        scheduleDeltaDays: '1',
      });
    },
  },
  {
    name: 'Risk escalation', prefix: 'R-', firstTask: 'Assess risk', shot: 'auditor-every-process-2-risk',
    title: `Audited risk ${suffix}`,
    async fill(page, title) {
      await lib.choose(page, 'category', 'Technical');
      await pickProject(page);
      await lib.pick(page, 'owner', ownerId, `(${ownerId})`);
      await lib.fillAll(page, { title, description: 'Started from Tasklist to be found by the auditor' });
    },
  },
  {
    name: 'Issue escalation', prefix: 'I-', firstTask: 'Triage issue', shot: 'auditor-every-process-3-issue',
    title: `Audited issue ${suffix}`,
    async fill(page, title) {
      await lib.choose(page, 'severity', 'Low');
      await pickProject(page);
      await lib.pick(page, 'owner', ownerId, `(${ownerId})`);
      await lib.fillAll(page, { title, description: 'Started from Tasklist to be found by the auditor' });
    },
  },
  {
    name: 'Improvement proposal', prefix: 'IP-', firstTask: 'Evaluate proposal (PMO)',
    shot: 'auditor-every-process-4-improvement-proposal', title: `Audited improvement ${suffix}`,
    async fill(page, title) {
      await pickProject(page);
      await lib.fillAll(page, {
        title,
        problem: 'Processes started from Tasklist were missing from the audit',
        proposal: 'Check every start form in a browser scenario',
        expectedBenefit: 'The auditor sees every process',
        // a process key, a decision or an area of the standard (the start refuses anything else)
        concerns: 'change-request',
      });
    },
  },
];

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the timeline must show for one case; the missing rows as text (none: found). */
function missingRows(rows, started) {
  const missing = [];
  // the process as the page names it: its name and the version the instance started on ("Change request v1")
  const processLabel = new RegExp(`^${escape(started.name)}( v\\d+)?$`);
  const startedRow = rows.find((r) => r.what.startsWith('Started: ') && processLabel.test(r.what.substring(9))
    && processLabel.test(r.process) && r.caseReference === started.reference);
  if (!startedRow) {
    missing.push(`no "Started: ${started.name}" row with Case ${started.reference}`);
  } else if (startedRow.who !== requesterId) {
    missing.push(`"Started: ${started.name}" (${started.reference}) names '${startedRow.who}' as Who, not ${requesterId}`);
  }
  const taskTitle = new RegExp(`^${escape(`${started.reference} ${started.firstTask}`)} \\((open|completed)\\)$`);
  if (!rows.some((r) => taskTitle.test(r.what) && processLabel.test(r.process)
    && r.caseReference === started.reference)) {
    missing.push(`no task row "${started.reference} ${started.firstTask}" with Case ${started.reference}`);
  }
  return missing;
}

lib.run('auditor-every-process', async (browser) => {
  const requester = await lib.tasklist(browser, requesterId);
  const started = [];
  for (const p of processes) {
    await lib.openStartForm(requester, p.name);
    await p.fill(requester, p.title);
    await lib.screenshot(requester, p.shot);
    await lib.submit(requester, 'Start');
    await lib.startAccepted(requester, p.name);
    const { reference, source } = await lib.startedReference(requester, requesterId, p.title, p.prefix);
    console.log(`auditor-every-process: ${requesterId} started '${p.name}' (${p.title}): ${reference}, from ${source}`);
    started.push({ ...p, reference });
    // the next start form opens on a quiet page: Tasklist's notice closed (it would cover "Start process")
    await lib.dismissNotices(requester);
  }

  // the auditor, in a browser of her own, signs in on the page's form
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${lib.BASE_URL}/audit/?project=${encodeURIComponent(projectId)}`);
  await lib.signInOnPage(page, auditorId);
  await page.locator('#timeline tbody tr').first().waitFor({ timeout: 30000 });
  const selected = await page.locator('#project').inputValue();
  if (selected !== String(projectId)) {
    throw new Error(`the page shows project ${selected}, not ${projectId}`);
  }
  // the Kind filter: processes and tasks only (one box at a time: each change reloads the timeline)
  for (const kind of ['DECISION', 'DOMAIN', 'VARIABLE']) {
    const box = page.locator(`#kinds input[value="${kind}"]`);
    if (await box.isChecked()) {
      const reloaded = page.waitForResponse((r) => r.url().includes('/timeline?'), { timeout: 30000 });
      await box.uncheck();
      await reloaded;
      // the rows shown again, none of that kind, and the summary counting them
      await page.waitForFunction((hidden) => {
        const rows = [...document.querySelectorAll('#timeline tbody tr')];
        return rows.length > 0 && !rows.some((row) => row.className === hidden)
          && document.getElementById('summary').textContent.includes(`${rows.length} shown`);
      }, kind, { timeout: 30000 });
    }
  }

  const rows = await lib.timelineRows(page);
  const unexpectedKinds = rows.filter((r) => r.className !== 'PROCESS' && r.className !== 'TASK');
  if (unexpectedKinds.length > 0) {
    throw new Error(`the Kind filter (processes, tasks) still shows ${unexpectedKinds.map((r) => r.className)}`);
  }
  const missing = started.flatMap((s) => missingRows(rows, s));
  if (missing.length > 0) {
    throw new Error(`the auditor's page of project ${projectCode} misses:\n  ${missing.join('\n  ')}\n`
      + `its ${rows.length} rows:\n  ${rows.map((r) => `${r.what} | ${r.who} | ${r.caseReference} | ${r.process}`)
        .join('\n  ')}`);
  }
  for (const s of started) {
    console.log(`auditor-every-process: the timeline shows "Started: ${s.name}" by ${requesterId} for ${s.reference}`
      + ` and its task "${s.reference} ${s.firstTask}"`);
  }
  // the whole page: the four "Started" rows and their tasks among the project's processes and tasks
  await lib.screenshot(page, 'auditor-every-process');
});
