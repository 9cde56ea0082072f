/**
 * What people call a case's state, source and urgency, in each language of the console: one table
 * for the console's screens and the server's exports (the ledger's Chinese columns). No imports:
 * the console loads it on its own (`@urbangrid/domain/case-names`).
 */
const zhCN = {
  states: {
    reported: '已受理',
    verifying: '核实中',
    verified: '待立案',
    filed: '待派遣',
    dispatched: '待签收',
    handling: '处置中',
    suspended: '挂账',
    handled: '待核查',
    reviewing: '核查中',
    reviewed: '待结案',
    closed: '已结案',
    rejected: '不予立案',
    cancelled: '已作废',
  },
  urgency: { normal: '一般', urgent: '紧急' },
  sources: {
    hotline: '热线',
    app: 'App',
    officer: '监督员',
    public: '公众',
    video: '视频',
    inspection: '检查考评',
    police110: '110转办',
  },
};

const en = {
  states: {
    reported: 'Reported',
    verifying: 'Verifying',
    verified: 'To file',
    filed: 'To dispatch',
    dispatched: 'To accept',
    handling: 'Handling',
    suspended: 'Suspended',
    handled: 'To check',
    reviewing: 'Checking',
    reviewed: 'To close',
    closed: 'Closed',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
  },
  urgency: { normal: 'Normal', urgent: 'Urgent' },
  sources: {
    hotline: 'Hotline',
    app: 'App',
    officer: 'Officer',
    public: 'Public',
    video: 'Video',
    inspection: 'Inspection',
    police110: '110 police',
  },
};

export const caseNames = { 'zh-CN': zhCN, en };
