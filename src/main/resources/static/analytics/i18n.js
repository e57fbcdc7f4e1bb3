'use strict';
// Labels of the analytics page in English and Simplified Chinese (the dashboard's approach: ?lang=en|zh-CN, else the
// browser's first language). Names of processes, steps and flows are shown as modelled.
window.PMO_ANALYTICS_I18N = {
  en: {
    title: 'PMO Governance · Process analytics',
    subtitle: 'How the governance processes run, from the engine\'s history: instances, cycle times, the time each step '
      + 'waits to be claimed and is worked, the paths taken, rework loops and SLA breaches. Colour: each step\'s p90 '
      + 'duration against the slowest step\'s.',
    process: 'Process', version: 'Version', from: 'From', to: 'To', category: 'Category', all: 'all',
    export: 'Export CSV', loading: 'Loading…', fast: 'fast', slow: 'slow (p90)', slowestStep: 'slowest step',
    figures: 'figures: runs · p50 / p90 · on flows: times taken', steps: 'Steps', step: 'Step', runs: 'Runs',
    waiting: 'Waiting p50', working: 'Working p50', breaches: 'SLA breaches', paths: 'Paths', flow: 'Flow',
    taken: 'Taken', instances: 'Instances', share: 'Share', rework: 'Rework (2× or more)',
    periods: 'Per version and month', month: 'Month', started: 'Started', completed: 'Completed',
    cancelled: 'Cancelled', cycle50: 'Cycle p50', cycle90: 'Cycle p90',
    units: { s: 's', min: 'min', h: 'h', d: 'd' },
    wait: 'wait', work: 'work',
    flowTitle: (instances, repeated) => `${instances} instances${repeated ? `, ${repeated} took it twice or more` : ''}`,
    noViewer: 'The diagram viewer was not bundled into this build (it had no npm); the figures are in the tables.',
    noProcess: 'No process deployed.',
    cannotShow: (message) => `Cannot show these figures: ${message}`,
    cannotRead: (message) => `Cannot read the analytics: ${message}`,
    summary: (r, t, d, slowest) => `${r.processName}, ${r.version == null ? 'all versions' : 'version ' + r.version}, `
      + `${r.from} to ${r.to}${r.category ? ', category ' + r.category : ''}: ${t.started} started, ${t.completed} `
      + `completed, ${t.cancelled} cancelled; cycle time p50 ${d(t.cycleP50Ms)}, p90 ${d(t.cycleP90Ms)}; `
      + `${t.reminders} reminders, ${t.escalations} escalations; ${t.reworkInstances} instances with rework; slowest `
      + `step: ${slowest}` + (r.pending ? ` (${r.pending} starts and ends still being indexed)` : ''),
  },
  'zh-CN': {
    title: 'PMO 治理 · 流程分析',
    subtitle: '根据引擎的历史记录展示治理流程的运行情况：实例、周期时间、每个步骤等待认领和处理的时间、所走的路径、'
      + '返工循环和 SLA 超时。颜色：每个步骤的 p90 时长与最慢步骤相比。',
    process: '流程', version: '版本', from: '从', to: '到', category: '类别', all: '全部',
    export: '导出 CSV', loading: '正在加载…', fast: '快', slow: '慢 (p90)', slowestStep: '最慢的步骤',
    figures: '数字：执行次数 · p50 / p90 · 连线上：经过次数', steps: '步骤', step: '步骤', runs: '执行次数',
    waiting: '等待 p50', working: '处理 p50', breaches: 'SLA 超时', paths: '路径', flow: '连线',
    taken: '经过次数', instances: '实例数', share: '占比', rework: '返工（2 次及以上）',
    periods: '按版本和月份', month: '月份', started: '已启动', completed: '已完成', cancelled: '已取消',
    cycle50: '周期 p50', cycle90: '周期 p90',
    units: { s: '秒', min: '分钟', h: '小时', d: '天' },
    wait: '等待', work: '处理',
    flowTitle: (instances, repeated) => `${instances} 个实例${repeated ? `，其中 ${repeated} 个经过两次及以上` : ''}`,
    noViewer: '此构建未包含流程图查看器（构建时没有 npm）；数字见下方表格。',
    noProcess: '没有已部署的流程。',
    cannotShow: (message) => `无法显示这些数字：${message}`,
    cannotRead: (message) => `无法读取分析数据：${message}`,
    summary: (r, t, d, slowest) => `${r.processName}，${r.version == null ? '所有版本' : '版本 ' + r.version}，`
      + `${r.from} 至 ${r.to}${r.category ? '，类别 ' + r.category : ''}：已启动 ${t.started}，已完成 ${t.completed}，`
      + `已取消 ${t.cancelled}；周期时间 p50 ${d(t.cycleP50Ms)}，p90 ${d(t.cycleP90Ms)}；提醒 ${t.reminders} 次，`
      + `升级 ${t.escalations} 次；${t.reworkInstances} 个实例有返工；最慢的步骤：${slowest}`
      + (r.pending ? `（还有 ${r.pending} 个启动和结束正在建立索引）` : ''),
  },
};
