'use strict';
// Labels of the migration page in English and Simplified Chinese (as the auditor's page: ?lang=en|zh-CN, else the
// browser's first language). Times in the reader's locale and time zone. What the server and the engine write (process
// and activity names and ids, the engine's reasons why an element cannot be migrated) is shown as it comes.
window.PMO_MIGRATION_I18N = {
  en: {
    title: 'PMO Governance · Migrate running instances',
    subtitle: 'For process owners and administrators. Pick a process and two of its versions: the mapping is '
      + 'generated from equal activity ids and can be edited; Validate shows what cannot be migrated and why; Execute '
      + 'moves the running instances of the source version as a batch and records it in the audit trail.',
    loading: 'Loading the processes…', process: 'Process', source: 'From version', target: 'To version',
    generate: 'Generate mapping', mapping: 'Mapping',
    mappingHint: 'One instruction per line: source activity id → target activity id. Edit the target, remove a row, '
      + 'or add one.',
    from: 'From (source version)', to: 'To (target version)', add: 'Add instruction', remove: 'Remove',
    sourceActivity: 'Source activity id', targetActivity: 'Target activity id',
    instances: 'Only these instances (process instance ids, one per line; empty: every running instance of the source '
      + 'version)',
    validate: 'Validate', execute: 'Execute', element: 'Element', why: 'Why it cannot be migrated',
    instance: 'Instance', plan: '(plan)', history: 'Executed migrations', when: 'When', who: 'Who',
    fromTo: 'From → to', instanceCount: 'Instances', state: 'State',
    forbidden: 'Only process owners and administrators may migrate instances (403).',
    versionLabel: (v, tag, running) => `v${v}${tag ? ` (${tag})` : ''} · ${running} running`,
    processLabel: (name, key, versions) => `${name} (${key}) · ${versions} version(s)`,
    processes: (count) => `${count} process(es)`,
    valid: (count, source, target, tried) => `Valid: ${count} instance(s) of v${source} can move to v${target} `
      + `(tried on ${tried}).`,
    invalid: (problems, count) => `Not valid: ${problems} problem(s) for ${count} instance(s).`,
    submitted: (id, count, batch) => `Migration #${id} submitted: ${count} instance(s), batch ${batch}`,
    progress: (state, migrated, count, target) => `${state} (${migrated} of ${count} on v${target})`,
  },
  'zh-CN': {
    title: 'PMO 治理 · 迁移运行中的实例',
    subtitle: '供流程负责人和管理员使用。选择一个流程及其两个版本：映射按相同的活动 ID 自动生成，可以修改；'
      + '“校验”列出无法迁移的内容及原因；“执行”以批处理方式迁移源版本的运行中实例，并记入审计记录。',
    loading: '正在加载流程…', process: '流程', source: '源版本', target: '目标版本', generate: '生成映射',
    mapping: '映射', mappingHint: '每行一条指令：源活动 ID → 目标活动 ID。可修改目标、删除一行或新增一行。',
    from: '源（源版本）', to: '目标（目标版本）', add: '新增指令', remove: '删除',
    sourceActivity: '源活动 ID', targetActivity: '目标活动 ID',
    instances: '仅迁移这些实例（流程实例 ID，每行一个；留空则迁移源版本的全部运行中实例）',
    validate: '校验', execute: '执行', element: '元素', why: '无法迁移的原因', instance: '实例', plan: '（迁移计划）',
    history: '已执行的迁移', when: '时间', who: '执行人', fromTo: '源 → 目标', instanceCount: '实例数', state: '状态',
    forbidden: '只有流程负责人和管理员可以迁移实例（403）。',
    versionLabel: (v, tag, running) => `v${v}${tag ? `（${tag}）` : ''} · ${running} 个运行中`,
    processLabel: (name, key, versions) => `${name}（${key}）· ${versions} 个版本`,
    processes: (count) => `共 ${count} 个流程`,
    valid: (count, source, target, tried) => `校验通过：v${source} 的 ${count} 个实例可以迁移到 v${target}`
      + `（已试迁 ${tried} 个）。`,
    invalid: (problems, count) => `校验未通过：${count} 个实例存在 ${problems} 个问题。`,
    submitted: (id, count, batch) => `迁移 #${id} 已提交：${count} 个实例，批处理 ${batch}`,
    progress: (state, migrated, count, target) => `${state}（${count} 个中已有 ${migrated} 个在 v${target} 上）`,
  },
};
