'use strict';
// "My cases": the signed-in user's cases from GET /api/my/cases (README, "My cases and references"). Read-only; every
// value is put into the page as text (textContent), never as HTML.
(function () {
  // English or Simplified Chinese (?lang=en|zh-CN, else the browser's first language), as the auditor's page
  const TEXTS = {
    en: {
      title: 'PMO Governance · My cases',
      subtitle: 'What you raised or own: change requests, risks, issues, project proposals and improvement proposals, '
        + 'newest first, with where each waits, for whom and since when. Signed in to Tasklist, you are signed in here.',
      loading: 'Loading your cases…', reference: 'Reference', kind: 'Kind', caseTitle: 'Title', project: 'Project',
      status: 'Status', waitsAt: 'Waits at', forWhom: 'For whom', since: 'Since', more: 'Load more',
      noticesIn: 'My notices in', saved: 'saved', notSaved: (m) => `not saved: ${m}`,
      notRead: (m) => `not read: ${m}`,
      owner: ' (owner)', noTask: 'no open task', nobody: 'nobody yet', group: (g) => `group ${g}`,
      count: (n) => `${n} case(s)`, showing: (shown, total) => `Showing ${shown} of ${total}, newest first.`,
      none: 'You have raised no case yet.', unreadable: (m) => `Your cases could not be read: ${m}`,
      kinds: {},
    },
    'zh-CN': {
      title: 'PMO 治理 · 我的案例',
      subtitle: '您提出或负责的案例：变更请求、风险、问题、项目提案和改进提案，按时间倒序，显示每个案例在哪一步等待、'
        + '等待谁处理以及从何时开始。已登录 Tasklist 即已登录本页。',
      loading: '正在加载您的案例…', reference: '编号', kind: '类别', caseTitle: '标题', project: '项目', status: '状态',
      waitsAt: '等待于', forWhom: '处理人', since: '开始时间', more: '加载更多', owner: '（负责人）',
      noticesIn: '我的通知语言', saved: '已保存', notSaved: (m) => `未保存：${m}`,
      notRead: (m) => `无法读取：${m}`,
      noTask: '无待办任务', nobody: '尚无处理人', group: (g) => `用户组 ${g}`, count: (n) => `共 ${n} 个案例`,
      showing: (shown, total) => `显示 ${total} 个中的 ${shown} 个，按时间倒序。`, none: '您尚未提出任何案例。',
      unreadable: (m) => `无法读取您的案例：${m}`,
      kinds: { 'change request': '变更请求', risk: '风险', issue: '问题', 'project proposal': '项目提案',
        'improvement proposal': '改进提案' },
    },
  };
  const wanted = new URLSearchParams(location.search).get('lang')
    || (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  const lang = wanted.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const t = TEXTS[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  document.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t[e.dataset.i18n] || e.textContent; });
  // times in the reader's locale and time zone, as the auditor's page
  const times = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  document.getElementById('since').textContent = `${t.since} (${Intl.DateTimeFormat().resolvedOptions().timeZone})`;

  const PAGE_SIZE = 50;
  const body = document.querySelector('#cases tbody');
  const more = document.getElementById('more');
  const summary = document.getElementById('summary');
  const state = document.getElementById('state');
  let page = 0;
  let shown = 0;

  function cell(value, className) {
    const td = document.createElement('td');
    td.textContent = value == null ? '' : String(value);
    if (className) td.className = className;
    return td;
  }

  function forWhom(wait) {
    if (wait.assignee) return wait.assignee;
    const groups = (wait.candidateGroups || []).map(t.group);
    return groups.concat(wait.candidateUsers || []).join(', ') || t.nobody;
  }

  function since(value) {
    return value ? times.format(new Date(value)) : '';
  }

  function row(item) {
    const tr = document.createElement('tr');
    tr.dataset.reference = item.reference;
    const reference = cell('', 'reference');
    if (item.link) {
      const a = document.createElement('a');
      a.href = item.link;
      a.textContent = item.reference;
      reference.appendChild(a);
    } else {
      reference.textContent = item.reference;
    }
    tr.appendChild(reference);
    tr.appendChild(cell((t.kinds[item.kind] || item.kind) + (item.role === 'owner' ? t.owner : '')));
    tr.appendChild(cell(item.title));
    tr.appendChild(cell(item.projectCode ? `${item.projectCode} ${item.projectName}` : ''));
    tr.appendChild(cell(item.status));
    const waits = item.waitsAt || [];
    const at = cell('', waits.length ? 'waiting' : 'done');
    if (!waits.length) {
      at.textContent = t.noTask;
    }
    waits.forEach((wait, i) => {
      if (i) at.appendChild(document.createElement('br'));
      if (wait.tasklistLink) {
        const a = document.createElement('a');
        a.href = wait.tasklistLink;
        a.textContent = wait.task;
        at.appendChild(a);
      } else {
        at.appendChild(document.createTextNode(wait.task));
      }
    });
    tr.appendChild(at);
    tr.appendChild(cell(waits.map(forWhom).join('; ')));
    tr.appendChild(cell(waits.map((w) => since(w.since)).join('; ')));
    return tr;
  }

  // the language of the signed-in user's notices (GET/PUT /api/me/language), chosen here
  const language = document.getElementById('language');
  const saved = document.getElementById('language-saved');
  async function showLanguage() {
    const chosen = await window.PmoSession.getJson('/api/me/language');
    language.value = chosen.language;
    language.closest('label').hidden = false;
  }
  language.addEventListener('change', async () => {
    saved.textContent = '';
    try {
      const response = await window.PmoSession.send('PUT', '/api/me/language', { language: language.value });
      const answer = await response.json().catch(() => ({}));
      saved.textContent = response.ok ? t.saved : t.notSaved(answer.detail || answer.title || response.status);
    } catch (e) {
      saved.textContent = t.notSaved(e.message);
    }
  });

  async function load() {
    const result = await window.PmoSession.getJson(`/api/my/cases?size=${PAGE_SIZE}&page=${page}`);
    result.items.forEach((item) => body.appendChild(row(item)));
    shown += result.items.length;
    state.textContent = t.count(result.total);
    state.className = 'chain intact';
    summary.textContent = result.total ? t.showing(shown, result.total) : t.none;
    more.hidden = shown >= result.total;
  }

  more.addEventListener('click', () => {
    page += 1;
    load();
  });
  // signed in to Tasklist in this browser is signed in here (the webapps' session); otherwise the page's own form
  window.PmoSession.attach(async () => {
    await load();
    // the cases are shown; the language control appears once its read succeeds, and says why it did not otherwise
    await showLanguage().catch((e) => {
      if (e instanceof window.PmoSession.SignInNeeded) throw e;
      saved.textContent = t.notRead(e.message);
      saved.closest('label').hidden = false;
    });
  }).catch((e) => {
    state.textContent = t.unreadable(e.message);
    state.className = 'chain broken';
  });
}());
