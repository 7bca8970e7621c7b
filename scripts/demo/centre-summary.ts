import { relative } from 'node:path';
import type { CentreDayReport } from './centre-day';
import { ROOT } from './run-cli';

/* The last lines of `npm run demo:exam-day`: what the evaluation centre did with the day. */

export function centreSummary(
  centre: CentreDayReport,
  audit: { ok: boolean; records?: number },
): string[] {
  const first = centre.issued[0] ?? '';
  const last = centre.issued.at(-1) ?? '';
  return [
    '评价中心完成 · evaluation centre finished',
    `  batch 认定批次: ${String(centre.candidates)} candidates · ${String(centre.passed)} passed 合格 · ${String(centre.failed)} failed 不合格 (submitted by zhang.san, approved by li.si)`,
    `  certificates 证书: ${String(centre.issued.length)} issued ${first}${centre.issued.length > 1 ? ` … ${last}` : ''}`,
    `  public lookup 公开查询: ${centre.lookupUrl}`,
    `  lookup ${centre.lookupOk ? 'OK' : 'FAILED'}: ${first}`,
    `  audit chain 审计链: ${audit.ok ? `intact, ${String(audit.records ?? 0)} records` : 'BROKEN'}`,
    `  centre store 中心数据: ${relative(ROOT, centre.dataDir)} — to look around: node apps/center/bin/center.js serve --data ${relative(ROOT, centre.dataDir)}`,
    ...centre.accounts.map(
      (a) => `    ${a.role.padEnd(13)} ${a.username.padEnd(10)} ${a.password}`,
    ),
  ];
}
