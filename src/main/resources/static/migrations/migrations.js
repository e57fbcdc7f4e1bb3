'use strict';
// The process owner's migration page: pick a process and two versions, edit the generated mapping, validate,
// execute, follow the history. Every value goes into the page as text (textContent), never as HTML. English or
// Simplified Chinese (i18n.js); times in the reader's locale and time zone.
(function () {
  const $ = (id) => document.getElementById(id);
  const wanted = new URLSearchParams(location.search).get('lang')
    || (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  const lang = wanted.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const t = window.PMO_MIGRATION_I18N[lang];
  const times = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
  document.documentElement.lang = lang;
  document.title = t.title;
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t[e.dataset.i18n] || e.textContent; });
  $('when').textContent = `${t.when} (${Intl.DateTimeFormat().resolvedOptions().timeZone})`;
  const processSelect = $('process');
  const sourceSelect = $('source');
  const targetSelect = $('target');
  const mappingBody = document.querySelector('#mapping tbody');
  const problemsTable = $('problems');
  const verdict = $('verdict');
  const status = $('status');
  let processes = [];
  let validated = null;

  async function call(method, url, body) {
    // signed in through the page's form (the webapps' session); changes carry the webapps' CSRF token
    const response = await window.PmoSession.send(method, url, body);
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const errors = (json.errors || []).map((e) => `${e.field}: ${e.reason}`).join('; ');
      throw new Error(response.status === 403 ? t.forbidden
        : `${json.detail || json.title || response.status}${errors ? ' — ' + errors : ''}`);
    }
    return json;
  }

  function text(tag, value) {
    const element = document.createElement(tag);
    element.textContent = value == null ? '' : String(value);
    return element;
  }

  function option(select, value, label) {
    const o = text('option', label);
    o.value = String(value);
    select.appendChild(o);
  }

  function showStatus(message, error) {
    status.textContent = message;
    status.className = 'status' + (error ? ' error' : '');
  }

  function fillVersions() {
    const process = processes.find((p) => p.key === processSelect.value);
    sourceSelect.replaceChildren();
    targetSelect.replaceChildren();
    for (const v of process ? process.versions : []) {
      const label = t.versionLabel(v.version, v.versionTag, v.instances);
      option(sourceSelect, v.version, label);
      option(targetSelect, v.version, label);
    }
    if (process && process.versions.length > 1) {
      const running = process.versions.filter((v) => v.instances > 0);
      sourceSelect.value = String((running[0] || process.versions[0]).version);
      targetSelect.value = String(process.versions[process.versions.length - 1].version);
    }
    clearPlan();
  }

  function clearPlan() {
    validated = null;
    $('execute').disabled = true;
    verdict.textContent = '';
    verdict.className = 'verdict';
    problemsTable.hidden = true;
  }

  function addRow(from, to) {
    const row = document.createElement('tr');
    for (const [name, value] of [['from', from], ['to', to]]) {
      const cell = document.createElement('td');
      const input = document.createElement('input');
      input.name = name;
      input.value = value || '';
      input.setAttribute('aria-label', name === 'from' ? t.sourceActivity : t.targetActivity);
      input.addEventListener('input', clearPlan);
      cell.appendChild(input);
      row.appendChild(cell);
    }
    const remove = text('button', t.remove);
    remove.type = 'button';
    remove.addEventListener('click', () => { row.remove(); clearPlan(); });
    const cell = document.createElement('td');
    cell.appendChild(remove);
    row.appendChild(cell);
    mappingBody.appendChild(row);
  }

  function instructions() {
    return [...mappingBody.querySelectorAll('tr')].map((row) => ({
      from: row.querySelector('input[name=from]').value.trim(),
      to: row.querySelector('input[name=to]').value.trim(),
    })).filter((i) => i.from || i.to);
  }

  function command(withInstructions) {
    const body = {
      processKey: processSelect.value,
      sourceVersion: Number(sourceSelect.value),
      targetVersion: Number(targetSelect.value),
    };
    if (withInstructions) {
      body.instructions = instructions();
    }
    const ids = $('instances').value.split(/\s+/).map((id) => id.trim()).filter((id) => id);
    if (ids.length > 0) {
      body.processInstanceIds = ids;
    }
    return body;
  }

  async function generate() {
    try {
      const plan = await call('POST', '/api/migrations/plan', command(false));
      mappingBody.replaceChildren();
      plan.generated.forEach((i) => addRow(i.from, i.to));
      showReport(plan);
    } catch (e) {
      showStatus(e.message, true);
    }
  }

  function showReport(plan) {
    validated = plan.valid ? JSON.stringify(command(true)) : null;
    $('execute').disabled = !plan.valid || plan.instanceCount === 0;
    verdict.className = 'verdict ' + (plan.valid ? 'valid' : 'invalid');
    verdict.textContent = plan.valid
      ? t.valid(plan.instanceCount, plan.source.version, plan.target.version, plan.instancesTried)
      : t.invalid(plan.problems.length, plan.instanceCount);
    const body = problemsTable.querySelector('tbody');
    body.replaceChildren();
    for (const p of plan.problems) {
      const row = document.createElement('tr');
      row.append(text('td', p.element || t.plan), text('td', p.reason), text('td', p.processInstanceId || ''));
      body.appendChild(row);
    }
    problemsTable.hidden = plan.problems.length === 0;
    showStatus(`${plan.processKey}: v${plan.source.version} → v${plan.target.version}`, false);
  }

  async function validate() {
    try {
      showReport(await call('POST', '/api/migrations/plan', command(true)));
    } catch (e) {
      clearPlan();
      showStatus(e.message, true);
    }
  }

  async function execute() {
    if (validated === null || validated !== JSON.stringify(command(true))) {
      return validate();
    }
    try {
      const state = await call('POST', '/api/migrations', command(true));
      showStatus(t.submitted(state.migration.id, state.migration.instanceCount, state.migration.batchId), false);
      clearPlan();
      await loadHistory();
      await loadProcesses(false);
    } catch (e) {
      showStatus(e.message, true);
    }
  }

  async function loadHistory() {
    const page = await call('GET', '/api/migrations?size=50');
    const body = document.querySelector('#history tbody');
    body.replaceChildren();
    for (const m of page.items) {
      const row = document.createElement('tr');
      const state = text('td', '…');
      row.append(text('td', m.id), text('td', m.executedAt ? times.format(new Date(m.executedAt)) : ''),
        text('td', m.executedBy), text('td', m.processKey), text('td', `v${m.sourceVersion} → v${m.targetVersion}`),
        text('td', m.instanceCount), state);
      body.appendChild(row);
      call('GET', `/api/migrations/${m.id}`).then((s) => {
        state.textContent = t.progress(s.state, s.migrated, m.instanceCount, m.targetVersion)
          + (s.failures.length ? ': ' + s.failures.join('; ') : '');
      }).catch((e) => { state.textContent = e.message; });
    }
  }

  async function loadProcesses(first) {
    const wanted = processSelect.value;
    processes = await call('GET', '/api/migrations/processes');
    const keep = [sourceSelect.value, targetSelect.value];
    processSelect.replaceChildren();
    for (const p of processes) {
      option(processSelect, p.key, t.processLabel(p.name || p.key, p.key, p.versions.length));
    }
    const params = new URLSearchParams(location.search);
    processSelect.value = first && params.get('process') ? params.get('process') : wanted || processSelect.value;
    if (first || processSelect.value !== wanted) {
      fillVersions();
    } else {
      const process = processes.find((p) => p.key === processSelect.value);
      const before = keep;
      fillVersions();
      if (process) {
        sourceSelect.value = before[0];
        targetSelect.value = before[1];
      }
    }
  }

  processSelect.addEventListener('change', fillVersions);
  sourceSelect.addEventListener('change', clearPlan);
  targetSelect.addEventListener('change', clearPlan);
  $('instances').addEventListener('input', clearPlan);
  $('generate').addEventListener('click', generate);
  $('add').addEventListener('click', () => { addRow('', ''); clearPlan(); });
  $('validate').addEventListener('click', validate);
  $('execute').addEventListener('click', execute);

  window.PmoSession.attach(async () => {
    try {
      await loadProcesses(true);
      showStatus(t.processes(processes.length), false);
      await loadHistory();
    } catch (e) {
      if (e instanceof window.PmoSession.SignInNeeded) {
        throw e;
      }
      showStatus(e.message, true);
    }
  });
})();
