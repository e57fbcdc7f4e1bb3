'use strict';
// Labels of the auditor's page in English and Simplified Chinese (the dashboard's approach: ?lang=en|zh-CN, else the
// browser's first language). Times are formatted by Intl in the reader's locale and time zone. What the server writes
// (titles of events, names, comments) is shown as stored.
window.PMO_AUDIT_I18N = {
  en: {
    title: 'PMO Governance · Audit',
    subtitle: 'Read-only. Everything that happened to a project: running and finished processes, every task and who '
      + 'completed it, every decision with its rule version, inputs and outputs, every variable change, every record '
      + 'change with before and after.',
    checking: 'Checking the audit trail…', project: 'Project', projectFilter: 'Filter by code or name', show: 'Show',
    PROCESS: 'Process', TASK: 'Task', DECISION: 'Decision', DOMAIN: 'Record change', VARIABLE: 'Variable',
    kindPROCESS: 'Processes', kindTASK: 'Tasks', kindDECISION: 'Decisions', kindDOMAIN: 'Record changes',
    kindVARIABLE: 'Variables', export: 'Export CSV', when: 'When', kind: 'Kind', what: 'What', who: 'Who',
    process: 'Process', details: 'Details', more: 'Load more', before: 'before', after: 'after', case: 'Case',
    noProject: 'No project selected.',
    summary: (total, loaded, shown) => `${total} entries for this project; ${loaded} loaded, ${shown} shown.`,
    intact: (checked) => `Audit trail intact up to event ${checked}`,
    unsealed: (count, overdue) => ` (${count} newer not sealed yet${overdue ? ': OVERDUE, is the sealer running?' : ''})`,
    broken: (seq, reason) => `Audit trail BROKEN at event ${seq}: ${reason}`,
    notVerified: (message) => `Audit trail not verified: ${message}`,
    cannotRead: (message) => `Cannot read the audit data: ${message}`,
    entryTitle: (title) => title,
  },
  'zh-CN': {
    title: 'PMO 治理 · 审计',
    subtitle: '只读。项目发生的一切：运行中和已结束的流程、每个任务及其完成人、每个决策及其规则版本、输入和输出、'
      + '每次变量变更、每次记录变更（含变更前后）。',
    checking: '正在校验审计记录…', project: '项目', projectFilter: '按编号或名称筛选', show: '显示',
    PROCESS: '流程', TASK: '任务', DECISION: '决策', DOMAIN: '记录变更', VARIABLE: '变量',
    kindPROCESS: '流程', kindTASK: '任务', kindDECISION: '决策', kindDOMAIN: '记录变更', kindVARIABLE: '变量',
    export: '导出 CSV', when: '时间', kind: '类别', what: '内容', who: '执行人', process: '流程', details: '详情',
    more: '加载更多', before: '变更前', after: '变更后', case: '案例',
    noProject: '未选择项目。',
    summary: (total, loaded, shown) => `本项目共 ${total} 条记录；已加载 ${loaded} 条，显示 ${shown} 条。`,
    intact: (checked) => `审计记录完整，已校验至第 ${checked} 条事件`,
    unsealed: (count, overdue) => `（另有 ${count} 条较新的事件尚未封存${overdue ? '：已逾期，封存任务是否在运行？' : ''}）`,
    broken: (seq, reason) => `审计记录在第 ${seq} 条事件处被破坏：${reason}`,
    notVerified: (message) => `审计记录未能校验：${message}`,
    cannotRead: (message) => `无法读取审计数据：${message}`,
    // the server's event titles have a few fixed shapes; the names in them (processes, tasks, decisions) stay as modelled
    entryTitle: (title) => title
      .replace(/^Started: /, '已启动：').replace(/^Ended: /, '已结束：').replace(/^Completed: /, '已完成：')
      .replace(/^Decided: /, '已决策：').replace(/ \(open\)$/, '（进行中）').replace(/ \(completed\)$/, '（已完成）'),
  },
};
