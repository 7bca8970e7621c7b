/* The strings of 审计链核验 (the audit chain check on 质量督导): zh-CN first, English alongside. */

export const AUDIT_ZH = {
  auditCheck: '审计链核验',
  auditCheckHelp:
    '每个成绩包的考点回执和此前记下的链头都是外部锚点：只要有一个锚点与链不符，就说明其所指记录或更早的记录被改写过。',
  auditHead: '当前链头',
  auditHeadEmpty: '审计链尚无记录',
  auditHeadNote: '请把链头抄下或复制到本机以外保存（纸上、另一台设备）：日后以它为锚点核验。',
  auditAnchors: '外部锚点（每行一个：考点回执或此前记下的链头）',
  auditAnchorsPlaceholder: '812:3f5a…（64 位十六进制）  // 广州第一考点 6 月 1 日回执',
  auditVerify: '核验',
  auditAnchorLine: '第 {line} 行：锚点应写作「序号:64 位十六进制哈希」，实为「{text}」',
  auditTooMany: '锚点过多：{count} 个，一次最多 {max} 个',
  auditIntact: '审计链完整',
  auditIntactDetail: '共 {records} 条记录，核对外部锚点 {anchors} 个',
  auditHeadHash: '链头哈希',
  auditBroken: '审计链不完整：问题出在记录 #{seq}',
  auditProblem: '问题：{problem}',
  auditSubject: '涉及：{subject}',
  auditRecordsRead: '逐条核对通过的记录 {records} 条',
} as const;

export const AUDIT_EN: Readonly<Record<keyof typeof AUDIT_ZH, string>> = {
  auditCheck: 'Audit chain check',
  auditCheckHelp:
    'Receipts that sites keep for each results package and heads written down earlier are external anchors: one anchor the chain does not match means that record or an earlier one was rewritten.',
  auditHead: 'Current head',
  auditHeadEmpty: 'The audit chain has no records yet',
  auditHeadNote:
    'Write the head down or copy it off this machine (paper, another device): check against it later.',
  auditAnchors: 'External anchors (one a line: site receipts or heads written down earlier)',
  auditAnchorsPlaceholder: '812:3f5a… (64 hex digits)  // receipt from a site, 1 June',
  auditVerify: 'Check',
  auditAnchorLine: 'Line {line}: an anchor is <seq>:<64 hex hash>, not “{text}”',
  auditTooMany: 'Too many anchors: {count}, at most {max} at a time',
  auditIntact: 'Audit chain intact',
  auditIntactDetail: '{records} records, {anchors} external anchors checked',
  auditHeadHash: 'Head hash',
  auditBroken: 'Audit chain broken at record #{seq}',
  auditProblem: 'Problem: {problem}',
  auditSubject: 'Concerns: {subject}',
  auditRecordsRead: '{records} records follow from their predecessors',
};
