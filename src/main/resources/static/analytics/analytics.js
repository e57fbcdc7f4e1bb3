'use strict';
// The analytics page. Read-only: it only GETs /api/analytics. The diagram is drawn by the bpmn-js viewer that the build
// copies into the jar (vendor/); every figure is put into the page as text (textContent), never as HTML. Labels in
// English or Simplified Chinese (i18n.js: ?lang=en|zh-CN, else the browser's first language).
(function () {
  const wanted = new URLSearchParams(location.search).get('lang')
    || (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  const lang = wanted.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const t = window.PMO_ANALYTICS_I18N[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t[e.dataset.i18n] || e.textContent; });
  const select = (id) => document.getElementById(id);
  const processSelect = select('process');
  const versionSelect = select('version');
  const fromInput = select('from');
  const toInput = select('to');
  const categorySelect = select('category');
  const summary = select('summary');
  const problem = select('problem');
  const exportLink = select('export');
  const viewer = window.BpmnJS ? new window.BpmnJS({ container: '#canvas' }) : null;
  let processes = [];
  let shownDiagram = null;

  async function get(url, accept) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: accept } });
    if (!response.ok) {
      let detail = `${response.status}`;
      try {
        const body = await response.json();
        detail = (body.errors || []).map((e) => `${e.field}: ${e.reason}`).join('; ') || body.detail || detail;
      } catch (ignored) {
        // no problem details: the status says it
      }
      throw new Error(detail);
    }
    return accept === 'application/json' ? response.json() : response.text();
  }

  function text(tag, value, className) {
    const element = document.createElement(tag);
    element.textContent = value == null ? '' : String(value);
    if (className) {
      element.className = className;
    }
    return element;
  }

  /** A duration in milliseconds as people read it: 40 s, 12 min, 3.5 h, 2.1 d. */
  function duration(ms) {
    if (ms == null) {
      return '–';
    }
    const s = ms / 1000;
    if (s < 60) {
      return `${Math.round(s)} ${t.units.s}`;
    }
    if (s < 3600) {
      return `${(s / 60).toFixed(s < 600 ? 1 : 0)} ${t.units.min}`;
    }
    if (s < 86400) {
      return `${(s / 3600).toFixed(1)} ${t.units.h}`;
    }
    return `${(s / 86400).toFixed(1)} ${t.units.d}`;
  }

  function query() {
    const params = new URLSearchParams({ process: processSelect.value });
    if (versionSelect.value) {
      params.set('version', versionSelect.value);
    }
    if (fromInput.value) {
      params.set('from', fromInput.value);
    }
    if (toInput.value) {
      params.set('to', toInput.value);
    }
    if (categorySelect.value) {
      params.set('category', categorySelect.value);
    }
    return params;
  }

  function fillVersions() {
    const process = processes.find((p) => p.key === processSelect.value);
    const wanted = new URLSearchParams(location.search).get('version');
    versionSelect.replaceChildren(text('option', t.all));
    versionSelect.firstChild.value = '';
    for (const v of (process ? process.versions : []).slice().reverse()) {
      const option = text('option', `${v.version}${v.versionTag ? ' (' + v.versionTag + ')' : ''}`);
      option.value = String(v.version);
      versionSelect.appendChild(option);
    }
    if (wanted && [...versionSelect.options].some((o) => o.value === wanted)) {
      versionSelect.value = wanted;
    }
  }

  async function loadOptions() {
    const [found, categories] = await Promise.all([
      get('/api/analytics/processes', 'application/json'),
      get('/api/analytics/categories', 'application/json')]);
    processes = found;
    const params = new URLSearchParams(location.search);
    for (const p of processes) {
      const option = text('option', `${p.name} (${p.key})`);
      option.value = p.key;
      processSelect.appendChild(option);
    }
    for (const c of categories) {
      const option = text('option', c);
      option.value = c;
      categorySelect.appendChild(option);
    }
    const wanted = params.get('process') || 'change-request';
    if (processes.some((p) => p.key === wanted)) {
      processSelect.value = wanted;
    }
    fromInput.value = params.get('from') || '';
    toInput.value = params.get('to') || '';
    categorySelect.value = params.get('category') || '';
    fillVersions();
  }

  async function showDiagram(report) {
    if (!viewer) {
      problem.hidden = false;
      problem.textContent = t.noViewer;
      return false;
    }
    if (shownDiagram !== report.diagramDefinitionId) {
      const params = new URLSearchParams({ process: report.process });
      if (report.version != null) {
        params.set('version', String(report.version));
      }
      const xml = await get(`/api/analytics/diagram?${params}`, 'text/xml');
      await viewer.importXML(xml);
      viewer.get('canvas').zoom('fit-viewport');
      shownDiagram = report.diagramDefinitionId;
    }
    return true;
  }

  function decorate(report) {
    const overlays = viewer.get('overlays');
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    overlays.clear();
    registry.getAll().forEach((element) => {
      for (let i = 0; i <= 4; i++) {
        canvas.removeMarker(element.id, `heat-${i}`);
      }
      canvas.removeMarker(element.id, 'slowest');
    });
    for (const node of report.nodes) {
      const element = registry.get(node.id);
      if (!element || element.waypoints) {
        continue;
      }
      if (node.executions > 0 && node.p90Ms != null) {
        canvas.addMarker(node.id, `heat-${Math.min(4, Math.floor(node.heat * 5))}`);
      }
      if (node.id === report.slowestStep) {
        canvas.addMarker(node.id, 'slowest');
      }
      const figure = document.createElement('div');
      figure.className = 'figure';
      figure.appendChild(text('div', `${node.executions}× · ${duration(node.p50Ms)} / ${duration(node.p90Ms)}`));
      if (node.waitP50Ms != null) {
        figure.appendChild(text('div', `${t.wait} ${duration(node.waitP50Ms)} · ${t.work} ${duration(node.workP50Ms)}`));
      }
      if (node.slaBreaches > 0) {
        figure.appendChild(text('div', `${t.breaches} ${node.slaBreaches}`, 'breach'));
      }
      overlays.add(node.id, 'analytics', { position: { bottom: -4, left: 0 }, html: figure });
    }
    for (const flow of report.flows) {
      const element = registry.get(flow.id);
      if (!element || !element.waypoints || element.waypoints.length < 2) {
        continue;
      }
      const middle = midpoint(element.waypoints);
      const box = bounds(element.waypoints);
      const count = text('div', String(flow.taken), 'flow-count' + (flow.repeatedInstances > 0 ? ' rework' : ''));
      count.title = t.flowTitle(flow.instances, flow.repeatedInstances);
      overlays.add(flow.id, 'analytics', {
        position: { left: middle.x - box.x - 8, top: middle.y - box.y - 9 }, html: count });
    }
  }

  function midpoint(points) {
    let total = 0;
    const lengths = [];
    for (let i = 1; i < points.length; i++) {
      const length = Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
      lengths.push(length);
      total += length;
    }
    let rest = total / 2;
    for (let i = 1; i < points.length; i++) {
      if (rest <= lengths[i - 1]) {
        const f = lengths[i - 1] === 0 ? 0 : rest / lengths[i - 1];
        return { x: points[i - 1].x + f * (points[i].x - points[i - 1].x),
          y: points[i - 1].y + f * (points[i].y - points[i - 1].y) };
      }
      rest -= lengths[i - 1];
    }
    return points[0];
  }

  function bounds(points) {
    return { x: Math.min(...points.map((p) => p.x)), y: Math.min(...points.map((p) => p.y)) };
  }

  function fillTables(report) {
    const nodes = select('nodes').querySelector('tbody');
    nodes.replaceChildren();
    for (const n of report.nodes.filter((x) => x.executions > 0)) {
      const row = document.createElement('tr');
      if (n.id === report.slowestStep) {
        row.className = 'slowest';
      }
      row.appendChild(text('td', n.name || n.id));
      row.appendChild(text('td', n.executions, 'n'));
      row.appendChild(text('td', duration(n.p50Ms), 'n'));
      row.appendChild(text('td', duration(n.p90Ms), 'n'));
      row.appendChild(text('td', duration(n.waitP50Ms), 'n'));
      row.appendChild(text('td', duration(n.workP50Ms), 'n'));
      row.appendChild(text('td', n.slaBreaches, 'n'));
      nodes.appendChild(row);
    }
    const flows = select('flows').querySelector('tbody');
    flows.replaceChildren();
    for (const f of report.flows.filter((x) => x.taken > 0)) {
      const row = document.createElement('tr');
      row.appendChild(text('td', f.name ? `${f.name} (${f.id})` : f.id));
      row.appendChild(text('td', f.taken, 'n'));
      row.appendChild(text('td', f.instances, 'n'));
      row.appendChild(text('td', f.frequency == null ? '–' : `${Math.round(f.frequency * 100)} %`, 'n'));
      row.appendChild(text('td', f.repeatedInstances, 'n'));
      flows.appendChild(row);
    }
    const periods = select('periods').querySelector('tbody');
    periods.replaceChildren();
    for (const p of report.periods) {
      const row = document.createElement('tr');
      [p.version, p.month].forEach((v) => row.appendChild(text('td', v)));
      [p.started, p.completed, p.cancelled].forEach((v) => row.appendChild(text('td', v, 'n')));
      row.appendChild(text('td', duration(p.cycleP50Ms), 'n'));
      row.appendChild(text('td', duration(p.cycleP90Ms), 'n'));
      periods.appendChild(row);
    }
  }

  async function load() {
    if (!processSelect.value) {
      summary.textContent = t.noProcess;
      return;
    }
    problem.hidden = true;
    const params = query();
    history.replaceState(null, '', `?${params}`);
    exportLink.href = `/api/analytics/export?${params}`;
    let report;
    try {
      report = await get(`/api/analytics?${params}`, 'application/json');
    } catch (e) {
      problem.hidden = false;
      problem.textContent = t.cannotShow(e.message);
      return;
    }
    const slowest = (report.nodes.find((n) => n.id === report.slowestStep) || {}).name || report.slowestStep || '–';
    summary.textContent = t.summary(report, report.totals, duration, slowest);
    fillTables(report);
    if (await showDiagram(report)) {
      decorate(report);
      document.body.dataset.decorated = report.diagramDefinitionId;
    }
  }

  processSelect.addEventListener('change', () => {
    fillVersions();
    versionSelect.value = '';
    load();
  });
  [versionSelect, fromInput, toInput, categorySelect].forEach((control) => control.addEventListener('change', load));

  loadOptions().then(load).catch((e) => {
    summary.textContent = t.cannotRead(e.message);
  });
})();
