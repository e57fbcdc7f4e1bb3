'use strict';
// "My cases": the signed-in user's cases from GET /api/my/cases (README, "My cases and references"). Read-only; every
// value is put into the page as text (textContent), never as HTML.
(function () {
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
    const groups = (wait.candidateGroups || []).map((g) => `group ${g}`);
    return groups.concat(wait.candidateUsers || []).join(', ') || 'nobody yet';
  }

  function since(value) {
    return value ? value.replace('T', ' ').replace(/:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/, '') : '';
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
    tr.appendChild(cell(item.kind + (item.role === 'owner' ? ' (owner)' : '')));
    tr.appendChild(cell(item.title));
    tr.appendChild(cell(item.projectCode ? `${item.projectCode} ${item.projectName}` : ''));
    tr.appendChild(cell(item.status));
    const waits = item.waitsAt || [];
    const at = cell('', waits.length ? 'waiting' : 'done');
    if (!waits.length) {
      at.textContent = 'no open task';
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

  async function load() {
    const result = await window.PmoSession.getJson(`/api/my/cases?size=${PAGE_SIZE}&page=${page}`);
    result.items.forEach((item) => body.appendChild(row(item)));
    shown += result.items.length;
    state.textContent = `${result.total} case(s)`;
    state.className = 'chain intact';
    summary.textContent = result.total ? `Showing ${shown} of ${result.total}, newest first.`
      : 'You have raised no case yet.';
    more.hidden = shown >= result.total;
  }

  more.addEventListener('click', () => {
    page += 1;
    load();
  });
  // signed in to Tasklist in this browser is signed in here (the webapps' session); otherwise the page's own form
  window.PmoSession.attach(load).catch((e) => {
    state.textContent = `Your cases could not be read: ${e.message}`;
    state.className = 'chain broken';
  });
}());
