'use strict';
// The performance dashboard. Read-only: it only GETs /api/performance (the same endpoints the API documents). Labels in
// English or Simplified Chinese (?lang=en|zh-CN, else the browser's languages, which it sends as Accept-Language);
// numbers and dates formatted by Intl for that locale; ECharts with its own EN or ZH locale. Text from the API is put
// into the page as text, never as HTML. Each chart's element gets data-filled="true" once it shows data.
(function () {
  const wanted = new URLSearchParams(location.search).get('lang')
    || (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  const lang = wanted.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const t = window.PMO_I18N[lang];
  document.documentElement.lang = lang;
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const money = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const indices = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const dates = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const date = (iso) => (iso ? dates.format(new Date(iso + 'T00:00:00Z')) : '');
  const charts = [];

  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t[e.dataset.i18n] || e.textContent; });
  document.title = t.title;

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`${url}: ${response.status}`);
    }
    return response.json();
  }

  function chart(id, option, hasData) {
    const element = document.getElementById(id);
    const instance = echarts.init(element, null, { locale: lang === 'zh-CN' ? 'ZH' : 'EN' });
    instance.setOption(Object.assign({ animation: false, tooltip: { trigger: 'axis' } }, option));
    element.dataset.filled = hasData ? 'true' : 'false';
    charts.push(instance);
    return instance;
  }

  function failed(id, error) {
    const element = document.getElementById(id);
    element.textContent = `${t.loadFailed}: ${error.message}`;
    element.classList.add('error');
    element.dataset.filled = 'false';
  }

  function tile(label, value) {
    const box = document.createElement('div');
    box.className = 'tile';
    const v = document.createElement('div');
    v.className = 'value';
    v.textContent = value;
    const l = document.createElement('div');
    l.className = 'label';
    l.textContent = label;
    box.append(v, l);
    document.getElementById('tiles').appendChild(box);
  }

  async function portfolio() {
    const p = await getJson('/api/performance/portfolio');
    tile(t.projects, numbers.format(p.projects));
    tile(t.reporting, numbers.format(p.reporting));
    tile(t.spi, p.spi == null ? '–' : indices.format(p.spi));
    tile(t.cpi, p.cpi == null ? '–' : indices.format(p.cpi));
    tile(t.bac, money.format(p.bac));
    tile(t.breaches, numbers.format(p.bandRed));
    tile(t.plans, numbers.format(p.openPlans));
    tile(t.missingTile, numbers.format(p.reportsMissing));
    const none = Math.max(0, p.projects - p.reporting);
    chart('chart-rag', {
      tooltip: { trigger: 'item', valueFormatter: (v) => numbers.format(v) },
      legend: { bottom: 0 },
      color: ['#2e7d32', '#f9a825', '#c62828', '#9e9e9e'],
      series: [{ type: 'pie', radius: ['35%', '65%'], data: [
        { name: t.green, value: p.green }, { name: t.amber, value: p.amber }, { name: t.red, value: p.red },
        { name: t.none, value: none }] }],
    }, p.reporting > 0);
  }

  function lineOption(points, series, valueFormat) {
    return {
      legend: { bottom: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '–' : valueFormat(v)) },
      xAxis: { type: 'category', data: points.map((p) => date(p.statusDate)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v) => valueFormat(v) }, scale: true },
      series: series.map((s) => ({ name: s.name, type: 'line', data: points.map(s.value), connectNulls: true })),
    };
  }

  async function project(id) {
    const curve = (await getJson(`/api/performance/projects/${id}/s-curve?size=200`)).items;
    chart('chart-scurve', lineOption(curve, [
      { name: t.pv, value: (p) => p.plannedValue }, { name: t.ev, value: (p) => p.earnedValue },
      { name: t.ac, value: (p) => p.actualCost }], (v) => money.format(v)), curve.length > 0);
    const trend = (await getJson(`/api/performance/projects/${id}/trend?size=200`)).items;
    chart('chart-trend', lineOption(trend, [
      { name: t.spi, value: (p) => p.spi }, { name: t.cpi, value: (p) => p.cpi },
      { name: t.spiT, value: (p) => p.spiT }], (v) => indices.format(v)), trend.length > 0);
  }

  async function projects() {
    const ranked = (await getJson('/api/performance/projects?size=200')).items;
    const select = document.getElementById('project');
    for (const p of ranked) {
      const option = document.createElement('option');
      option.value = String(p.projectId);
      option.textContent = `${p.code} · ${p.name}`;
      select.appendChild(option);
    }
    select.addEventListener('change', () => project(select.value).catch((e) => failed('chart-scurve', e)));
    const columns = [['code', (p) => p.code], ['name', (p) => p.name], ['manager', (p) => p.manager],
      ['statusDate', (p) => date(p.statusDate)], ['overall', (p) => t[(p.ragOverall || '').toLowerCase()] || p.ragOverall],
      ['band', (p) => t[(p.kpiBand || '').toLowerCase()] || p.kpiBand],
      ['spi', (p) => (p.spi == null ? '–' : indices.format(p.spi)), true],
      ['cpi', (p) => (p.cpi == null ? '–' : indices.format(p.cpi)), true],
      ['spiT', (p) => (p.spiT == null ? '–' : indices.format(p.spiT)), true],
      ['bac', (p) => money.format(p.bac), true], ['eac', (p) => (p.eacTypical == null ? '–' : money.format(p.eacTypical)), true],
      ['plannedFinish', (p) => date(p.plannedFinish)], ['forecastFinish', (p) => date(p.forecastFinishEs)],
      ['falling', (p) => (p.trendFalling ? t.yes : t.no)]];
    const head = document.querySelector('#ranked thead tr');
    columns.forEach(([key]) => { const th = document.createElement('th'); th.textContent = t[key]; head.appendChild(th); });
    const body = document.querySelector('#ranked tbody');
    for (const p of ranked.slice(0, 50)) {
      const tr = document.createElement('tr');
      columns.forEach(([key, value, numeric]) => {
        const td = document.createElement('td');
        td.textContent = value(p);
        if (numeric) td.className = 'num';
        if (key === 'overall') td.className = `rag-${(p.ragOverall || '').toLowerCase()}`;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    }
    if (ranked.length > 0) {
      select.value = String(ranked[0].projectId);
      await project(ranked[0].projectId);
    } else {
      chart('chart-scurve', lineOption([], [], (v) => v), false);
      chart('chart-trend', lineOption([], [], (v) => v), false);
    }
    const late = ranked.filter((p) => p.forecastFinishEs && p.plannedFinish)
      .map((p) => ({ code: p.code, days: Math.round((new Date(p.forecastFinishEs) - new Date(p.plannedFinish)) / 86400000) }))
      .sort((a, b) => b.days - a.days).slice(0, 15);
    chart('chart-forecast', {
      // the project codes on the axis are shown whole (the grid makes room for them)
      grid: { left: 10, right: 30, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${numbers.format(v)} ${t.days}` },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => numbers.format(v) } },
      yAxis: { type: 'category', data: late.map((l) => l.code), inverse: true },
      series: [{ type: 'bar', data: late.map((l) => ({ value: l.days, itemStyle: { color: l.days > 0 ? '#c62828' : '#2e7d32' } })) }],
    }, late.length > 0);
  }

  async function portfolioTrend() {
    const points = (await getJson('/api/performance/trend?size=200')).items;
    chart('chart-portfolio-trend', lineOption(points, [
      { name: t.spi, value: (p) => p.spi }, { name: t.cpi, value: (p) => p.cpi }], (v) => indices.format(v)),
    points.length > 0);
  }

  async function heatMap() {
    const map = await getJson('/api/performance/risk-heat-map');
    const data = [];
    map.counts.forEach((row, p) => row.forEach((count, i) => data.push([i, p, count])));
    chart('chart-heatmap', {
      tooltip: { trigger: 'item', formatter: (x) => `${t.probability} ${x.value[1] + 1} × ${t.impact} ${x.value[0] + 1}: ${numbers.format(x.value[2])}` },
      xAxis: { type: 'category', name: t.impact, data: [1, 2, 3, 4, 5] },
      yAxis: { type: 'category', name: t.probability, data: [1, 2, 3, 4, 5] },
      visualMap: { min: 0, max: Math.max(1, ...data.map((d) => d[2])), calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#e8f5e9', '#fff59d', '#ef5350'] } },
      grid: { bottom: 70 },
      series: [{ type: 'heatmap', data, label: { show: true, formatter: (x) => numbers.format(x.value[2]) } }],
    }, map.total > 0);
  }

  async function escalations() {
    const open = await getJson('/api/performance/escalations');
    chart('chart-escalations', {
      tooltip: { trigger: 'axis', valueFormatter: (v) => numbers.format(v) },
      xAxis: { type: 'category', data: open.map((o) => t[o.entityType] || o.entityType) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v) => numbers.format(v) } },
      series: [{ type: 'bar', data: open.map((o) => o.open), itemStyle: { color: '#6a1b9a' } }],
    }, open.some((o) => o.open > 0));
  }

  async function changeCycle() {
    const months = (await getJson('/api/performance/change-cycle-time?size=24')).items;
    const monthFormat = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    chart('chart-change', {
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${numbers.format(v)} ${t.days}` },
      xAxis: { type: 'category', data: months.map((m) => monthFormat.format(new Date(m.month + '-01T00:00:00Z'))) },
      yAxis: { type: 'value', axisLabel: { formatter: (v) => numbers.format(v) } },
      // each bar names its value: a month whose requests were decided within the day shows 0, not an empty chart
      series: [{ type: 'bar', name: t.days, data: months.map((m) => m.averageDays), itemStyle: { color: '#1565c0' },
        label: { show: true, position: 'top', formatter: (p) => numbers.format(p.value) } }],
    }, months.length > 0);
  }

  async function missing() {
    const page = await getJson('/api/performance/missing-reports?size=15');
    const items = page.items;
    chart('chart-missing', {
      grid: { left: 10, right: 60, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${numbers.format(v)} ${t.days}` },
      xAxis: { type: 'value', name: t.daysLate, nameLocation: 'middle', nameGap: 28,
        axisLabel: { formatter: (v) => numbers.format(v) } },
      yAxis: { type: 'category', inverse: true, data: items.map((m) => `${m.code} (${date(m.statusDate)})`) },
      series: [{ type: 'bar', data: items.map((m) => m.daysLate), itemStyle: { color: '#ef6c00' } }],
    }, items.length > 0);
  }

  const jobs = [['chart-rag', portfolio], ['chart-scurve', projects], ['chart-portfolio-trend', portfolioTrend],
    ['chart-heatmap', heatMap], ['chart-escalations', escalations], ['chart-change', changeCycle],
    ['chart-missing', missing]];
  Promise.all(jobs.map(([id, job]) => job().catch((e) => failed(id, e)))).then(() => {
    document.body.dataset.loaded = 'true';
  });
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
})();
