'use strict';
// Labels of the dashboard in English and Simplified Chinese; numbers and dates are formatted by Intl for the locale.
window.PMO_I18N = {
  en: {
    title: 'PMO Governance · Performance', subtitle: 'Read-only. Figures from the latest status reports; every chart is also an /api/performance endpoint.',
    rag: 'Portfolio RAG', scurve: 'Earned value S-curve', project: 'Project', trend: 'SPI, CPI and SPI(t)',
    portfolioTrend: 'Portfolio SPI and CPI (weighted by BAC)', forecast: 'Forecast finish (days after the plan)',
    heatmap: 'Risk heat map (open risks)', escalations: 'Escalations open', changeCycle: 'Change cycle time (days)',
    missing: 'Status reports missing', ranked: 'Projects by performance (worst first)',
    green: 'Green', amber: 'Amber', red: 'Red', none: 'No report', pv: 'Planned value', ev: 'Earned value',
    ac: 'Actual cost', spi: 'SPI', cpi: 'CPI', spiT: 'SPI(t)', probability: 'Probability', impact: 'Impact',
    risks: 'Risks', days: 'Days', decided: 'Decided', projects: 'Projects in execution', reporting: 'Reporting',
    breaches: 'In breach', plans: 'Improvement plans open', missingTile: 'Reports missing', bac: 'Budget (BAC)',
    code: 'Project', name: 'Name', manager: 'Manager', statusDate: 'Status date', overall: 'RAG', band: 'KPI band',
    eac: 'EAC', plannedFinish: 'Planned finish', forecastFinish: 'Forecast finish (ES)', falling: 'Falling',
    RISK: 'Risks', ISSUE: 'Issues', CHANGE_REQUEST: 'Change requests', STATUS_REPORT: 'Status reports',
    daysLate: 'Days late', yes: 'yes', no: '', loadFailed: 'Could not load',
  },
  'zh-CN': {
    title: 'PMO 治理 · 绩效', subtitle: '只读。数据来自最新的状态报告；每个图表也可通过 /api/performance 接口获取。',
    rag: '项目组合 RAG 状态', scurve: '挣值 S 曲线', project: '项目', trend: 'SPI、CPI 与 SPI(t)',
    portfolioTrend: '项目组合 SPI 与 CPI（按 BAC 加权）', forecast: '预测完工（晚于计划的天数）',
    heatmap: '风险热力图（未关闭风险）', escalations: '未关闭的升级', changeCycle: '变更周期（天）',
    missing: '缺失的状态报告', ranked: '项目绩效排名（最差在前）',
    green: '绿', amber: '黄', red: '红', none: '无报告', pv: '计划价值', ev: '挣值', ac: '实际成本',
    spi: 'SPI', cpi: 'CPI', spiT: 'SPI(t)', probability: '可能性', impact: '影响', risks: '风险', days: '天',
    decided: '已决定', projects: '执行中的项目', reporting: '已报告', breaches: '超出阈值', plans: '进行中的改进计划',
    missingTile: '缺失的报告', bac: '完工预算 (BAC)', code: '项目', name: '名称', manager: '项目经理',
    statusDate: '状态日期', overall: 'RAG', band: 'KPI 区间', eac: '完工估算 (EAC)', plannedFinish: '计划完工',
    forecastFinish: '预测完工 (ES)', falling: '连续下降', RISK: '风险', ISSUE: '问题', CHANGE_REQUEST: '变更请求',
    STATUS_REPORT: '状态报告', daysLate: '逾期天数', yes: '是', no: '', loadFailed: '无法加载',
  },
};
