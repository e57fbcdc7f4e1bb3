'use strict';
// The auditor's page. Read-only: it only GETs the audit API. Every value is put into the page as text
// (textContent), never as HTML, so whatever a user typed into a form is shown, not run. Labels in English or Simplified
// Chinese (i18n.js: ?lang=en|zh-CN, else the browser's first language); times in the reader's locale and time zone.
(function () {
  const PAGE_SIZE = 200;
  const wanted = new URLSearchParams(location.search).get('lang')
    || (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  const lang = wanted.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const t = window.PMO_AUDIT_I18N[lang];
  const times = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  document.documentElement.lang = lang;
  document.title = t.title;
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t[e.dataset.i18n] || e.textContent; });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { e.placeholder = t[e.dataset.i18nPlaceholder]; });
  document.getElementById('when').textContent = `${t.when} (${zone})`;

  const select = document.getElementById('project');
  const filter = document.getElementById('project-filter');
  const body = document.querySelector('#timeline tbody');
  const more = document.getElementById('more');
  const summary = document.getElementById('summary');
  const exportLink = document.getElementById('export');
  let projects = [];
  let page = 0;

  const getJson = window.PmoSession.getJson;

  function text(tag, value, className) {
    const element = document.createElement(tag);
    element.textContent = value == null ? '' : String(value);
    if (className) {
      element.className = className;
    }
    return element;
  }

  async function showChain() {
    const chain = document.getElementById('chain');
    try {
      const report = await getJson('/api/audit/verify');
      const unsealed = report.unsealed ? t.unsealed(report.unsealed, report.sealingOverdue) : '';
      chain.textContent = report.intact
        ? t.intact(report.checked) + unsealed
        : t.broken(report.firstBrokenSeq, report.reason);
      chain.className = 'chain ' + (report.intact && !report.sealingOverdue ? 'intact' : 'broken');
    } catch (e) {
      chain.textContent = t.notVerified(e.message);
    }
  }

  async function loadProjects() {
    projects = [];
    // page after page by keyset (`next`): each page costs the same however many projects there are
    for (let after = null; ; ) {
      const result = await getJson(`/api/projects?size=200${after === null ? '' : `&after=${after}`}`);
      projects = projects.concat(result.items);
      if (result.next === undefined || result.next === null || result.items.length === 0) {
        break;
      }
      after = result.next;
    }
    fillProjects();
  }

  function fillProjects() {
    const wanted = new URLSearchParams(location.search).get('project') || select.value;
    const needle = filter.value.trim().toLowerCase();
    select.replaceChildren();
    for (const p of projects) {
      const label = `${p.code} · ${p.name} (${p.stage}, ${p.status})`;
      if (needle && !label.toLowerCase().includes(needle)) {
        continue;
      }
      const option = text('option', label);
      option.value = String(p.id);
      select.appendChild(option);
    }
    if (wanted && [...select.options].some((o) => o.value === wanted)) {
      select.value = wanted;
    }
  }

  function kinds() {
    return [...document.querySelectorAll('#kinds input:checked')].map((i) => i.value);
  }

  function detailsCell(entry) {
    const cell = document.createElement('td');
    const d = entry.details || {};
    const parts = [];
    for (const [key, value] of Object.entries(d)) {
      if (key === 'before' || key === 'after') {
        continue;
      }
      parts.push(`${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`);
    }
    cell.appendChild(text('div', parts.join(' · ')));
    for (const key of ['before', 'after']) {
      if (d[key]) {
        const block = document.createElement('details');
        block.appendChild(text('summary', t[key]));
        let pretty = d[key];
        try {
          pretty = JSON.stringify(JSON.parse(d[key]), null, 2);
        } catch (ignored) {
          // not JSON: show as it is
        }
        block.appendChild(text('pre', pretty));
        // decisions open (their inputs and outputs are the point); record changes folded, one click away
        block.open = key === 'after' && entry.kind === 'DECISION';
        cell.appendChild(block);
      }
    }
    return cell;
  }

  async function loadTimeline(reset) {
    if (!select.value) {
      summary.textContent = t.noProject;
      return;
    }
    if (reset) {
      page = 0;
      body.replaceChildren();
    }
    exportLink.href = `/api/audit/export?projectId=${encodeURIComponent(select.value)}`;
    const shown = kinds();
    const result = await getJson(`/api/audit/projects/${encodeURIComponent(select.value)}/timeline?size=${PAGE_SIZE}&page=${page}`);
    for (const entry of result.items) {
      if (!shown.includes(entry.kind)) {
        continue;
      }
      const row = document.createElement('tr');
      row.className = entry.kind;
      const cell = text('td', entry.at ? times.format(new Date(entry.at)) : '');
      cell.title = entry.at || '';
      row.appendChild(cell);
      row.appendChild(text('td', t[entry.kind] || entry.kind, 'kind'));
      row.appendChild(text('td', t.entryTitle(entry.title || '')));
      row.appendChild(text('td', entry.actor));
      row.appendChild(text('td', entry.caseReference));
      row.appendChild(text('td', entry.process));
      row.appendChild(detailsCell(entry));
      body.appendChild(row);
    }
    page++;
    const loaded = Math.min(page * PAGE_SIZE, result.total);
    summary.textContent = t.summary(result.total, loaded, body.children.length);
    more.hidden = loaded >= result.total;
  }

  filter.addEventListener('input', () => {
    fillProjects();
    loadTimeline(true);
  });
  select.addEventListener('change', () => loadTimeline(true));
  document.getElementById('kinds').addEventListener('change', () => loadTimeline(true));
  more.addEventListener('click', () => loadTimeline(false));

  window.PmoSession.attach(async () => {
    await loadProjects();
    showChain();
    await loadTimeline(true);
  }).catch((e) => {
    summary.textContent = t.cannotRead(e.message);
  });
})();
